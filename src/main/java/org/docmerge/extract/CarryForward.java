package org.docmerge.extract;

import java.util.Optional;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Next year's starting data from last year's report, for {@code init --from}. Carried, and nothing else, as the
 * kind's {@code carryForward} (spec.json) says:
 *
 * <ul>
 *   <li>the cover fields it names as they were; 报告年度 = last year + 1;</li>
 *   <li>each carried row, column by column: last year's row {@code from} becomes this year's row {@code to} (R07);</li>
 *   <li>each running count (balance) = last year's, as the starting point to which staff add this year's
 *       {@code plus} and from which they subtract {@code minus} (R08) — only when both years use the same kind.</li>
 * </ul>
 *
 * Prose is not carried: assessments penalise text repeated from last year (R19). A value that was not a number
 * last year is not carried. Stateless.
 */
public final class CarryForward {
  private CarryForward() {}

  public static ReportData from(ReportData previous, ReportSpec spec) {
    ReportData.Builder b = new ReportData.Builder(spec.kind(), previous.source());
    ReportSpec.Carry carry = spec.carryForward() == null ? new ReportSpec.Carry(null, null, null) : spec.carryForward();
    for (String f : carry.fields()) {
      if (!previous.field(f).isBlank() && spec.field(f).isPresent()) {
        b.field(f, previous.field(f), Location.NONE);
      }
    }
    previous.year().ifPresent(y -> b.field("year", String.valueOf(y + 1), Location.NONE));
    for (ReportSpec.CarriedRow r : carry.columns()) {
      spec.table(r.table()).ifPresent(t -> {
        for (ReportSpec.Line col : t.blocks().get(0).columns()) {
          carry(previous, ReportSpec.cellId(t.id(), r.from(), col.id()), b, ReportSpec.cellId(t.id(), r.to(), col.id()),
              spec);
        }
      });
    }
    if (previous.kind().equals(spec.kind())) {
      for (ReportSpec.Balance r : carry.balances()) {
        for (String row : r.rows()) {
          String id = ReportSpec.cellId(r.table(), row, r.balance());
          carry(previous, id, b, id, spec);
        }
      }
    }
    return b.build();
  }

  private static void carry(ReportData previous, String from, ReportData.Builder b, String to, ReportSpec spec) {
    if (!spec.cells().containsKey(to)) {
      return;
    }
    Optional<java.math.BigDecimal> n = previous.number(from);
    n.ifPresent(v -> b.value(to, CellValue.of(v, Location.NONE)));
  }
}
