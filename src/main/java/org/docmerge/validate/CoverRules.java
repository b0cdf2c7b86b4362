package org.docmerge.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Field;

/**
 * The cover facts: required fields present and well formed, the format matching the year (R18), and the
 * publication date against the deadline (R10). Stateless.
 */
final class CoverRules {
  private static final Pattern DATE =
      Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");

  private CoverRules() {}

  static void check(ReportSpec spec, ReportData data, Validator.Options options, Diagnostics d) {
    for (Field f : spec.fields()) {
      String value = data.field(f.id()).strip();
      Location at = data.fieldLocation(f.id());
      if (value.isEmpty()) {
        if (f.required()) {
          d.error("FIELD.MISSING", at, "「" + f.label() + "」未填写。" + f.hint());
        }
        continue;
      }
      switch (f.type()) {
        case "year" -> year(spec, data, f, at, d);
        case "date" -> {
          if (parseDate(value).isEmpty()) {
            d.error("FIELD.INVALID", at, "「" + f.label() + "」不是日期：「" + value + "」。请按 2022-01-20 的格式填写");
          }
        }
        case "choice" -> {
          if (!f.choices().contains(value)) {
            d.error("FIELD.INVALID", at, "「" + f.label() + "」只能填写：" + String.join("、", f.choices()) + "；现在是「" + value + "」");
          }
        }
        default -> { }
      }
    }
    deadline(data, options, d);
  }

  private static void year(ReportSpec spec, ReportData data, Field f, Location at, Diagnostics d) {
    Optional<Integer> year = data.year();
    if (year.isEmpty()) {
      d.error("FIELD.INVALID", at, "「" + f.label() + "」应为四位数字的年份，如 2021；现在是「" + data.field(f.id()) + "」");
      return;
    }
    if (!spec.years().contains(year.get())) {
      String range = spec.years().from() + " 年" + (spec.years().to() == null ? "及以后" : "至 " + spec.years().to() + " 年");
      d.error("R18", at, year.get() + " 年度的报告不能使用「" + spec.name() + "」，该格式适用于 " + range + "的报告。请换用对应年度的格式");
    }
  }

  /** R10: published no later than 31 January (部门) or 31 March (本级政府) of the next year, or the given date. */
  private static void deadline(ReportData data, Validator.Options options, Diagnostics d) {
    Optional<LocalDate> published = parseDate(data.field("published"));
    Optional<Integer> year = data.year();
    if (published.isEmpty() || year.isEmpty()) {
      return;
    }
    boolean government = data.field("unitType").contains("政府");
    LocalDate legal = government ? LocalDate.of(year.get() + 1, 3, 31) : LocalDate.of(year.get() + 1, 1, 31);
    LocalDate deadline = options.deadline().orElse(legal);
    if (published.get().isAfter(deadline)) {
      String why = options.deadline().isPresent()
          ? "规定的期限"
          : (government ? "《条例》第四十九条规定本级政府年度报告的期限" : "《条例》第四十九条规定部门年度报告的期限");
      d.warning("R10", data.fieldLocation("published"),
          "发布日期 " + published.get() + " 晚于" + why + " " + deadline + "。请在期限前发布，或核对发布日期");
    }
  }

  static Optional<LocalDate> parseDate(String text) {
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
