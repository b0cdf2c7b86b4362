package org.docmerge.batch;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * The few totals a summary row shows so an office can see at a glance what a unit reported: the kind's
 * {@code summary} columns (spec.json). A cell the kind does not have, or that is not a number, shows blank.
 * Stateless; thread-safe.
 */
public final class Totals {
  private Totals() {}

  /** Column headings, in order. */
  public static List<String> labels(ReportSpec spec) {
    return spec.summary().stream().map(ReportSpec.Summary::label).toList();
  }

  /** Label → value (null when not available). */
  public static Map<String, BigDecimal> of(ReportSpec spec, ReportData data) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (ReportSpec.Summary column : spec.summary()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String id : column.cells()) {
        BigDecimal v = data.number(id).orElse(null);
        if (v == null) {
          sum = null;
          break;
        }
        sum = sum.add(v);
      }
      out.put(column.label(), sum);
    }
    return out;
  }
}
