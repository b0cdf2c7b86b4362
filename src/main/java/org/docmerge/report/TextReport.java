package org.docmerge.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain-text form of a report: paragraphs one per line; a table row is a run of lines each beginning
 * with a tab (one cell per line; a line without a tab right after a cell continues that cell, as in 「商业」
 * 「企业」); rows are separated by one blank line; a line without a tab after a blank line ends the table. Spans
 * are not in this form: a merged-away cell is a blank cell. Stateless.
 */
public final class TextReport {
  private TextReport() {}

  public static PublishedReport read(String text, String source) {
    List<PublishedReport.Block> blocks = new ArrayList<>();
    List<List<PublishedReport.Cell>> rows = null;
    List<StringBuilder> row = null;
    boolean lastWasCell = false;
    for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String line = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
      if (line.startsWith("\t")) {
        if (rows == null) {
          rows = new ArrayList<>();
        }
        if (row == null) {
          row = new ArrayList<>();
        }
        row.add(new StringBuilder(line.substring(1).strip()));
        lastWasCell = true;
        continue;
      }
      if (line.isBlank()) {
        if (row != null) {
          rows.add(cells(row));
          row = null;
        }
        lastWasCell = false;
        continue;
      }
      if (lastWasCell && row != null) {
        row.get(row.size() - 1).append('\n').append(line.strip());
        continue;
      }
      if (rows != null) {
        if (row != null) {
          rows.add(cells(row));
          row = null;
        }
        blocks.add(new PublishedReport.Table(rows, false));
        rows = null;
      }
      blocks.add(new PublishedReport.Paragraph(line.strip()));
      lastWasCell = false;
    }
    if (row != null) {
      rows.add(cells(row));
    }
    if (rows != null) {
      blocks.add(new PublishedReport.Table(rows, false));
    }
    return new PublishedReport(source, "text", blocks);
  }

  private static List<PublishedReport.Cell> cells(List<StringBuilder> row) {
    return row.stream().map(sb -> PublishedReport.Cell.of(sb.toString())).toList();
  }
}
