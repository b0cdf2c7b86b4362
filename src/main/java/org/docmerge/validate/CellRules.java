package org.docmerge.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.CellSpec;
import org.docmerge.spec.ReportSpec.Identity;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/**
 * R01 (counts) and R02 (decimal quantities: the fee in 万元, or whatever unit a kind's label states, such as the
 * website form's 平均办理时间 in 天), cell by cell. Messages say the unit the spec gives the cell ({@link
 * CellSpec#unit()}); the 元/万元 slips are looked for only where that unit is 万元. Stateless.
 */
final class CellRules {
  /** What staff write for "none" instead of 0. */
  private static final Set<String> NONE_MARKS =
      Set.of("/", "／", "—", "——", "-", "--", "－", "无", "没有", "N/A", "n/a", "NA", "na", "空", "\\", "、");

  /** 1 亿元 in 万元: a fee this large was most likely typed in 元. */
  private static final BigDecimal LOOKS_LIKE_YUAN = new BigDecimal("10000");

  private CellRules() {}

  /** Blank cells of one table that no identity gives a non-zero value: at least this many are one finding. */
  static final int BLANK_STYLE = 3;

  static void check(ReportSpec spec, ReportData data, Diagnostics d) {
    Map<String, BigDecimal> should = determined(spec, data);
    Map<String, List<CellSpec>> blanks = new LinkedHashMap<>();
    for (CellSpec cell : spec.cells().values()) {
      CellValue v = data.values().get(cell.id());
      if (v == null) {
        continue; // never read: the reader already said which label it could not find
      }
      // Names.cell is only worded when a message needs it: most cells of most reports are fine.
      String rule = "money".equals(cell.type()) ? "R02" : "R01";
      Location at = v.location();
      if (v.isBlank()) {
        BigDecimal n = should.get(cell.id());
        if (n != null && n.signum() > 0) {
          String shown = n.stripTrailingZeros().toPlainString();
          d.error(rule, at, Names.cell(cell) + " 为空。按表中的勾稽关系，这一格应为 " + shown + "，请填写 " + shown);
        } else {
          blanks.computeIfAbsent(cell.table().id(), k -> new ArrayList<>()).add(cell);
        }
        continue;
      }
      if (!v.isNumber()) {
        notANumber(d, rule, at, Names.cell(cell), v.text(), cell);
        continue;
      }
      BigDecimal n = v.number();
      if (n.signum() < 0 && !"signed".equals(cell.type())) {
        d.error(rule, at, Names.cell(cell) + " 为负数 " + v.display() + "，数量和金额不能为负，请改正");
      } else if ("money".equals(cell.type())) {
        if (CellSpec.MONEY_UNIT.equals(cell.unit())
            && (n.stripTrailingZeros().scale() > 4 || n.compareTo(LOOKS_LIKE_YUAN) >= 0)) {
          money(d, at, Names.cell(cell), n, v);
        }
      } else if (n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
        d.error("R01", at, Names.cell(cell) + " 为 " + n.stripTrailingZeros().toPlainString() + "，件数必须是整数（单元格里存的值才算，显示的不算），请改正");
      }
    }
    blankStyle(data, blanks, d);
  }

  /**
   * Blank cells where a value of 0 is meant (or no identity says otherwise): a few are named one by one; a
   * table's many are one finding (a publishing style that leaves zeros blank), naming the first of them.
   */
  private static void blankStyle(ReportData data, Map<String, List<CellSpec>> blanks, Diagnostics d) {
    for (List<CellSpec> cells : blanks.values()) {
      if (cells.size() < BLANK_STYLE) {
        for (CellSpec c : cells) {
          notANumber(d, "money".equals(c.type()) ? "R02" : "R01", data.values().get(c.id()).location(), Names.cell(c),
              "", c);
        }
        continue;
      }
      List<String> names = cells.stream().limit(3).map(Names::cell).toList();
      d.error("R01", data.values().get(cells.get(0).id()).location(), cells.get(0).table().sheet() + "有 "
          + cells.size() + " 个单元格为空（如 " + String.join("、", names) + (cells.size() > 3 ? " 等" : "")
          + "），按表中的勾稽关系都应为 0 或无从推算：看来是用空白表示 0。为空。没有的请明确填写 0，不要留空");
    }
  }

  /**
   * The value the identities give a blank cell: where it is the only blank of an identity's line and every other
   * cell of that line is a number.
   */
  static Map<String, BigDecimal> determined(ReportSpec spec, ReportData data) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Identity id : spec.identities()) {
      Table table = spec.table(id.table()).orElseThrow();
      List<Line> lines = id.alongRows()
          ? table.blocks().stream().flatMap(b -> b.rows().stream()).toList()
          : table.blocks().stream().flatMap(b -> b.columns().stream()).toList();
      for (Line line : lines) {
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        String blank = null;
        int blankSide = -1;
        boolean ok = true;
        for (int side = 0; side < 2 && ok; side++) {
          for (String name : side == 0 ? id.left() : id.right()) {
            String cid = id.alongRows() ? ReportSpec.cellId(table.id(), line.id(), name)
                : ReportSpec.cellId(table.id(), name, line.id());
            CellValue v = data.values().get(cid);
            if (v != null && v.isNumber()) {
              sums[side] = sums[side].add(v.number());
            } else if (v != null && v.isBlank() && blank == null) {
              blank = cid;
              blankSide = side;
            } else {
              ok = false;
              break;
            }
          }
        }
        if (!ok && id.left().size() == 1) {
          // A blank total over cells some of which are blank too (zeros left blank): the printed numbers' sum.
          String total = id.alongRows() ? ReportSpec.cellId(table.id(), line.id(), id.left().get(0))
              : ReportSpec.cellId(table.id(), id.left().get(0), line.id());
          CellValue t = data.values().get(total);
          BigDecimal sum = BigDecimal.ZERO;
          boolean numbersOrBlanks = t != null && t.isBlank();
          for (String name : id.right()) {
            String cid = id.alongRows() ? ReportSpec.cellId(table.id(), line.id(), name)
                : ReportSpec.cellId(table.id(), name, line.id());
            CellValue v = data.values().get(cid);
            if (v != null && v.isNumber()) {
              sum = sum.add(v.number());
            } else if (v == null || !v.isBlank()) {
              numbersOrBlanks = false;
            }
          }
          if (numbersOrBlanks && sum.signum() > 0) {
            out.putIfAbsent(total, sum);
          }
        }
        if (ok && blank != null) {
          BigDecimal value = sums[1 - blankSide].subtract(sums[blankSide]);
          if (value.signum() >= 0) {
            out.putIfAbsent(blank, value);
          }
        }
      }
    }
    return out;
  }

  private static void notANumber(Diagnostics d, String rule, Location at, String name, String text, CellSpec cell) {
    String what = !"money".equals(cell.type()) ? "件数"
        : CellSpec.MONEY_UNIT.equals(cell.unit()) ? "金额（单位：万元）" : "数字（单位：" + cell.unit() + "，可以有小数）";
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
