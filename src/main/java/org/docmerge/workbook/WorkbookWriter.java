package org.docmerge.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Writes the workbook staff fill in ({@code docmerge init}): a cover sheet, a prose sheet and one sheet per
 * table laid out like the official table (same labels, same merges), with yellow unlocked input cells, grey
 * live totals and a visible ✓/✗ check for every identity of the spec. Labels are locked and every sheet is
 * protected without a password, so staff cannot break a label by accident but can lift the protection when
 * they must.
 *
 * <p>Stateless; thread-safe (each call builds its own POI workbook).
 */
public final class WorkbookWriter {

  /** Workbook default font: a CJK font so WPS and Excel render the labels well. */
  static final String FONT = "宋体";

  static final String PROSE_NOTE =
      "填写说明：每一部分写在「内容」列。一部分有多段时，可以写在多行（续行的「部分」列留空），"
          + "也可以在同一单元格内按 Alt+Enter 换行；两种写法都会成为报告中的独立段落。"
          + "请不要修改「部分」列中的名称。";

  private WorkbookWriter() {}

  /**
   * The .xlsx bytes of a fresh workbook for {@code spec}. Inputs are blank unless {@code prefill} gives a value
   * (staff must type 0 explicitly; the validator reports blanks).
   *
   * @param prefill fields, prose and values to write into the inputs, or null for an empty workbook
   */
  public static byte[] write(ReportSpec spec, ReportData prefill) {
    return write(spec, prefill, null);
  }

  /**
   * As {@link #write(ReportSpec, ReportData)}, with one more sheet after the tables (an aggregate's list of
   * member units); the reader looks sheets up by name, so the extra sheet does not disturb a check or merge.
   */
  public static byte[] write(ReportSpec spec, ReportData prefill, SheetTable extra) {
    return write(spec, prefill, extra, false);
  }

  /**
   * The workbook of a published report ({@code extract}): as {@link #write(ReportSpec, ReportData)}, but every
   * total the report printed stays the value it printed (a blank stays blank) instead of becoming a formula, so
   * that a check of this workbook finds the faults a check of the report finds. Totals the report did not show
   * are formulas as in a blank workbook.
   */
  public static byte[] writeAsPrinted(ReportSpec spec, ReportData report) {
    return write(spec, report, null, true);
  }

  private static byte[] write(ReportSpec spec, ReportData prefill, SheetTable extra, boolean asPrinted) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles s = new Styles(wb);
      writeCover(wb, s, spec, prefill);
      writeProse(wb, s, spec, prefill);
      for (ReportSpec.Table t : spec.tables()) {
        writeTable(wb, s, spec, t, prefill, asPrinted);
      }
      for (ReportSpec.ListSheet l : spec.lists()) {
        writeList(wb, s, l, prefill);
      }
      if (extra != null) {
        SummaryWriter.fill(wb, wb.createSheet(extra.sheet()), extra);
      }
      // Cached results, so that viewers which trust the cache (and our own reader's stale check) agree.
      XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory only; cannot happen short of a POI bug
    }
  }

  private static void writeCover(XSSFWorkbook wb, Styles s, ReportSpec spec, ReportData prefill) {
    XSSFSheet sh = wb.createSheet(spec.coverSheet());
    Row head = sh.createRow(0);
    text(head, 0, "项目", s.header);
    text(head, 1, "内容", s.header);
    text(head, 2, "说明", s.header);
    XSSFDataValidationHelper dv = new XSSFDataValidationHelper(sh);
    int r = 1;
    for (ReportSpec.Field f : spec.fields()) {
      Row row = sh.createRow(r);
      row.setHeightInPoints(24);
      text(row, 0, f.label(), s.label);
      Cell v = row.createCell(1);
      v.setCellStyle(s.inputText);
      String value = prefill == null ? "" : prefill.field(f.id()).trim();
      if ("year".equals(f.type()) && value.matches("\\d{4}")) {
        v.setCellValue(Integer.parseInt(value)); // a number, so the whole-number validation accepts it
      } else if (!value.isEmpty()) {
        v.setCellValue(value);
      }
      String hint = f.hint();
      if (!f.choices().isEmpty()) {
        hint = (hint.isEmpty() ? "" : hint + "；") + "可选：" + String.join("、", f.choices());
      }
      text(row, 2, hint, s.hint);
      CellRangeAddressList at = new CellRangeAddressList(r, r, 1, 1);
      if ("year".equals(f.type())) {
        add(sh, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "2000", "2100"), at,
            "报告年度", "请填写四位数字年份，如 2021。");
      } else if ("choice".equals(f.type()) && !f.choices().isEmpty()) {
        add(sh, dv.createExplicitListConstraint(f.choices().toArray(new String[0])), at,
            f.label(), "请从下拉列表中选择：" + String.join("、", f.choices()));
      }
      r++;
    }
    sh.setColumnWidth(0, 14 * 256);
    sh.setColumnWidth(1, 56 * 256);
    sh.setColumnWidth(2, 56 * 256);
    finish(sh, 1, 0);
  }

  /** Rows a list sheet offers drop-downs and number checks for; rows below still count when filled. */
  static final int LIST_ROWS = 1000;

  /** A list sheet: the column labels in row 1, one item per row below (prefilled items, if any). */
  private static void writeList(XSSFWorkbook wb, Styles s, ReportSpec.ListSheet l, ReportData prefill) {
    XSSFSheet sh = wb.createSheet(l.sheet());
    Row head = sh.createRow(0);
    XSSFDataValidationHelper dv = new XSSFDataValidationHelper(sh);
    for (int c = 0; c < l.columns().size(); c++) {
      ReportSpec.ListColumn col = l.columns().get(c);
      text(head, c, col.label(), s.header);
      sh.setColumnWidth(c, ("text".equals(col.type()) ? 30 : 14) * 256);
      CellRangeAddressList at = new CellRangeAddressList(1, LIST_ROWS, c, c);
      if ("choice".equals(col.type()) && !col.choices().isEmpty()) {
        add(sh, dv.createExplicitListConstraint(col.choices().toArray(new String[0])), at,
            col.label(), "请从下拉列表中选择：" + String.join("、", col.choices()));
      } else if ("count".equals(col.type())) {
        add(sh, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), at,
            col.label(), "请填写不小于 0 的整数。");
      }
    }
    if (prefill != null) {
      int r = 1;
      for (var item : prefill.rows(l.id())) {
        Row row = sh.createRow(r++);
        for (int c = 0; c < l.columns().size(); c++) {
          var v = item.get(l.columns().get(c).id());
          if (v == null || v.isBlank()) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v.isNumber()) {
            cell.setCellValue(v.number().doubleValue());
          } else {
            cell.setCellValue(v.text());
          }
        }
      }
    }
    sh.createFreezePane(0, 1);
  }

  /** What one Excel cell holds at most; POI throws beyond it. */
  public static final int MAX_CELL_CHARS = 32_767;

  /**
   * The paragraphs as cells: one longer than {@link #MAX_CELL_CHARS} is cut into several, after a sentence end
   * (。！？；) where there is one in the last quarter of the piece, else at the limit (never inside a surrogate
   * pair). Read back, each piece is a paragraph of its own; nothing is lost.
   */
  public static List<String> cellPieces(List<String> paragraphs) {
    if (paragraphs.stream().allMatch(p -> p.length() <= MAX_CELL_CHARS)) {
      return paragraphs;
    }
    List<String> out = new java.util.ArrayList<>();
    for (String p : paragraphs) {
      String rest = p;
      while (rest.length() > MAX_CELL_CHARS) {
        int cut = MAX_CELL_CHARS;
        for (int i = MAX_CELL_CHARS - 1; i >= MAX_CELL_CHARS * 3 / 4; i--) {
          if ("。！？；".indexOf(rest.charAt(i)) >= 0) {
            cut = i + 1;
            break;
          }
        }
        if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
          cut--;
        }
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      out.add(rest);
    }
    return out;
  }

  private static void writeProse(XSSFWorkbook wb, Styles s, ReportSpec spec, ReportData prefill) {
    XSSFSheet sh = wb.createSheet(spec.proseSheet());
    Row note = sh.createRow(0);
    note.setHeightInPoints(48);
    text(note, 0, PROSE_NOTE, s.note);
    sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
    Row head = sh.createRow(1);
    text(head, 0, "部分", s.header);
    text(head, 1, "内容", s.header);
    text(head, 2, "说明", s.header);
    int r = 2;
    for (ReportSpec.Section sec : spec.sections()) {
      List<String> paras = prefill == null ? List.of() : cellPieces(prefill.paragraphs(sec.id()));
      if (paras.isEmpty()) {
        paras = List.of("");
      }
      for (int i = 0; i < paras.size(); i++) {
        Row row = sh.createRow(r++);
        text(row, 0, i == 0 ? sec.label() : "", s.label);
        Cell c = row.createCell(1);
        c.setCellStyle(s.inputProse);
        if (!paras.get(i).isEmpty()) {
          c.setCellValue(paras.get(i));
        }
        text(row, 2, i == 0 ? sec.hint() : "", s.hint);
        // Wrapped text in a row whose height is not fixed: Excel, WPS and LibreOffice grow the row as staff type.
        // The height written is only a first estimate for text already there (about 38 CJK characters a line at
        // this width, at least 4 lines), not marked custom, so the row still grows with the paragraph.
        int lines = Math.max(4, paras.get(i).length() / 38 + 1 + (int) paras.get(i).chars().filter(ch -> ch == '\n').count());
        autoHeight(row, Math.min(409, lines * 15f));
      }
    }
    sh.setColumnWidth(0, 18 * 256);
    sh.setColumnWidth(1, 80 * 256);
    sh.setColumnWidth(2, 26 * 256);
    finish(sh, 2, 0);
    // A section may need more rows: staff insert them, so the protection must allow it.
    sh.lockInsertRows(false);
    sh.lockDeleteRows(false);
    sh.lockFormatRows(false);
  }

  private static void writeTable(
      XSSFWorkbook wb, Styles s, ReportSpec spec, ReportSpec.Table t, ReportData prefill, boolean asPrinted) {
    XSSFSheet sh = wb.createSheet(t.sheet());
    TableLayout lay = TableLayout.of(spec, t);
    for (int r = 0; r < lay.rowCount; r++) {
      Row row = sh.createRow(r);
      for (int c = 0; c < lay.colCount; c++) {
        row.createCell(c).setCellStyle(s.label); // borders on every cell, merged parts included
      }
    }
    for (TableLayout.Label l : lay.labels) {
      CellStyle st = switch (l.kind()) {
        case TITLE -> s.title;
        case NOTE -> s.note;
        case CAPTION -> s.caption;
        case CHECK_LABEL -> s.checkLabel;
        case ROW_LABEL -> s.rowLabel;
        default -> s.label;
      };
      for (int r = l.firstRow(); r <= l.lastRow(); r++) {
        for (int c = l.firstCol(); c <= l.lastCol(); c++) {
          sh.getRow(r).getCell(c).setCellStyle(st);
        }
      }
      sh.getRow(l.firstRow()).getCell(l.firstCol()).setCellValue(l.text());
      if (l.merged()) {
        sh.addMergedRegion(new CellRangeAddress(l.firstRow(), l.lastRow(), l.firstCol(), l.lastCol()));
      }
    }
    sh.getRow(0).setHeightInPoints(28);

    XSSFDataValidationHelper dv = new XSSFDataValidationHelper(sh);
    CellRangeAddressList counts = new CellRangeAddressList();
    CellRangeAddressList money = new CellRangeAddressList();
    // Decimal quantities in another unit than 万元 (the website form's 平均办理时间 in 天), by unit.
    Map<String, CellRangeAddressList> decimals = new java.util.TreeMap<>();
    CellRangeAddressList signed = new CellRangeAddressList();
    for (TableLayout.Value v : lay.values.values()) {
      boolean isMoney = "money".equals(v.spec().type());
      for (int c = v.col(); c <= v.lastCol(); c++) {
        sh.getRow(v.row()).getCell(c).setCellStyle(v.formula() != null ? s.total : isMoney ? s.inputMoney : s.inputCount);
      }
      if (v.lastCol() > v.col()) {
        sh.addMergedRegion(new CellRangeAddress(v.row(), v.row(), v.col(), v.lastCol()));
      }
      Cell cell = sh.getRow(v.row()).getCell(v.col());
      CellValue printed = prefill == null || !asPrinted ? null : prefill.values().get(v.spec().id());
      if (v.formula() != null && printed == null) {
        cell.setCellFormula(v.formula());
        continue;
      }
      CellRangeAddressList validated = !isMoney ? ("signed".equals(v.spec().type()) ? signed : counts)
          : ReportSpec.CellSpec.MONEY_UNIT.equals(v.spec().unit()) ? money
          : decimals.computeIfAbsent(v.spec().unit(), u -> new CellRangeAddressList());
      validated.addCellRangeAddress(v.row(), v.col(), v.row(), v.col());
      CellValue pre = prefill == null ? null : prefill.values().get(v.spec().id());
      if (pre != null && pre.number() != null) {
        cell.setCellValue(pre.number().doubleValue());
      } else if (pre != null && !pre.text().isEmpty()) {
        cell.setCellValue(pre.text()); // e.g. a 「/」 kept so that a round trip shows what staff typed
      }
    }
    if (counts.countRanges() > 0) {
      add(sh, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), counts,
          "请填写件数", "这里只能填写 0 或正整数；没有的请填 0。");
    }
    if (signed.countRanges() > 0) {
      add(sh, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "-1000000000", "1000000000"),
          signed, "请填写增减数", "这里填写整数：增加写正数，减少写负数（如 -3），没有变化填 0。");
    }
    if (money.countRanges() > 0) {
      add(sh, dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), money,
          "请填写金额", "这里填写以万元为单位的金额（1 元 = 0.0001 万元），不能为负数。");
    }
    decimals.forEach((unit, cells) -> add(sh,
        dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), cells,
        "请填写数字", "这里填写以" + unit + "为单位的数字，可以有小数，不能为负数。"));

    List<CellRangeAddress> checkRanges = new ArrayList<>();
    for (TableLayout.Check c : lay.checks) {
      Cell cell = sh.getRow(c.row()).getCell(c.col());
      cell.setCellStyle(s.check);
      cell.setCellFormula(c.formula());
      checkRanges.add(new CellRangeAddress(c.row(), c.row(), c.col(), c.col()));
    }
    // One rule per check cell: the rule's formula is relative to the first cell of its range.
    var cf = sh.getSheetConditionalFormatting();
    for (CellRangeAddress a : checkRanges) {
      String ref = a.formatAsString();
      ConditionalFormattingRule rule = cf.createConditionalFormattingRule("LEFT(" + ref + ",1)=\"✗\"");
      var fill = rule.createPatternFormatting();
      fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
      fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
      rule.createFontFormatting().setFontColorIndex(IndexedColors.RED.getIndex());
      cf.addConditionalFormatting(new CellRangeAddress[] {a}, rule);
    }

    widths(sh, lay);
    finish(sh, lay.freezeRow, t.blocks().size() == 1 ? lay.labelCols : 0, lay.labelCols);
    if (t.blocks().size() > 1) {
      sh.createFreezePane(0, 2); // stacked blocks: keep only the heading in view
    }
  }

  /** Readable widths: label columns from the labels that end in them, values wide enough for their header. */
  private static void widths(XSSFSheet sh, TableLayout lay) {
    int[] chars = new int[lay.colCount];
    for (TableLayout.Label l : lay.labels) {
      if (l.kind() == TableLayout.Kind.TITLE || l.kind() == TableLayout.Kind.NOTE
          || l.kind() == TableLayout.Kind.CAPTION || l.kind() == TableLayout.Kind.CORNER) {
        continue;
      }
      int cols = l.lastCol() - l.firstCol() + 1;
      int want = Math.min(l.kind() == TableLayout.Kind.ROW_LABEL ? 16 : 7, l.text().length() / cols + 1);
      for (int c = l.firstCol(); c <= l.lastCol(); c++) {
        chars[c] = Math.max(chars[c], want);
      }
    }
    int[] units = new int[lay.colCount];
    int total = 0;
    for (int c = 0; c < lay.colCount; c++) {
      int w = c >= lay.labelCols + lay.valueCols ? 10 : Math.max(c < lay.labelCols ? 5 : 6, chars[c]);
      units[c] = w * 2 + 2; // a CJK character is about two width units
      total += units[c];
    }
    // Narrower when the table would not print at 9 pt on one landscape page: numbers keep room for 7 digits
    // (10 units), labels share what is left and wrap onto more lines (their rows grow below).
    int budget = (int) (PRINTABLE_WIDTH_PT * 100 / minPrintScale() / POINTS_PER_UNIT);
    if (total > budget) {
      int labels = 0;
      for (int c = 0; c < lay.colCount; c++) {
        if (c >= lay.labelCols) {
          units[c] = Math.min(units[c], c >= lay.labelCols + lay.valueCols ? 12 : 10);
        } else {
          labels += units[c];
        }
      }
      int rest = budget - java.util.Arrays.stream(units, lay.labelCols, lay.colCount).sum();
      if (rest < labels) {
        for (int c = 0; c < lay.labelCols; c++) {
          units[c] = Math.max(8, units[c] * Math.max(0, rest) / Math.max(1, labels));
        }
      }
      total = java.util.Arrays.stream(units).sum();
    }
    for (int c = 0; c < lay.colCount; c++) {
      sh.setColumnWidth(c, units[c] * 256);
    }
    // The heading rows span the whole table; the instruction wraps, so give it the lines it needs.
    int noteLines = lay.instruction.length() * 2 / Math.max(1, total) + 1;
    sh.getRow(1).setHeightInPoints(Math.max(18, noteLines * 16f));
    // Long wrapped row labels need taller rows; Excel does not grow merged rows by itself.
    for (TableLayout.Label l : lay.labels) {
      if (l.kind() != TableLayout.Kind.ROW_LABEL && l.kind() != TableLayout.Kind.HEADER
          && l.kind() != TableLayout.Kind.CHECK_LABEL) {
        continue;
      }
      int width = 0;
      for (int c = l.firstCol(); c <= l.lastCol(); c++) {
        width += sh.getColumnWidth(c) / 256;
      }
      int lines = (l.text().length() * 2) / Math.max(1, width) + 1;
      int rows = l.lastRow() - l.firstRow() + 1;
      float per = Math.max(18, lines * 15f / rows);
      for (int r = l.firstRow(); r <= l.lastRow(); r++) {
        Row row = sh.getRow(r);
        if (row.getHeightInPoints() < per) {
          row.setHeightInPoints(Math.min(409, per));
        }
      }
    }
  }

  /** Body text size, and the smallest size print may shrink it to. */
  static final int FONT_POINTS = 11;
  static final int MIN_PRINT_POINTS = 9;
  /** A4 landscape, minus 0.4 inch margins left and right. */
  static final double PRINTABLE_WIDTH_PT = 842 - 2 * 0.4 * 72;

  /**
   * Freeze panes, print setup, and protection without a password. Print: landscape A4 at a fixed scale — the
   * one that fits the page width, but never below the scale that keeps text at {@value #MIN_PRINT_POINTS} pt; a
   * sheet wider than that splits across pages, with its title and header rows and its label columns repeated on
   * every page.
   */
  private static void finish(XSSFSheet sh, int freezeRow, int freezeCol) {
    finish(sh, freezeRow, freezeCol, 0);
  }

  private static void finish(XSSFSheet sh, int freezeRow, int freezeCol, int labelCols) {
    sh.createFreezePane(freezeCol, freezeRow);
    PrintSetup ps = sh.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    sh.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.4);
    sh.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.4);
    sh.setHorizontallyCenter(true);
    // A fixed scale, not "fit to page": Excel, WPS and LibreOffice read fit-to-page differently (LibreOffice also
    // fits the height, which shrank table 三 to 5 pt); a fixed scale prints alike everywhere.
    double fit = PRINTABLE_WIDTH_PT / widthPoints(sh);
    int minScale = minPrintScale();
    int scale = (int) Math.max(minScale, Math.min(100, Math.floor(fit * 100)));
    sh.setFitToPage(false);
    ps.setFitWidth((short) 0);
    ps.setFitHeight((short) 0);
    ps.setScale((short) scale);
    ps.setLeftToRight(true); // across first: a wide table's right part follows its left part
    if (freezeRow > 0) {
      sh.setRepeatingRows(new CellRangeAddress(0, freezeRow - 1, -1, -1));
    }
    if (fit * 100 < scale && labelCols > 0) {
      sh.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, labelCols - 1));
    }
    sh.setAutobreaks(true);
    // An empty password: protects against accidental edits of labels without locking anyone out.
    sh.protectSheet("");
    if (sh.getCTWorksheet().getSheetProtection().isSetPassword()) {
      sh.getCTWorksheet().getSheetProtection().unsetPassword();
    }
  }

  /**
   * Printed points per column width unit at 100 %: LibreOffice lays a unit out as 7 pt (measured with this
   * workbook's 宋体 and its fallbacks), Excel as about 5.25 pt; planning with the larger never overflows the page.
   */
  static final double POINTS_PER_UNIT = 7.0;

  /** The smallest print scale: text never below {@value #MIN_PRINT_POINTS} pt (with a little to spare). */
  static int minPrintScale() {
    return (int) Math.ceil(100.0 * MIN_PRINT_POINTS / FONT_POINTS) + 3;
  }

  /** The sheet's printed width at 100 %, in points. */
  static double widthPoints(XSSFSheet sh) {
    int last = 0;
    for (Row r : sh) {
      last = Math.max(last, r.getLastCellNum());
    }
    double pt = 0;
    for (int c = 0; c < last; c++) {
      pt += sh.getColumnWidth(c) / 256.0 * POINTS_PER_UNIT;
    }
    return Math.max(1, pt);
  }

  /** A first height that is not fixed: the row still grows (or shrinks) to its wrapped text when edited. */
  static void autoHeight(Row row, float points) {
    var ct = ((org.apache.poi.xssf.usermodel.XSSFRow) row).getCTRow();
    ct.setHt(points);
    if (ct.isSetCustomHeight()) {
      ct.unsetCustomHeight();
    }
  }

  private static void add(XSSFSheet sh, DataValidationConstraint c, CellRangeAddressList at, String title, String text) {
    DataValidation v = new XSSFDataValidationHelper(sh).createValidation(c, at);
    v.setShowErrorBox(true);
    v.setErrorStyle(DataValidation.ErrorStyle.STOP);
    v.createErrorBox(title, text);
    v.setShowPromptBox(false);
    sh.addValidationData(v);
  }

  private static void text(Row row, int col, String text, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellStyle(style);
    if (text != null && !text.isEmpty()) {
      c.setCellValue(text);
    }
  }

  /** The few styles the workbook uses; created once per workbook (Excel limits the number of styles). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle note;
    final CellStyle header;
    final CellStyle caption;
    final CellStyle label;
    final CellStyle rowLabel;
    final CellStyle hint;
    final CellStyle inputText;
    final CellStyle inputProse;
    final CellStyle inputCount;
    final CellStyle inputMoney;
    final CellStyle total;
    final CellStyle check;
    final CellStyle checkLabel;

    Styles(XSSFWorkbook wb) {
      XSSFFont base = wb.getFontAt(0);
      base.setFontName(FONT);
      base.setFontHeightInPoints((short) 11);
      Font bold = wb.createFont();
      bold.setFontName(FONT);
      bold.setBold(true);
      bold.setFontHeightInPoints((short) 11);
      Font big = wb.createFont();
      big.setFontName(FONT);
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);

      title = wb.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      title.setVerticalAlignment(VerticalAlignment.CENTER);

      note = wb.createCellStyle();
      note.setWrapText(true);
      note.setVerticalAlignment(VerticalAlignment.CENTER);

      label = bordered(wb, true);
      label.setAlignment(HorizontalAlignment.CENTER);
      rowLabel = bordered(wb, true);
      rowLabel.setAlignment(HorizontalAlignment.LEFT);
      header = bordered(wb, true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setFont(bold);
      caption = bordered(wb, true);
      caption.setFont(bold);
      checkLabel = bordered(wb, true);
      checkLabel.setAlignment(HorizontalAlignment.CENTER);
      checkLabel.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
      checkLabel.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      hint = wb.createCellStyle();
      hint.setWrapText(true);
      hint.setVerticalAlignment(VerticalAlignment.TOP);

      inputText = input(wb);
      inputText.setAlignment(HorizontalAlignment.LEFT);
      inputProse = input(wb);
      inputProse.setAlignment(HorizontalAlignment.LEFT);
      inputProse.setVerticalAlignment(VerticalAlignment.TOP);
      inputCount = input(wb);
      inputCount.setAlignment(HorizontalAlignment.CENTER);
      inputMoney = input(wb);
      inputMoney.setAlignment(HorizontalAlignment.CENTER);
      inputMoney.setDataFormat(wb.createDataFormat().getFormat("0.0000"));

      total = bordered(wb, false);
      total.setAlignment(HorizontalAlignment.CENTER);
      total.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      total.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      check = bordered(wb, false);
      check.setAlignment(HorizontalAlignment.CENTER);
    }

    private static CellStyle input(XSSFWorkbook wb) {
      CellStyle s = bordered(wb, true);
      s.setLocked(false);
      s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return s;
    }

    private static CellStyle bordered(XSSFWorkbook wb, boolean wrap) {
      CellStyle s = wb.createCellStyle();
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      s.setVerticalAlignment(VerticalAlignment.CENTER);
      s.setWrapText(wrap);
      s.setLocked(true);
      return s;
    }
  }

}
