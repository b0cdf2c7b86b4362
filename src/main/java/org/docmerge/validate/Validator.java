package org.docmerge.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Applies every rule of a report kind to one report. Stateless and thread-safe: one instance can check any
 * number of reports concurrently.
 */
public final class Validator {

  /**
   * What a check may take beyond the report itself.
   *
   * @param previous last year's report, for the cross-year rules R07, R08 and R19; empty skips them
   * @param deadline the publication deadline to check R10 against; empty uses the legal one for the unit type
   */
  public record Options(Optional<ReportData> previous, Optional<LocalDate> deadline) {
    public static final Options DEFAULT = new Options(Optional.empty(), Optional.empty());
  }

  private final ReportSpec spec;

  public Validator(ReportSpec spec) {
    this.spec = spec;
  }

  /** Every problem found, unsorted. */
  public List<Diagnostic> validate(ReportData data, Options options) {
    Diagnostics d = new Diagnostics();
    CoverRules.check(spec, data, options, d);
    CellRules.check(spec, data, d);
    IdentityRules.check(spec, data, d);
    ListRules.check(spec, data, d);
    ProseRules.check(spec, data, d);
    options.previous().ifPresent(prev -> CrossYearRules.check(spec, data, prev, d));
    List<String> cannot = ProseRules.notRunnable(spec);
    if (!cannot.isEmpty()) {
      d.info("CHECK.NOT_RUN", org.docmerge.diag.Location.file(data.source()),
          "以下规则因本报告类型的格式没有运行：" + String.join("；", cannot));
    }
    return d.asList();
  }

  /**
   * The rules that could not run on this data, as one note ({@code CHECK.NOT_RUN}), or empty when all ran: the
   * cross-year rules without last year's report, R10 without a publication date, and the cell rules for cells
   * that were not found.
   */
  public java.util.Optional<Diagnostic> notRun(ReportData data, Options options) {
    List<String> parts = new java.util.ArrayList<>();
    if (options.previous().isEmpty()) {
      parts.add("R07、R08、R19（需要上年报告：加 --previous 上年报告）");
    }
    if (CoverRules.parseDate(data.field("published")).isEmpty()) {
      parts.add("R10（报告中没有发布日期）");
    }
    long absent = spec.cells().keySet().stream().filter(id -> !data.values().containsKey(id)).count();
    if (absent > 0) {
      parts.add("R01–R06 对没有读到的 " + absent + " 个数字（见上面的 EXTRACT 提示）");
    }
    if (parts.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Diagnostic.info("CHECK.NOT_RUN", org.docmerge.diag.Location.file(data.source()),
        "以下规则因缺少数据没有运行：" + String.join("；", parts)));
  }

  public List<Diagnostic> validate(ReportData data) {
    return validate(data, Options.DEFAULT);
  }
}
