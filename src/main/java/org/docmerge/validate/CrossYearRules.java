package org.docmerge.validate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/**
 * Rules that compare with last year's report: the rows and running counts the kind carries from year to year
 * ({@code carryForward} in its spec.json: R07, R08) and R19 (prose repeating last year's). All warnings: last year's report may itself be wrong.
 * Stateless.
 */
final class CrossYearRules {
  private CrossYearRules() {}

  static void check(ReportSpec spec, ReportData data, ReportData previous, Diagnostics d) {
    Optional<Integer> y = data.year();
    Optional<Integer> py = previous.year();
    if (y.isPresent() && py.isPresent() && py.get() != y.get() - 1) {
      d.warning("R07", Location.file(previous.source()),
          "上年报告的年度是 " + py.get() + "，不是 " + (y.get() - 1) + "。请提供上一年度的报告");
      return;
    }
    if (spec.carryForward() != null) {
      for (ReportSpec.CarriedRow r : spec.carryForward().columns()) {
        spec.table(r.table()).ifPresent(t -> carried(r, t, data, previous, d));
      }
      for (ReportSpec.Balance b : spec.carryForward().balances()) {
        spec.table(b.table()).ifPresent(t -> balance(b, t, data, previous, d));
      }
    }
    repeated(spec, data, previous, d);
  }

  private static String leaf(Table t, String row) {
    return t.row(row).map(Line::leaf).orElse(row);
  }

  private static void carried(ReportSpec.CarriedRow r, Table t, ReportData data, ReportData previous, Diagnostics d) {
    for (Line column : t.blocks().get(0).columns()) {
      String now = ReportSpec.cellId(t.id(), r.to(), column.id());
      Optional<BigDecimal> a = data.number(now);
      Optional<BigDecimal> b = previous.number(ReportSpec.cellId(t.id(), r.from(), column.id()));
      if (a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) != 0) {
        d.warning(r.rule(), data.values().get(now).location(), t.sheet() + "「" + leaf(t, r.to()) + "」「"
            + column.leaf() + "」为 " + a.get().toPlainString() + "，上年报告「" + leaf(t, r.from()) + "」为 "
            + b.get().toPlainString() + "。两者应相等，请核对");
      }
    }
  }

  private static void balance(ReportSpec.Balance r, Table t, ReportData data, ReportData previous, Diagnostics d) {
    String balanceName = t.column(r.balance()).map(Line::leaf).orElse(r.balance());
    for (String row : r.rows()) {
      String at = ReportSpec.cellId(t.id(), row, r.balance());
      Optional<BigDecimal> valid = data.number(at);
      Optional<BigDecimal> issued = data.number(ReportSpec.cellId(t.id(), row, r.plus()));
      Optional<BigDecimal> repealed = data.number(ReportSpec.cellId(t.id(), row, r.minus()));
      Optional<BigDecimal> before = previous.number(at);
      if (valid.isEmpty() || issued.isEmpty() || repealed.isEmpty() || before.isEmpty()) {
        continue;
      }
      BigDecimal expected = before.get().add(issued.get()).subtract(repealed.get());
      if (expected.compareTo(valid.get()) != 0) {
        d.warning(r.rule(), data.values().get(at).location(), t.sheet() + "「" + leaf(t, row) + "」" + balanceName
            + "为 " + valid.get().toPlainString() + "，按上年" + shortName(balanceName) + " "
            + before.get().toPlainString() + " + " + shortName(label(t, r.plus())) + " "
            + issued.get().toPlainString() + " − " + shortName(label(t, r.minus())) + " "
            + repealed.get().toPlainString() + " 应为 " + expected.toPlainString() + "。请核对");
      }
    }
  }

  private static String label(Table t, String column) {
    return t.column(column).map(Line::leaf).orElse(column);
  }

  /** A column label without its trailing 「件数」/「数量」, as a message says it (「本年制发件数」 → 「本年制发」). */
  private static String shortName(String label) {
    return label.replaceFirst("(?:件数|数量)$", "");
  }

  /** R19: more than half of this year's sentences appear word for word in last year's report. */
  private static void repeated(ReportSpec spec, ReportData data, ReportData previous, Diagnostics d) {
    Set<String> old = new HashSet<>();
    for (var s : spec.sections()) {
      previous.paragraphs(s.id()).forEach(p -> old.addAll(sentences(p)));
    }
    int total = 0;
    int same = 0;
    for (var s : spec.sections()) {
      if (s.heading() == null && s.subjectOf() == null) {
        continue; // the intro repeats by nature
      }
      for (String p : data.paragraphs(s.id())) {
        for (String sentence : sentences(p)) {
          total++;
          if (old.contains(sentence)) {
            same++;
          }
        }
      }
    }
    if (total >= 4 && same * 2 > total) {
      d.warning("R19", Location.file(data.source()), "正文有 " + same + "/" + total
          + " 句与上年报告相同（年份不计）。考核中「内容雷同」会被扣分，请按本年实际情况重写");
    }
  }

  private static List<String> sentences(String p) {
    return java.util.Arrays.stream(p.replaceAll("\\d{4}年", "Y年").split("[。；！？]"))
        .map(String::strip)
        .filter(s -> s.length() >= 10)
        .toList();
  }
}
