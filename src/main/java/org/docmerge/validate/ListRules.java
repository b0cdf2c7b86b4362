package org.docmerge.validate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * The rows of list sheets, each cell at its own place ({@code LIST.REQUIRED}, {@code LIST.CHOICE},
 * {@code LIST.NUMBER}, {@code LIST.RANGE}, {@code LIST.TOO_MANY}), and the spec's bounds between cells
 * (left ≤ right, reported under the bound's rule at its first left cell). Stateless.
 */
final class ListRules {
  private ListRules() {}

  static void check(ReportSpec spec, ReportData data, Diagnostics d) {
    for (ReportSpec.ListSheet l : spec.lists()) {
      List<Map<String, CellValue>> rows = data.rows(l.id());
      if (l.maxRows() != null && rows.size() > l.maxRows()) {
        d.error("LIST.TOO_MANY", Location.sheet(data.source(), l.sheet()),
            l.sheet() + " 中有 " + rows.size() + " 行，超过上限 " + l.maxRows() + " 行。请删除多余的行。");
      }
      int n = 0;
      for (Map<String, CellValue> row : rows) {
        n++;
        for (ReportSpec.ListColumn c : l.columns()) {
          CellValue v = row.get(c.id());
          if (v == null) {
            continue;
          }
          String what = l.sheet() + " 第 " + n + " 项的「" + c.label() + "」";
          if (v.isBlank()) {
            if (c.required()) {
              d.error("LIST.REQUIRED", v.location(), what + "为空，请填写。");
            }
            continue;
          }
          if ("choice".equals(c.type()) && !c.choices().contains(v.display().strip())) {
            d.error("LIST.CHOICE", v.location(), what + "是「" + v.display() + "」，只能填写：" + String.join("、", c.choices()) + "。");
          } else if (c.numeric()) {
            number(d, what, v, c);
          }
        }
      }
    }
    for (ReportSpec.Bound b : spec.bounds()) {
      BigDecimal left = sum(data, b.left());
      BigDecimal right = sum(data, b.right());
      if (left == null || right == null || left.compareTo(right) <= 0) {
        continue;
      }
      CellValue at = data.values().get(b.left().get(0));
      StringBuilder refs = new StringBuilder();
      for (String id : b.right()) {
        CellValue v = data.values().get(id);
        if (v != null && !v.location().cellRef().isEmpty()) {
          refs.append(refs.length() == 0 ? "" : "、").append(v.location().cellRef());
        }
      }
      d.error(b.rule(), at.location(), b.leftName() + "（" + plain(left) + "）不能大于" + b.rightName() + "（"
          + plain(right) + "）。请核对 " + at.location().cellRef() + (refs.length() == 0 ? "" : " 和 " + refs) + "。");
    }
  }

  private static void number(Diagnostics d, String what, CellValue v, ReportSpec.ListColumn c) {
    if (!v.isNumber()) {
      d.error("LIST.NUMBER", v.location(), what + "应为数字，现在是「" + v.text() + "」。");
      return;
    }
    BigDecimal n = v.number();
    if ("count".equals(c.type()) && (n.signum() < 0 || n.stripTrailingZeros().scale() > 0)) {
      d.error("LIST.NUMBER", v.location(), what + "应为不小于 0 的整数，现在是 " + v.display() + "。");
      return;
    }
    if (c.min() != null && n.compareTo(BigDecimal.valueOf(c.min())) < 0
        || c.max() != null && n.compareTo(BigDecimal.valueOf(c.max())) > 0) {
      d.error("LIST.RANGE", v.location(), what + "是 " + v.display() + "，应在 "
          + (c.min() == null ? "" : c.min()) + "～" + (c.max() == null ? "" : c.max()) + " 之间。");
    }
  }

  /** The sum of some cells, or null when any is missing or not a number (R01 reports those). */
  static BigDecimal sum(ReportData data, List<String> ids) {
    BigDecimal s = BigDecimal.ZERO;
    for (String id : ids) {
      CellValue v = data.values().get(id);
      if (v == null || !v.isNumber()) {
        return null;
      }
      s = s.add(v.number());
    }
    return s;
  }

  private static String plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.signum() == 0 ? "0" : s.toPlainString();
  }
}
