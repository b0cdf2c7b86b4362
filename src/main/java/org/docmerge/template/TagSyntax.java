package org.docmerge.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of one tag, between {@code {{} and {@code }}}:
 *
 * <ul>
 *   <li>{@code name} or {@code name|format}: a value, optionally formatted ({@code #,##0}, {@code 0.00},
 *       {@code +#,##0} for a sign on positive numbers, {@code yyyy年M月d日} for a date);
 *   <li>{@code #list} … {@code /list}: in one table row, the row is repeated once per row of the list;
 *   <li>{@code ?name} … {@code /name}: what lies between is kept only when the value is 「set」 (not blank, not
 *       「否」「无」「0」), or for a list, when it has a row.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public record TagSyntax(char sigil, String name, String format) {
  /** The whole tag content: an optional sigil, a name, an optional {@code |format} (no braces, no ?). */
  public static final String CONTENT = "[#/?]?[A-Za-z][A-Za-z0-9_.-]*(?:\\|[^{}|?<>&]+)?";

  static final Pattern PARTS = Pattern.compile("([#/?]?)([A-Za-z][A-Za-z0-9_.-]*)(?:\\|(.+))?");
  private static final Pattern DATE = Pattern.compile("^(\\d{4})\\D+(\\d{1,2})\\D+(\\d{1,2})\\D*$");
  private static final Set<String> FALSE = Set.of("", "否", "无", "0", "false", "FALSE", "没有");

  /** Parses tag content that matched {@link #CONTENT}. */
  public static TagSyntax parse(String content) {
    Matcher m = PARTS.matcher(content.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a tag: " + content);
    }
    char sigil = m.group(1).isEmpty() ? 0 : m.group(1).charAt(0);
    return new TagSyntax(sigil, m.group(2), m.group(3) == null ? null : m.group(3).strip());
  }

  public boolean plain() {
    return sigil == 0;
  }

  /** Why a format cannot be used, in Chinese, or null when it is fine. */
  public static String formatProblem(String format) {
    if (format == null) {
      return null;
    }
    try {
      if (isDate(format)) {
        DateTimeFormatter.ofPattern(format);
      } else {
        String p = format.startsWith("+") ? format.substring(1) : format;
        if (!p.matches("[#,0.]+")) {
          return "格式「" + format + "」无效：数字格式只能由 # 0 , . 组成（可在最前面加 +），日期格式如 yyyy年M月d日";
        }
        new DecimalFormat(p);
      }
      return null;
    } catch (IllegalArgumentException e) {
      return "格式「" + format + "」无效";
    }
  }

  static boolean isDate(String format) {
    return format.matches(".*[yMd].*") && !format.matches(".*[#0].*");
  }

  /** A value shown with a format; a value the format does not fit (text in a number format) is shown as is. */
  public static String apply(String value, String format) {
    if (format == null || value == null || value.isBlank()) {
      return value;
    }
    String v = value.strip();
    if (isDate(format)) {
      Matcher m = DATE.matcher(v);
      if (!m.matches()) {
        return value;
      }
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return d.format(DateTimeFormatter.ofPattern(format));
      } catch (RuntimeException e) {
        return value;
      }
    }
    BigDecimal n;
    try {
      n = new BigDecimal(v.replace(",", "").replace("+", ""));
    } catch (NumberFormatException e) {
      return value;
    }
    boolean signed = format.startsWith("+");
    DecimalFormat f = new DecimalFormat(signed ? format.substring(1) : format, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    String out = f.format(n);
    return signed && n.signum() > 0 ? "+" + out : out;
  }

  /** Whether a value counts as set for {@code {{?name}}}. */
  public static boolean truthy(String value) {
    return value != null && !FALSE.contains(value.strip());
  }
}
