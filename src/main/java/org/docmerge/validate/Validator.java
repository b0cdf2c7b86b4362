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
    ProseRules.check(spec, data, d);
    options.previous().ifPresent(prev -> CrossYearRules.check(spec, data, prev, d));
    return d.asList();
  }

  public List<Diagnostic> validate(ReportData data) {
    return validate(data, Options.DEFAULT);
  }
}
