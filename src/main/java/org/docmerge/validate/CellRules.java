package org.docmerge.validate;

import java.math.BigDecimal;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.CellSpec;

/** R01 (counts) and R02 (the fee in 万元), cell by cell. Stateless. */
final class CellRules {
  /** What staff write for "none" instead of 0. */
  private static final Set<String> NONE_MARKS =
      Set.of("/", "／", "—", "——", "-", "--", "－", "无", "没有", "N/A", "n/a", "NA", "na", "空", "\\", "、");

  /** 1 亿元 in 万元: a fee this large was most likely typed in 元. */
  private static final BigDecimal LOOKS_LIKE_YUAN = new BigDecimal("10000");

  private CellRules() {}

  static void check(ReportSpec spec, ReportData data, Diagnostics d) {
    for (CellSpec cell : spec.cells().values()) {
      CellValue v = data.values().get(cell.id());
      if (v == null) {
        continue; // never read: the reader already said which label it could not find
      }
      // Names.cell is only worded when a message needs it: most cells of most reports are fine.
      String rule = "money".equals(cell.type()) ? "R02" : "R01";
      Location at = v.location();
      if (!v.isNumber()) {
        notANumber(d, rule, at, Names.cell(cell), v.text(), cell.type());
        continue;
      }
      BigDecimal n = v.number();
      if (n.signum() < 0 && !"signed".equals(cell.type())) {
        d.error(rule, at, Names.cell(cell) + " 为负数 " + v.display() + "，数量和金额不能为负，请改正");
      } else if ("money".equals(cell.type())) {
        if (n.stripTrailingZeros().scale() > 4 || n.compareTo(LOOKS_LIKE_YUAN) >= 0) {
          money(d, at, Names.cell(cell), n, v);
        }
      } else if (n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
        d.error("R01", at, Names.cell(cell) + " 为 " + n.stripTrailingZeros().toPlainString() + "，件数必须是整数（单元格里存的值才算，显示的不算），请改正");
      }
    }
  }

  private static void notANumber(Diagnostics d, String rule, Location at, String name, String text, String type) {
    String what = "money".equals(type) ? "金额（单位：万元）" : "件数";
    if (text.isBlank()) {
      d.error(rule, at, name + " 为空。没有的请明确填写 0，不要留空");
    } else if (NONE_MARKS.contains(text.strip())) {
      d.error(rule, at, name + " 填写了「" + text.strip() + "」。统计表中不能用「/」「—」「无」表示没有，请改为 0");
    } else if (text.startsWith("#")) {
      d.error(rule, at, name + " 是公式错误 " + text + "，请修正公式或改为直接填写数字");
    } else {
      d.error(rule, at, name + " 不是数字：「" + Names.clip(text) + "」。请填写" + what + "，只写阿拉伯数字");
    }
  }

  private static void money(Diagnostics d, Location at, String name, BigDecimal n, CellValue v) {
    if (n.stripTrailingZeros().scale() > 4) {
      d.warning("R02", at, name + " 为 " + n.toPlainString() + "，超过 4 位小数（1 元 = 0.0001 万元）。请确认单位是万元并四舍五入到 4 位小数");
    }
    if (n.compareTo(LOOKS_LIKE_YUAN) >= 0) {
      d.warning("R02", at, name + " 为 " + v.display() + " 万元（1 亿元以上）。请确认填写的单位是万元，而不是元");
    }
  }
}
