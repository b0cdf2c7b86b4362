package org.docmerge.extract;

import java.util.Optional;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Next year's starting data from last year's report, for {@code init --from}. Carried, and nothing else:
 *
 * <ul>
 *   <li>机关名称, 单位类型 and 网址 as they were; 报告年度 = last year + 1;</li>
 *   <li>表三 「二、上年结转政府信息公开申请数量」, each column = last year's 「四、结转下年度继续办理」 (R07);</li>
 *   <li>表二 现行有效件数 (规章, 行政规范性文件) = last year's, as the starting point to which staff add this year's
 *       制发 and from which they subtract 废止 (R08) — only when both years use the same table 二.</li>
 * </ul>
 *
 * Prose is not carried: assessments penalise text repeated from last year (R19). A value that was not a number
 * last year is not carried. Stateless.
 */
public final class CarryForward {
  private CarryForward() {}

  public static ReportData from(ReportData previous, ReportSpec spec) {
    ReportData.Builder b = new ReportData.Builder(spec.kind(), previous.source());
    for (String f : new String[] {"agency", "unitType", "url"}) {
      if (!previous.field(f).isBlank() && spec.field(f).isPresent()) {
        b.field(f, previous.field(f), Location.NONE);
      }
    }
    previous.year().ifPresent(y -> b.field("year", String.valueOf(y + 1), Location.NONE));
    spec.table("t3").ifPresent(t3 -> {
      for (ReportSpec.Line col : t3.blocks().get(0).columns()) {
        carry(previous, ReportSpec.cellId("t3", "carryover", col.id()), b, ReportSpec.cellId("t3", "carried", col.id()), spec);
      }
    });
    if (previous.kind().equals(spec.kind())) {
      for (String row : new String[] {"rules", "normative"}) {
        String id = ReportSpec.cellId("t2", row, "valid");
        carry(previous, id, b, id, spec);
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
