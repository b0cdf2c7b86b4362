package org.docmerge.workbook;

import static org.docmerge.spec.Labels.norm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Reads a list sheet of the spec (a sheet with a header row and any number of item rows, such as the website
 * kind's accounts): finds each declared column by its label in the first row, then reads every further row that
 * is not entirely blank as one item, its cells read like any other value. A missing column label is one {@code
 * WB.LABEL_MISSING} and the list is not read.
 */
final class ListSheetReader {
  private final String file;
  private final Diagnostics d;
  private final CellReader cells;
  private final ReportData.Builder out;

  ListSheetReader(String file, Diagnostics d, CellReader cells, ReportData.Builder out) {
    this.file = file;
    this.d = d;
    this.cells = cells;
    this.out = out;
  }

  /** A list sheet: column labels in the first row, one item per further row; blank rows are skipped. */
  void read(SheetIndex s, ReportSpec.ListSheet l) {
    Map<String, Integer> columnOf = new LinkedHashMap<>();
    Row header = s.sheet.getRow(0);
    for (ReportSpec.ListColumn c : l.columns()) {
      int found = -1;
      if (header != null) {
        for (int col = 0; col < Math.max(0, header.getLastCellNum()); col++) {
          if (norm(CellReader.strip(cells.text(header.getCell(col)))).equals(norm(c.label()))) {
            found = col;
            break;
          }
        }
      }
      if (found < 0) {
        d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
            s.name + " 的第 1 行中找不到列标题「" + c.label() + "」，请不要修改或删除列表的标题行（可以重新运行 docmerge init 对照原样）。");
        return;
      }
      columnOf.put(c.id(), found);
    }
    List<Map<String, CellValue>> rows = new ArrayList<>();
    for (int r = 1; r <= s.sheet.getLastRowNum(); r++) {
      Map<String, CellValue> row = new LinkedHashMap<>();
      boolean blank = true;
      for (ReportSpec.ListColumn c : l.columns()) {
        CellValue v = cells.value(s, r, columnOf.get(c.id()));
        blank &= v.isBlank();
        row.put(c.id(), v);
      }
      if (!blank) {
        rows.add(row);
      }
    }
    out.list(l.id(), rows);
  }
}
