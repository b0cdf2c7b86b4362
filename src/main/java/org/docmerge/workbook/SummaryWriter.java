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
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link SheetTable} as a one-sheet .xlsx, streaming (POI's SXSSF keeps 100 rows in memory), so a
 * summary of 10,000 inputs costs no more heap than one of ten. Stateless; thread-safe.
 */
public final class SummaryWriter {
  private SummaryWriter() {}

  /** Writes the workbook to {@code out} (not closed). */
  public static void write(SheetTable table, OutputStream out) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(100);
    try {
      wb.setCompressTempFiles(false);
      SXSSFSheet sh = wb.createSheet(table.sheet());
      fill(wb, sh, table);
      for (int c = 0; c < table.headers().size(); c++) {
        sh.setColumnWidth(c, Math.min(80, Math.max(8, table.headers().get(c).length() * 3 + 4)) * 256);
      }
      wb.write(out);
    } finally {
      wb.close();
      wb.dispose();
    }
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
          // Whole counts are exact as doubles; a fee keeps its digits as shown text when a double would round.
          if (b.compareTo(new BigDecimal(b.doubleValue())) == 0 || b.scale() <= 0) {
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
