package org.docmerge.model;

import java.math.BigDecimal;
import org.docmerge.diag.Location;

/**
 * One table value as read. Immutable and thread-safe.
 *
 * @param number the value when it reads as a number, else null
 * @param text what the cell showed, trimmed ({@code ""} when blank); rules quote it when it is not a number
 * @param location where it was read
 */
public record CellValue(BigDecimal number, String text, Location location) {

  public CellValue {
    text = text == null ? "" : text;
    location = location == null ? Location.NONE : location;
  }

  public static CellValue of(BigDecimal number, Location location) {
    return new CellValue(number, number.toPlainString(), location);
  }

  public static CellValue of(long number) {
    return of(BigDecimal.valueOf(number), Location.NONE);
  }

  public boolean isNumber() {
    return number != null;
  }

  public boolean isBlank() {
    return number == null && text.isBlank();
  }

  /** The value as the document prints it: whole numbers without decimals, decimals without trailing zeros. */
  public String display() {
    if (number == null) {
      return text;
    }
    BigDecimal n = number.stripTrailingZeros();
    return n.signum() == 0 ? "0" : n.toPlainString();
  }
}
