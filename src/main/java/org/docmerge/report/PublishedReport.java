package org.docmerge.report;

import java.util.List;

/**
 * A published report as a neutral structure, whatever it was published as (.docx, a web page, plain text): its
 * body in reading order, each block a paragraph or a table. Readers build it; the extractor maps it to a report
 * kind. Pure Java; immutable and thread-safe.
 *
 * @param source the file name as the user gave it
 * @param format where it came from: {@code docx}, {@code doc}, {@code html}, {@code pdf} or {@code text}
 * @param blocks the body in reading order
 */
public record PublishedReport(String source, String format, List<Block> blocks) {

  public PublishedReport {
    blocks = List.copyOf(blocks);
  }

  /** A paragraph or a table. */
  public sealed interface Block permits Paragraph, Table {}

  /** One paragraph's visible text (line breaks inside it kept as {@code \n}). */
  public record Paragraph(String text) implements Block {}

  /**
   * A table as published: rows of cells, each cell spanning {@code colspan} columns and {@code rowspan} rows;
   * a cell covered by a span above it is not repeated. {@code spansKnown} is false for plain text, where spans
   * were lost and a merged-away cell shows as a blank cell. {@code blanksVisible} is false where a blank cell
   * leaves no trace (columns separated by runs of spaces, as {@code pdftotext -layout} gives): a row with fewer
   * cells than columns then cannot say which of its columns are blank.
   */
  public record Table(List<List<Cell>> rows, boolean spansKnown, boolean blanksVisible) implements Block {
    public Table {
      rows = rows.stream().map(List::copyOf).toList();
    }

    public Table(List<List<Cell>> rows, boolean spansKnown) {
      this(rows, spansKnown, true);
    }
  }

  /**
   * Adds a Word table read from a .docx or a .doc to {@code out}: as a table, or, when it is a one-cell frame around
   * other tables (a layout device), as its text's lines followed by those tables; {@code inner} (the tables found
   * inside its cells) follow either way.
   */
  public static void addWordTable(List<List<Cell>> cells, List<Block> inner, List<Block> out) {
    if (cells.size() == 1 && cells.get(0).size() == 1 && !inner.isEmpty()) {
      for (String line : cells.get(0).get(0).text().split("\n")) {
        if (!line.isBlank()) {
          out.add(new Paragraph(line.strip()));
        }
      }
    } else if (!cells.isEmpty()) {
      out.add(new Table(cells, true));
    }
    out.addAll(inner);
  }

  /**
   * A Word table cell's text from the blocks read inside it: its paragraphs' lines joined with {@code \n}; the
   * tables in it (and text boxes' tables) go to {@code inner}, to follow the table as tables of their own.
   */
  public static String cellLines(List<Block> blocks, List<Block> inner) {
    List<String> lines = new java.util.ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Paragraph p) {
        lines.add(p.text());
      } else {
        inner.add(b);
      }
    }
    return String.join("\n", lines);
  }

  /** A table cell: its text (line breaks as {@code \n}) and spans, each at least 1. */
  public record Cell(String text, int colspan, int rowspan) {
    public Cell {
      text = text == null ? "" : text;
      colspan = Math.max(1, colspan);
      rowspan = Math.max(1, rowspan);
    }

    public static Cell of(String text) {
      return new Cell(text, 1, 1);
    }
  }
}
