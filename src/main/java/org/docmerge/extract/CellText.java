package org.docmerge.extract;

import java.math.BigDecimal;
import java.text.Normalizer;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.spec.Labels;

/**
 * A table cell's published text as a value. Accepted as a number, and nothing else: full-width digits, a
 * trailing 「件」, thousands separators, surrounding (no-break) spaces and an explicit sign (「+19」 of the 2019
 * format's 本年增/减). Anything else — blank, 「/」, 「—」, 「无」, words — stays text, so that R01 reports it at
 * its cell; it is never read as 0. Stateless.
 */
public final class CellText {
  private CellText() {}

  public static CellValue value(String raw, Location at) {
    String shown = strip(raw);
    String t = strip(Normalizer.normalize(shown, Normalizer.Form.NFKC)).replaceAll("\\s+", "");
    if (t.endsWith("件")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      t = t.replace(",", "");
    }
    if (!t.matches("[+-]?\\d+(\\.\\d+)?") || t.length() > 30) {
      return new CellValue(null, shown, at);
    }
    BigDecimal v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t).stripTrailingZeros();
    if (v.signum() == 0) {
      v = BigDecimal.ZERO;
    } else if (v.scale() < 0) {
      v = v.setScale(0);
    }
    return new CellValue(v, shown, at);
  }

  /** Trims ordinary, full-width and no-break spaces. */
  static String strip(String s) {
    return s == null ? "" : s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
  }

  /** Label comparison, the same for every reader: see {@link Labels#norm}. */
  public static String norm(String s) {
    return Labels.norm(s);
  }
}
