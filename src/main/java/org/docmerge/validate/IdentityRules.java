package org.docmerge.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Identity;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/**
 * The linear identities the spec declares (R03–R06 for the annual report). Each failure names the cells,
 * both sums and the difference. A line with a cell that is not a number is skipped: R01 already reports that
 * cell, and a sum over a blank would only repeat the same problem. Stateless.
 */
final class IdentityRules {
  private IdentityRules() {}

  static void check(ReportSpec spec, ReportData data, Diagnostics d) {
    for (Identity id : spec.identities()) {
      Table table = spec.table(id.table()).orElseThrow();
      List<Line> lines =
          id.alongRows()
              ? table.blocks().stream().flatMap(b -> b.rows().stream()).toList()
              : table.blocks().stream().flatMap(b -> b.columns().stream()).toList();
      for (Line line : lines) {
        checkLine(table, id, line, data, d);
      }
    }
  }

  private static void checkLine(Table table, Identity id, Line line, ReportData data, Diagnostics d) {
    List<CellValue> left = cells(table, id, line, id.left(), data);
    List<CellValue> right = cells(table, id, line, id.right(), data);
    if (left == null || right == null) {
      return;
    }
    BigDecimal l = sum(left);
    BigDecimal r = sum(right);
    if (l.compareTo(r) == 0) {
      return;
    }
    String where = id.where()
        .replace("{row}", "「" + Names.row(table, line) + "」")
        .replace("{column}", "「" + Names.column(table, line) + "」");
    List<String> refs = new ArrayList<>();
    left.forEach(c -> refs.add(c.location().cellRef()));
    right.forEach(c -> refs.add(c.location().cellRef()));
    refs.removeIf(String::isEmpty);
    String message = table.sheet() + " " + where + "：" + id.leftName() + "=" + plain(l) + "，"
        + id.rightName() + "=" + plain(r) + "，相差 " + plain(l.subtract(r).abs()) + "。"
        + (refs.isEmpty() ? "请核对这些数字" : "请核对 " + String.join("、", refs) + " 这些单元格")
        + "，改正后两边应相等。";
    Location at = left.get(0).location();
    d.error(id.rule(), at, message);
  }

  /** The cells of one identity side along one line, or null when any is missing or not a number. */
  private static List<CellValue> cells(Table table, Identity id, Line line, List<String> names, ReportData data) {
    List<CellValue> out = new ArrayList<>();
    for (String name : names) {
      String cellId = id.alongRows()
          ? ReportSpec.cellId(table.id(), line.id(), name)
          : ReportSpec.cellId(table.id(), name, line.id());
      CellValue v = data.values().get(cellId);
      if (v == null || !v.isNumber()) {
        return null;
      }
      out.add(v);
    }
    return out;
  }

  private static BigDecimal sum(List<CellValue> cells) {
    return cells.stream().map(CellValue::number).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.signum() == 0 ? "0" : s.toPlainString();
  }
}
