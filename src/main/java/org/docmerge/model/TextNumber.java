package org.docmerge.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A number written as text, read the same way wherever it is found: a workbook cell typed as text and a table cell
 * of a published report. Accepted, and nothing else: surrounding (no-break, ideographic) spaces, full-width digits
 * and signs, a trailing 「件」, thousands separators in groups of three (「1,234」, 「1，234」, 「1 234」) and an
 * explicit sign (「+19」 of the 2019 format's 本年增/减). Anything else — blank, 「/」, 「—」, 「无」, 「①」, 「1 2」,
 * words — is not a number, so that R01 reports it at its cell; it is never read as 0. Stateless.
 */
public final class TextNumber {
  private TextNumber() {}

  /**
   * A reading: the value (12.0 → 12, -0 → 0) and the clean-ups that made the text parse, in words for the note
   * that tells staff (「去掉了千位分隔符」).
   */
  public record Reading(BigDecimal value, List<String> cleanups) {
    public Reading {
      cleanups = List.copyOf(cleanups);
    }
  }

  /** Trims ordinary, full-width and no-break spaces. */
  public static String strip(String s) {
    return s == null ? "" : s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
  }

  /** The number {@code raw} states, or empty when it is not exactly one number. */
  public static Optional<Reading> read(String raw) {
    String t = strip(raw);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    List<String> did = new ArrayList<>();
    if (!t.equals(raw)) {
      did.add("去掉了前后的空格");
    }
    String n = halfWidth(t);
    if (!n.equals(t)) {
      did.add("全角数字改为半角");
    }
    if (n.endsWith("件")) {
      n = strip(n.substring(0, n.length() - 1));
      did.add("去掉了单位「件」");
    }
    if (n.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?") || n.matches("[+-]?\\d{1,3}( \\d{3})+(\\.\\d+)?")) {
      n = n.replace(",", "").replace(" ", "");
      did.add("去掉了千位分隔符");
    }
    if (!n.matches("[+-]?\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of(new Reading(plain(new BigDecimal(n.startsWith("+") ? n.substring(1) : n)), did));
  }

  /** 12.0 → 12, 1.50 → 1.5, -0.0 → 0. */
  public static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static String halfWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      if (ch >= '０' && ch <= '９') {
        sb.append((char) (ch - '０' + '0'));
      } else if (ch == '，') {
        sb.append(',');
      } else if (ch == '．') {
        sb.append('.');
      } else if (ch == '－') {
        sb.append('-');
      } else if (ch == '＋') {
        sb.append('+');
      } else if (ch == '\u3000' || ch == '\u00A0' || ch == '\u2009' || ch == '\u202F') {
        sb.append(' ');
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
