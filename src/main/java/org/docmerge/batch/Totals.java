package org.docmerge.batch;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.model.ReportData;

/**
 * The few totals a summary row shows so an office can see at a glance what a unit reported. A cell the kind
 * does not have, or that is not a number, shows blank. Stateless; thread-safe.
 */
public final class Totals {
  private Totals() {}

  /** Column headings, in order. */
  public static final List<String> LABELS = List.of(
      "表三 本年新收申请", "表三 办理结果总计", "表三 结转下年度", "表四 行政复议总计", "表四 行政诉讼总计", "表二 收费（万元）");

  private static final List<List<String>> CELLS = List.of(
      List.of("t3.new.total"), List.of("t3.total.total"), List.of("t3.carryover.total"),
      List.of("t4.count.review_total"), List.of("t4.count.direct_total", "t4.count.after_total"),
      List.of("t2.fees.amount"));

  /** Label → value (null when not available). */
  public static Map<String, BigDecimal> of(ReportData data) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < LABELS.size(); i++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String id : CELLS.get(i)) {
        BigDecimal v = data.number(id).orElse(null);
        if (v == null) {
          sum = null;
          break;
        }
        sum = sum.add(v);
      }
      out.put(LABELS.get(i), sum);
    }
    return out;
  }
}
