package org.docmerge.validate;

import java.util.OptionalLong;

/**
 * Reads the numbers staff write in prose: Arabic digits with or without thousands separators ({@code 1,234}),
 * full-width digits, and Chinese numerals ({@code 一}, {@code 两}, {@code 十七}, {@code 一百零五}, {@code 三千二百}).
 * Stateless and thread-safe.
 */
public final class ChineseNumbers {
  /** A regex fragment that matches one number in any of the accepted forms. */
  public static final String PATTERN =
      "(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+)";

  private static final String DIGITS = "零一二三四五六七八九";

  private ChineseNumbers() {}

  /** The value of {@code text}, or empty when it is not one number. */
  public static OptionalLong parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    StringBuilder ascii = new StringBuilder();
    boolean arabic = true;
    for (char c : s.toCharArray()) {
      if (c >= '0' && c <= '9') {
        ascii.append(c);
      } else if (c >= '０' && c <= '９') {
        ascii.append((char) ('0' + (c - '０')));
      } else if (c == ',' || c == '，') {
        continue;
      } else {
        arabic = false;
        break;
      }
    }
    if (arabic) {
      if (ascii.length() == 0 || ascii.length() > 15) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(ascii.toString()));
    }
    return parseChinese(s);
  }

  private static OptionalLong parseChinese(String s) {
    long total = 0;
    long section = 0;
    long digit = -1;
    for (char c : s.replace('两', '二').replace('〇', '零').toCharArray()) {
      int d = DIGITS.indexOf(c);
      if (d >= 0) {
        digit = d;
        continue;
      }
      long unit;
      switch (c) {
        case '十' -> unit = 10;
        case '百' -> unit = 100;
        case '千' -> unit = 1000;
        case '万' -> unit = 10000;
        default -> {
          return OptionalLong.empty();
        }
      }
      if (unit == 10000) {
        section += Math.max(digit, 0);
        total += section * unit;
        section = 0;
      } else {
        section += (digit < 0 ? 1 : digit) * unit;
      }
      digit = -1;
    }
    if (digit > 0) {
      section += digit;
    }
    return OptionalLong.of(total + section);
  }
}
