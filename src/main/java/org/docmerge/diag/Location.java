package org.docmerge.diag;

import java.util.Comparator;

/**
 * Where a problem is. Every part is optional: a file-level problem has only a file; a cell has a sheet and a
 * cell reference; a prose problem names its section and paragraph; a template problem names its part and tag.
 * Immutable and thread-safe.
 *
 * @param file the file name as the user gave it, or {@code ""}
 * @param sheet the sheet name, or {@code ""}
 * @param row zero-based row of the cell, or -1
 * @param column zero-based column of the cell, or -1
 * @param detail anything else that locates the problem (a prose section, a template part and tag), or {@code ""}
 */
public record Location(String file, String sheet, int row, int column, String detail) {

  public static final Location NONE = new Location("", "", -1, -1, "");

  /**
   * Orders by file, then sheet (Chinese numerals compared as numbers, so a sheet 「表十」 comes after 「表九」), then row,
   * column, detail.
   */
  static final Comparator<Location> ORDER =
      Comparator.<Location, String>comparing(Location::file)
          .thenComparing((Location l) -> numeralKey(l.sheet()))
          .thenComparingInt(Location::row)
          .thenComparingInt(Location::column)
          .thenComparing(Location::detail, Comparator.naturalOrder());

  public Location {
    file = file == null ? "" : file;
    sheet = sheet == null ? "" : sheet;
    detail = detail == null ? "" : detail;
  }

  public static Location file(String file) {
    return new Location(file, "", -1, -1, "");
  }

  public static Location cell(String file, String sheet, int row, int column) {
    return new Location(file, sheet, row, column, "");
  }

  public static Location sheet(String file, String sheet) {
    return new Location(file, sheet, -1, -1, "");
  }

  public static Location detail(String file, String detail) {
    return new Location(file, "", -1, -1, detail);
  }

  public Location withFile(String newFile) {
    return new Location(newFile, sheet, row, column, detail);
  }

  public Location withDetail(String newDetail) {
    return new Location(file, sheet, row, column, newDetail);
  }

  public boolean hasCell() {
    return row >= 0 && column >= 0;
  }

  /** The cell as Excel names it, {@code H12}, or {@code ""}. */
  public String cellRef() {
    return hasCell() ? columnName(column) + (row + 1) : "";
  }

  /** Excel's column letters for a zero-based column: 0 → A, 25 → Z, 26 → AA. */
  public static String columnName(int column) {
    StringBuilder sb = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      sb.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return sb.toString();
  }

  /** The place without the file: {@code 表N!H12}, {@code 表N}, {@code 正文 一（二）依申请公开 第2段}. */
  public String place() {
    StringBuilder sb = new StringBuilder(sheet);
    if (hasCell()) {
      sb.append('!').append(cellRef());
    }
    if (!detail.isEmpty()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(detail);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    String place = place();
    if (file.isEmpty()) {
      return place;
    }
    return place.isEmpty() ? file : file + ":" + place;
  }

  private static String numeralKey(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      int i = "一二三四五六七八九十".indexOf(c);
      sb.append(i < 0 ? c : (char) ('0' + i + 1));
    }
    return sb.toString();
  }
}
