package org.docmerge.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link SheetTable} as a one-sheet .xlsx: a bold header row that stays in view (frozen), column widths
 * from the headers, numbers as numbers. The summary is written directly as SpreadsheetML, row by row into the zip,
 * not through POI: POI's streaming workbook measures a character with Java's font machinery when it creates a sheet
 * and loads the XML-beans schema classes, which made the summary the largest fixed cost of a batch (0.4 of the
 * 1.0 s a one-workbook batch took, with about 1,400 classes loaded for it). {@link #fill} still serves workbooks
 * that POI builds (an aggregate's member sheet). Stateless; thread-safe.
 */
public final class SummaryWriter {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private SummaryWriter() {}

  /** Writes the workbook to {@code out} (not closed). */
  public static void write(SheetTable table, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush(); // the caller closes its stream
      }
    }, StandardCharsets.UTF_8);
    entry(zip, "[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
    entry(zip, "_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>""".formatted(REL));
    entry(zip, "xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>"""
        .formatted(MAIN, REL, escape(sheetName(table.sheet()))));
    entry(zip, "xl/_rels/workbook.xml.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="%1$s/styles" Target="styles.xml"/></Relationships>""".formatted(REL));
    entry(zip, "xl/styles.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="%s"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="%s"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
        .formatted(MAIN, escape(WorkbookWriter.FONT)));
    zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
    Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
        + "\" xmlns:r=\"" + REL + "\"><sheetViews><sheetView workbookViewId=\"0\">"
        + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        + "<sheetFormatPr defaultRowHeight=\"15\"/>");
    if (!table.headers().isEmpty()) {
      w.write("<cols>");
      for (int c = 0; c < table.headers().size(); c++) {
        int width = Math.min(80, Math.max(8, table.headers().get(c).length() * 3 + 4));
        w.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + width + "\" customWidth=\"1\"/>");
      }
      w.write("</cols>");
    }
    w.write("<sheetData>");
    row(w, 1, new java.util.ArrayList<Object>(table.headers()), true);
    int r = 2;
    for (List<Object> values : table.rows()) {
      row(w, r++, values, false);
    }
    w.write("</sheetData></worksheet>");
    w.flush();
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  private static void row(Writer w, int r, List<Object> values, boolean header) throws IOException {
    w.write("<row r=\"" + r + "\">");
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      if (v == null) {
        continue;
      }
      String ref = column(c) + r;
      String style = header ? " s=\"1\"" : "";
      String number = number(v);
      if (number != null) {
        w.write("<c r=\"" + ref + "\"" + style + "><v>" + number + "</v></c>");
      } else {
        String text = v instanceof BigDecimal b ? b.toPlainString() : limit(v.toString());
        String space = !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
            || Character.isWhitespace(text.charAt(text.length() - 1))) ? " xml:space=\"preserve\"" : "";
        w.write("<c r=\"" + ref + "\"" + style + " t=\"inlineStr\"><is><t" + space + ">" + escape(text) + "</t></is></c>");
      }
    }
    w.write("</row>");
  }

  /**
   * A number's lexical form for a {@code <v>}, or null when it is to be written as text: a fee that a double would
   * round keeps its digits as shown text (as POI's writer did), and NaN or infinity are no numbers to Excel.
   */
  private static String number(Object v) {
    if (v instanceof BigDecimal b) {
      return asNumber(b) ? b.toPlainString() : null;
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
        || v instanceof java.math.BigInteger) {
      return v.toString();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : null;
    }
    return null;
  }

  /** Whole counts are exact as doubles; a fee keeps its digits as shown text when a double would round. */
  private static boolean asNumber(BigDecimal b) {
    return b.compareTo(new BigDecimal(b.doubleValue())) == 0 || b.scale() <= 0;
  }

  /** A, B, … Z, AA, AB, … */
  static String column(int index) {
    StringBuilder b = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      b.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return b.toString();
  }

  /** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\ . */
  private static String sheetName(String name) {
    String s = name.replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
    s = s.isEmpty() ? "Sheet1" : s;
    return s.codePointCount(0, s.length()) > 31 ? s.substring(0, s.offsetByCodePoints(0, 31)) : s;
  }

  /**
   * XML text: markup characters escaped; characters XML 1.0 cannot carry (control characters, lone surrogates)
   * written as Excel's {@code _xHHHH_} escapes, as POI did.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
          if (pair) {
            b.append(ch).append(s.charAt(++i));
          } else if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || Character.isSurrogate(ch)
              || ch == 0xFFFE || ch == 0xFFFF) {
            b.append(String.format("_x%04X_", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Adds the table's rows to a sheet (also used for the member sheet of an aggregate workbook). */
  static void fill(Workbook wb, Sheet sh, SheetTable table) {
    CellStyle head = wb.createCellStyle();
    Font bold = wb.createFont();
    bold.setBold(true);
    bold.setFontName(WorkbookWriter.FONT);
    head.setFont(bold);
    Row h = sh.createRow(0);
    for (int c = 0; c < table.headers().size(); c++) {
      Cell cell = h.createCell(c);
      cell.setCellValue(table.headers().get(c));
      cell.setCellStyle(head);
    }
    sh.createFreezePane(0, 1);
    int r = 1;
    for (List<Object> values : table.rows()) {
      Row row = sh.createRow(r++);
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        if (v instanceof BigDecimal b) {
          if (asNumber(b)) {
            cell.setCellValue(b.doubleValue());
          } else {
            cell.setCellValue(b.toPlainString());
          }
        } else if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else {
          cell.setCellValue(limit(v.toString()));
        }
      }
    }
  }

  /** Excel refuses a cell of more than 32,767 characters. */
  private static String limit(String s) {
    return s.length() > 32_000 ? s.substring(0, 32_000) + "…" : s;
  }
}
