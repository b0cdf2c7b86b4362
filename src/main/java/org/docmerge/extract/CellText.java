package org.docmerge.extract;

import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.TextNumber;
import org.docmerge.spec.Labels;

/**
 * A table cell's published text as a value, read by {@link TextNumber} as a workbook cell typed as text is, once
 * the spaces a PDF's text layer puts between glyphs are dropped: anything that is not one number stays text, so
 * that R01 reports it at its cell; it is never read as 0.
 * Stateless.
 */
public final class CellText {
  private CellText() {}

  public static CellValue value(String raw, Location at) {
    String shown = strip(raw);
    // a PDF's text layer may space out the glyphs of one number (「1 2」): published cells drop inner spaces first
    // zero-width characters a web page's copy leaves inside a number (「0\u200B」) are not part of it
    return TextNumber.read(shown.replaceAll("[\\s\u3000\u00A0\u200B-\u200F\u2060\uFEFF]+", "")).filter(r -> r.value().toPlainString().length() <= 30) // no count is that long
        .map(r -> new CellValue(r.value(), shown, at))
        .orElseGet(() -> new CellValue(null, shown, at));
  }

  /**
   * {@link #value(String, Location)} for a cell whose unit is known ({@code null} if none): a number printed with
   * exactly that unit after it (「976.81万元」 in a column in 万元) is that number; with any other unit
   * (「9768100元」 in a column in 万元) it stays text, so that R01 asks for the number in the column's unit.
   */
  public static CellValue value(String raw, Location at, String unit) {
    String shown = strip(raw);
    if (unit != null && !unit.isEmpty() && shown.endsWith(unit)) {
      CellValue v = value(shown.substring(0, shown.length() - unit.length()), at);
      if (v.isNumber()) {
        return new CellValue(v.number(), shown, at);
      }
    }
    return value(raw, at);
  }

  /** Trims ordinary, full-width and no-break spaces. */
  static String strip(String s) {
    return TextNumber.strip(s);
  }

  /** Label comparison, the same for every reader: see {@link Labels#norm}. */
  public static String norm(String s) {
    return Labels.norm(s);
  }
}
