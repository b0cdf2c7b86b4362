package org.docmerge.workbook;

import static org.docmerge.spec.Labels.norm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Reads the prose sheet into the report's sections: a 「部分」 column naming each section once and a 「内容」 column
 * whose lines are its paragraphs, continuation rows leaving 「部分」 empty. An unknown section name is warned about
 * and its rows skipped ({@code WB.PROSE_UNKNOWN_LABEL}); a section named twice ({@code WB.LABEL_DUPLICATE}) or
 * not at all ({@code WB.LABEL_MISSING}) is an error.
 */
final class ProseSheetReader {
  private final String file;
  private final Diagnostics d;
  private final CellReader cells;
  private final ReportData.Builder out;

  ProseSheetReader(String file, Diagnostics d, CellReader cells, ReportData.Builder out) {
    this.file = file;
    this.d = d;
    this.cells = cells;
    this.out = out;
  }

  /**
   * Rows below the 「部分」/「内容」 header (or from the top, columns A and B, without one): a row naming a section
   * starts it, following rows with an empty 「部分」 cell continue it; every line of a 「内容」 cell is a paragraph.
   */
  void read(SheetIndex s, List<ReportSpec.Section> sections) {
    int partCol = 0;
    int textCol = 1;
    int headerRow = -1;
    List<SheetIndex.Span> part = s.find("部分", 0, 10, 0, Integer.MAX_VALUE);
    List<SheetIndex.Span> content = s.find("内容", 0, 10, 0, Integer.MAX_VALUE);
    if (!part.isEmpty() && !content.isEmpty()) {
      partCol = part.get(0).firstCol();
      textCol = content.get(0).firstCol();
      headerRow = part.get(0).lastRow();
    }
    Map<String, ReportSpec.Section> byLabel = new HashMap<>();
    sections.forEach(sec -> byLabel.put(norm(sec.label()), sec));
    Map<String, List<String>> paras = new HashMap<>();
    Map<String, Location> locs = new HashMap<>();
    Set<String> seen = new HashSet<>();
    ReportSpec.Section current = null;
    for (int r = headerRow + 1; r <= s.sheet.getLastRowNum(); r++) {
      String label = norm(cells.text(s.cell(r, partCol)));
      if (!label.isEmpty()) {
        ReportSpec.Section sec = byLabel.get(label);
        if (sec == null) {
          d.warning("WB.PROSE_UNKNOWN_LABEL", Location.cell(file, s.name, r, partCol),
              "「部分」列中的「" + CellReader.strip(cells.text(s.cell(r, partCol))) + "」不是报告的任何一部分，本行内容没有读取。"
                  + "续行的「部分」列请留空；如果这是改过的名称，请改回原来的名称。");
          current = null;
          continue;
        }
        if (!seen.add(sec.id())) {
          d.error("WB.LABEL_DUPLICATE", Location.cell(file, s.name, r, partCol),
              "「" + sec.label() + "」出现了两次。一部分有多段时，续行的「部分」列请留空。");
          current = null;
          continue;
        }
        current = sec;
        paras.put(sec.id(), new ArrayList<>());
        locs.put(sec.id(), Location.cell(file, s.name, r, textCol));
      }
      if (current == null) {
        continue;
      }
      for (String p : cells.text(s.cell(r, textCol)).split("\\r\\n|[\\n\\r\\u000B\\u2028\\u2029]")) {
        String t = CellReader.strip(p);
        if (!t.isEmpty()) {
          paras.get(current.id()).add(t);
        }
      }
    }
    for (ReportSpec.Section sec : sections) {
      if (!seen.contains(sec.id())) {
        d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
            s.name + " 的「部分」列中找不到「" + sec.label() + "」，请不要修改或删除这一部分的名称。");
      } else {
        out.prose(sec.id(), paras.get(sec.id()), locs.get(sec.id()));
      }
    }
  }
}
