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
 * Rules that compare with last year's report: R07 (上年结转 = last year's 结转下年度继续办理), R08 (现行有效件数
 * carried forward) and R19 (prose repeating last year's). All warnings: last year's report may itself be wrong.
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
    spec.table("t3").ifPresent(t3 -> carried(t3, data, previous, d));
    spec.table("t2").ifPresent(t2 -> valid(data, previous, d));
    repeated(spec, data, previous, d);
  }

  private static void carried(Table t3, ReportData data, ReportData previous, Diagnostics d) {
    for (Line column : t3.blocks().get(0).columns()) {
      String now = ReportSpec.cellId("t3", "carried", column.id());
      Optional<BigDecimal> a = data.number(now);
      Optional<BigDecimal> b = previous.number(ReportSpec.cellId("t3", "carryover", column.id()));
      if (a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) != 0) {
        d.warning("R07", data.values().get(now).location(), "表三「二、上年结转政府信息公开申请数量」「" + column.leaf()
            + "」为 " + a.get().toPlainString() + "，上年报告「四、结转下年度继续办理」为 " + b.get().toPlainString()
            + "。两者应相等，请核对");
      }
    }
  }

  private static void valid(ReportData data, ReportData previous, Diagnostics d) {
    for (String row : List.of("rules", "normative")) {
      Optional<BigDecimal> valid = data.number("t2." + row + ".valid");
      Optional<BigDecimal> issued = data.number("t2." + row + ".issued");
      Optional<BigDecimal> repealed = data.number("t2." + row + ".repealed");
      Optional<BigDecimal> before = previous.number("t2." + row + ".valid");
      if (valid.isEmpty() || issued.isEmpty() || repealed.isEmpty() || before.isEmpty()) {
        continue;
      }
      BigDecimal expected = before.get().add(issued.get()).subtract(repealed.get());
      if (expected.compareTo(valid.get()) != 0) {
        String name = row.equals("rules") ? "规章" : "行政规范性文件";
        d.warning("R08", data.values().get("t2." + row + ".valid").location(), "表二「" + name + "」现行有效件数为 "
            + valid.get().toPlainString() + "，按上年现行有效 " + before.get().toPlainString() + " + 本年制发 "
            + issued.get().toPlainString() + " − 本年废止 " + repealed.get().toPlainString() + " 应为 "
            + expected.toPlainString() + "。请核对");
      }
    }
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
