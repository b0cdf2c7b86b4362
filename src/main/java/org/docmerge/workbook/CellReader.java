package org.docmerge.workbook;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Technical;
import org.docmerge.model.CellValue;
import org.docmerge.spec.ReportSpec;

/**
 * The values of one opened workbook's cells, as the sheet readers need them: a number cell as its exact decimal
 * (refused beyond 15 digits), a formula re-evaluated (a stale cached result is warned about, an error value
 * refused at its cell), a number typed as text accepted only through {@link org.docmerge.model.TextNumber}'s
 * unambiguous clean-ups (each noted), over-long text refused, and a cover field's number or date in a plain form.
 * Only stored values count, never what a number format displays. Each problem is reported once per cell. One
 * instance per read; not thread-safe.
 */
final class CellReader {
  private final Workbook wb;
  private final String file;
  private final Diagnostics d;
  private final FormulaEvaluator ev;
  private final WorkbookReader.Limits limits;
  private final Set<String> reportedCells = new HashSet<>();

  CellReader(Workbook wb, String file, Diagnostics d, WorkbookReader.Limits limits) {
    this.wb = wb;
    this.file = file;
    this.d = d;
    this.limits = limits;
    this.ev = wb.getCreationHelper().createFormulaEvaluator();
  }

  /** The value at (row, col): the top-left of a merge counts. */
  CellValue value(SheetIndex s, int row, int col) {
    CellRangeAddress m = s.mergeAt(row, col);
    if (m != null) {
      row = m.getFirstRow();
      col = m.getFirstColumn();
    }
    Location loc = Location.cell(file, s.name, row, col);
    Cell c = s.cell(row, col);
    if (c == null) {
      return new CellValue(null, "", loc);
    }
    return switch (c.getCellType()) {
      case NUMERIC -> number(c.getNumericCellValue(), loc);
      case STRING -> fromText(text(c), loc);
      case BOOLEAN -> new CellValue(null, c.getBooleanCellValue() ? "TRUE" : "FALSE", loc);
      case FORMULA -> formula(c, loc);
      case ERROR -> formulaError(errorText(c.getErrorCellValue()), loc, c);
      default -> new CellValue(null, "", loc);
    };
  }

  /**
   * Re-evaluates a formula: a file written by openpyxl, WPS or a generator may have no cached result (POI then
   * reports 0.0), and a file saved in manual-calculation mode may have a stale one.
   */
  private CellValue formula(Cell c, Location loc) {
    org.apache.poi.ss.usermodel.CellValue v;
    try {
      v = ev.evaluate(c);
    } catch (RuntimeException e) {
      d.error("WB.FORMULA_ERROR", loc, "公式「=" + c.getCellFormula() + "」无法计算（可能引用了其他文件或使用了不支持的函数）。请改为直接填写数字。"
          + Technical.of(e));
      return new CellValue(null, "#REF!", loc);
    }
    CellValue result = switch (v.getCellType()) {
      case NUMERIC -> number(v.getNumberValue(), loc);
      case STRING -> fromText(checked(v.getStringValue(), loc), loc);
      case BOOLEAN -> new CellValue(null, v.getBooleanValue() ? "TRUE" : "FALSE", loc);
      case ERROR -> formulaError(errorText(v.getErrorValue()), loc, c);
      default -> new CellValue(null, "", loc);
    };
    if (result.number() != null && hasCache(c) && c.getCachedFormulaResultType() == CellType.NUMERIC
        && inRange(c.getNumericCellValue())) {
      BigDecimal cached = plain(BigDecimal.valueOf(c.getNumericCellValue()));
      if (cached.compareTo(result.number()) != 0) {
        d.warning("WB.STALE_FORMULA", loc, "公式结果未更新：文件中保存的结果是 " + cached.toPlainString() + "，重新计算得 "
            + result.number().toPlainString() + "，已按重新计算的结果读取。请在 Excel 中按 F9 重新计算"
            + "（或把“公式 → 计算选项”设为自动）后保存。");
      }
    }
    return result;
  }

  private static boolean hasCache(Cell c) {
    return !(c instanceof XSSFCell x) || x.getCTCell().isSetV();
  }

  /**
   * Excel's text of an error value; POI's own evaluation errors (~CIRCULAR~REF~, ~FUNCTION~NOT~IMPLEMENTED~)
   * are not Excel's and are said in words.
   */
  private static String errorText(byte code) {
    if (code == FormulaError.CIRCULAR_REF.getCode()) {
      return "（循环引用：公式直接或间接引用了它自己）";
    }
    if (code == FormulaError.FUNCTION_NOT_IMPLEMENTED.getCode()) {
      return "（使用了 docmerge 无法计算的函数）";
    }
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException unknown) {
      return "（未知错误）";
    }
  }

  private CellValue formulaError(String err, Location loc, Cell c) {
    String f = c.getCellType() == CellType.FORMULA ? "公式「=" + c.getCellFormula() + "」" : "单元格";
    d.error("WB.FORMULA_ERROR", loc, f + "的结果是错误值 " + err + "。请改正公式或直接填写数字，错误值不能写入报告。");
    return new CellValue(null, err, loc);
  }

  /**
   * A number typed as text is accepted only when one of a few unambiguous clean-ups makes it parse exactly;
   * each clean-up is noted. Anything else (「/」, 「—」, 「无」, words) stays text for the validator.
   */
  private CellValue fromText(String raw, Location loc) {
    String t = strip(raw);
    if (t.isEmpty()) {
      return new CellValue(null, "", loc);
    }
    Optional<org.docmerge.model.TextNumber.Reading> reading = org.docmerge.model.TextNumber.read(raw);
    if (reading.isEmpty()) {
      return new CellValue(null, t, loc);
    }
    List<String> did = reading.get().cleanups();
    BigDecimal v = reading.get().value();
    if (v.abs().compareTo(WorkbookReader.MAX_NUMBER) >= 0) {
      d.error("WB.NUMBER_OUT_OF_RANGE", loc, "单元格中的「" + (t.length() > 30 ? t.substring(0, 30) + "…" : t) + "」超出范围（不能达到 10^15）："
          + "报告中的件数和金额不会这么大。如果这是编号，请不要填在数字栏中。");
      return new CellValue(null, t, loc);
    }
    d.info("WB.TEXT_NUMBER", loc, "单元格中的「" + t + "」是文字，已按数字 " + v.toPlainString() + " 读取"
        + (did.isEmpty() ? "" : "（" + String.join("，", did) + "）")
        + "。请改为直接输入数字：Excel 的合计公式不计算文字。");
    return new CellValue(v, t, loc);
  }

  /** A number cell's value; NaN, infinities and numbers beyond 15 digits are refused at their cell. */
  private CellValue number(double v, Location loc) {
    if (!inRange(v)) {
      outOfRange(v, loc);
      return new CellValue(null, Double.toString(v), loc);
    }
    return CellValue.of(plain(BigDecimal.valueOf(v)), loc);
  }

  private static boolean inRange(double v) {
    return Double.isFinite(v) && Math.abs(v) < WorkbookReader.MAX_NUMBER.doubleValue();
  }

  private void outOfRange(double v, Location loc) {
    if (reportedCells.add("n" + loc)) {
      d.error("WB.NUMBER_OUT_OF_RANGE", loc, "单元格中的数字 " + v + " 超出范围（不能达到 10^15；Excel 只能精确保存 15 位数字）："
          + "报告中的件数和金额不会这么大。如果这是编号，请改为文本格式，且不要填在数字栏中。");
    }
  }

  private Location cellLocation(Cell c) {
    return Location.cell(file, c.getSheet().getSheetName().trim(), c.getRowIndex(), c.getColumnIndex());
  }

  /** Text longer than {@link WorkbookReader.Limits#maxCellChars()} is refused at its cell (once) and read as empty. */
  private String checked(String text, Location loc) {
    if (text.length() <= limits.maxCellChars()) {
      return text;
    }
    if (reportedCells.add("t" + loc)) {
      d.error("WB.CELL_TOO_LONG", loc, "单元格中有 " + text.length() + " 个字符，超过上限 " + limits.maxCellChars()
          + "（Excel 本身的上限是 32767）。可能误粘贴了整篇文档；请删减后再试。");
    }
    return "";
  }

  /** A cell's text for labels and prose; numbers as shown without trailing zeros. */
  String text(Cell c) {
    if (c == null) {
      return "";
    }
    CellType type = c.getCellType();
    if (type == CellType.FORMULA) {
      type = c.getCachedFormulaResultType();
    }
    return switch (type) {
      case STRING -> checked(c.getRichStringCellValue().getString(), cellLocation(c));
      case NUMERIC -> inRange(c.getNumericCellValue())
          ? plain(BigDecimal.valueOf(c.getNumericCellValue())).toPlainString() : "";
      case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
      default -> "";
    };
  }

  /**
   * A cover field's text: a number as written without trailing zeros, a date (typed as a date, or a date serial in
   * a field of type {@code date}) in ISO form, anything else as its trimmed text.
   */
  String fieldText(Cell c, ReportSpec.Field f) {
    if (c == null) {
      return "";
    }
    CellType type = c.getCellType() == CellType.FORMULA ? evaluatedType(c) : c.getCellType();
    if (type == CellType.NUMERIC) {
      double v = c.getCellType() == CellType.FORMULA ? ev.evaluate(c).getNumberValue() : c.getNumericCellValue();
      if (!inRange(v)) {
        outOfRange(v, cellLocation(c));
        return "";
      }
      if (DateUtil.isCellDateFormatted(c) || "date".equals(f.type()) && v > 20000 && v < 80000) {
        // A date typed into the cell, or a date serial: the ISO form is unambiguous.
        return DateUtil.getLocalDateTime(v, wb instanceof org.apache.poi.ss.usermodel.Date1904Support ds && ds.isDate1904()).atOffset(ZoneOffset.UTC)
            .format(DateTimeFormatter.ISO_LOCAL_DATE);
      }
      return plain(BigDecimal.valueOf(v)).toPlainString();
    }
    return strip(text(c));
  }

  private CellType evaluatedType(Cell c) {
    try {
      return ev.evaluate(c).getCellType();
    } catch (RuntimeException e) {
      return CellType.ERROR;
    }
  }

  /** Trims ordinary, full-width and no-break spaces. */
  static String strip(String s) {
    return s == null ? "" : s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
  }

  /** 12.0 → 12, 1.50 → 1.5, -0.0 → 0. */
  static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
