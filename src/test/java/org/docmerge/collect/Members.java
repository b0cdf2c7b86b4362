package org.docmerge.collect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.docmerge.workbook.TestWorkbooks;
import org.docmerge.workbook.WorkbookWriter;

/** Members' workbooks generated from the sample data, a member list, and POI reads independent of docmerge. */
final class Members {
  static final ReportSpec SPEC = TestWorkbooks.spec();

  private Members() {}

  /** A consistent workbook of its own unit (测试机关{seed}) for {@code year}. */
  static byte[] workbook(long seed, int year) {
    return WorkbookWriter.write(SPEC, with(SampleData.random(SPEC, seed), year, null, null));
  }

  /** The same with one cell changed, a negative count: errors. */
  static byte[] broken(long seed, int year) {
    ReportData d = SampleData.random(SPEC, seed);
    String cell = d.values().keySet().stream().filter(k -> k.startsWith("t3.")).sorted().findFirst().orElseThrow();
    BigDecimal v = BigDecimal.valueOf(-3); // R01: a count is never negative
    return WorkbookWriter.write(SPEC, with(d, year, cell, v));
  }

  private static ReportData with(ReportData d, int year, String cell, BigDecimal value) {
    ReportData.Builder b = new ReportData.Builder(d.kind(), d.source());
    d.fields().forEach((k, v) -> b.field(k, k.equals("year") ? String.valueOf(year) : v, Location.NONE));
    d.prose().forEach((k, v) -> b.prose(k, v, Location.NONE));
    d.values().forEach((k, v) -> b.value(k, k.equals(cell) ? CellValue.of(value, Location.NONE) : v));
    return b.build();
  }

  static byte[] memberList(List<String> names) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sh = wb.createSheet("成员名单");
      sh.createRow(0).createCell(0).setCellValue("成员单位");
      for (int i = 0; i < names.size(); i++) {
        sh.createRow(i + 1).createCell(0).setCellValue(names.get(i));
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every numeric cell (cached value of formulas too) of 表二/三/四, by sheet!row,col: plain POI, no docmerge code. */
  static Map<String, Double> numbers(byte[] xlsx) {
    Map<String, Double> out = new TreeMap<>();
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (String name : List.of("表二", "表三", "表四")) {
        Sheet sh = wb.getSheet(name);
        for (Row row : sh) {
          for (Cell c : row) {
            CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
            if (t == CellType.NUMERIC) {
              out.put(name + "!" + c.getRowIndex() + "," + c.getColumnIndex(), c.getNumericCellValue());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
