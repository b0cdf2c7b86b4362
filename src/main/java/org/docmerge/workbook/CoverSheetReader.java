package org.docmerge.workbook;

import static org.docmerge.spec.Labels.norm;

import java.util.List;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Reads the cover sheet: every field the spec declares (机关名称, 年度, 发布日期 …) is found by its label in column A
 * and read from column B of that row as text (numbers without trailing zeros, dates in ISO form). A label that is
 * missing is a {@code WB.LABEL_MISSING} error at the sheet.
 */
final class CoverSheetReader {
  private final String file;
  private final Diagnostics d;
  private final CellReader cells;
  private final ReportData.Builder out;

  CoverSheetReader(String file, Diagnostics d, CellReader cells, ReportData.Builder out) {
    this.file = file;
    this.d = d;
    this.cells = cells;
    this.out = out;
  }

  /** Each field of the spec: its label in column A, its value in column B of the same row. */
  void read(SheetIndex s, List<ReportSpec.Field> fields) {
    for (ReportSpec.Field f : fields) {
      List<SheetIndex.Span> hits = s.find(norm(f.label()), 0, Integer.MAX_VALUE, 0, 0);
      if (hits.isEmpty()) {
        d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
            s.name + " 的 A 列中找不到「" + f.label() + "」，请不要修改或删除这一行的标题。");
        continue;
      }
      int row = hits.get(0).firstRow();
      Location loc = Location.cell(file, s.name, row, 1);
      out.field(f.id(), cells.fieldText(s.cell(row, 1), f), loc);
    }
  }
}
