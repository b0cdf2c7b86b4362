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

  /**
   * A Chinese numeral as written in a count, strictly: each digit followed by a smaller unit than the last (「三千二百」),
   * 零 only for skipped units (「一百零五」), 万 once. 「三四」, 「十十」, 「百十」, 「三零」 or 「一万二」 (10002 or 12000?)
   * are not one number: empty, so that no claim is read from them.
   */
  private static OptionalLong parseChinese(String text) {
    String s = text.replace('两', '二').replace('〇', '零');
    if (s.equals("零")) {
      return OptionalLong.of(0);
    }
    final long none = Long.MAX_VALUE;
    long total = 0;
    long section = 0;
    long digit = -1;
    long lastUnit = none;
    boolean zero = false;
    boolean wan = false;
    for (char c : s.toCharArray()) {
      int d = DIGITS.indexOf(c);
      if (d == 0) {
        if (digit >= 0 || zero || lastUnit == none) {
          return OptionalLong.empty(); // 「三零」, 「零零」, a leading 零
        }
        zero = true;
        continue;
      }
      if (d > 0) {
        if (digit >= 0) {
          return OptionalLong.empty(); // two digits in a row: 「三四」
        }
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
        if (wan || section == 0 || zero && digit < 0) {
          return OptionalLong.empty();
        }
        total = section * unit;
        section = 0;
        wan = true;
      } else {
        if (unit >= lastUnit || digit < 0 && (zero || unit != 10)) {
          return OptionalLong.empty(); // 「十十」, 「百千」, 「零十」, 「百十」 (only 十 goes without 一)
        }
        section += (digit < 0 ? 1 : digit) * unit;
      }
      lastUnit = unit;
      digit = -1;
      zero = false;
    }
    if (digit > 0) {
      if (lastUnit != 10 && lastUnit != none && !zero) {
        return OptionalLong.empty(); // 「三千二」: a digit without its unit after a larger unit
      }
      section += digit;
    } else if (zero) {
      return OptionalLong.empty(); // a trailing 零
    }
    return OptionalLong.of(total + section);
  }
}
