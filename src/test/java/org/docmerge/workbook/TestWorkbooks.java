package org.docmerge.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;

/**
 * Builds and edits workbooks for tests and for the sample generator, so that no binary fixture is committed.
 * The only test code outside this package that needs POI goes through here. Stateless; thread-safe.
 */
public final class TestWorkbooks {

  private TestWorkbooks() {}

  /** The shipped 2021 spec, read from the repository's templates folder. */
  public static ReportSpec spec() {
    return SpecReader.load("templates/" + SpecReader.DEFAULT_KIND).get().spec();
  }

  /** Opens xlsx bytes, applies the change, saves without recalculating (so caches stay as the change left them). */
  public static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      change.accept(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell where a value of {@code cellId} (e.g. {@code t3.new.natural}) sits in a fresh init workbook. */
  public static Cell cell(Workbook wb, ReportSpec spec, String cellId) {
    String tableId = cellId.substring(0, cellId.indexOf('.'));
    ReportSpec.Table t = spec.table(tableId).orElseThrow();
    TableLayout.Value v = TableLayout.of(spec, t).values.get(cellId);
    Row row = wb.getSheet(t.sheet()).getRow(v.row());
    Cell c = row.getCell(v.col());
    return c != null ? c : row.createCell(v.col());
  }

  /** The address (e.g. {@code B5}) of a value in a fresh init workbook. */
  public static String address(ReportSpec spec, String cellId) {
    String tableId = cellId.substring(0, cellId.indexOf('.'));
    TableLayout.Value v = TableLayout.of(spec, spec.table(tableId).orElseThrow()).values.get(cellId);
    return org.docmerge.diag.Location.columnName(v.col()) + (v.row() + 1);
  }

  /** Check cells of a table in a fresh init workbook, as [row, col] pairs. */
  public static List<int[]> checks(ReportSpec spec, String tableId) {
    return TableLayout.of(spec, spec.table(tableId).orElseThrow()).checks.stream()
        .map(c -> new int[] {c.row(), c.col()})
        .toList();
  }

  /** Puts one section's paragraphs into a single cell with line breaks and deletes its continuation rows. */
  public static byte[] joinParagraphs(byte[] xlsx, ReportSpec spec, ReportData data, String sectionId) {
    String label = spec.section(sectionId).orElseThrow().label();
    return edit(xlsx, wb -> {
      Sheet sh = wb.getSheet(spec.proseSheet());
      for (Row row : sh) {
        Cell c = row.getCell(0);
        if (c != null && label.equals(c.getStringCellValue())) {
          int first = row.getRowNum();
          int n = data.paragraphs(sectionId).size();
          row.getCell(1).setCellValue(String.join("\n", data.paragraphs(sectionId)));
          row.setHeightInPoints(Math.min(409, n * 60f));
          if (n > 1) {
            for (int r = first + 1; r < first + n; r++) {
              sh.removeRow(sh.getRow(r));
            }
            sh.shiftRows(first + n, sh.getLastRowNum(), -(n - 1));
          }
          return;
        }
      }
      throw new IllegalStateException("section row not found: " + label);
    });
  }

  /** A copy as .xls (HSSF): values, strings, formulas, merges, sheet order and visibility. Styles are not kept. */
  public static byte[] toXls(byte[] xlsx) {
    try (XSSFWorkbook in = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        HSSFWorkbook out = new HSSFWorkbook()) {
      for (int i = 0; i < in.getNumberOfSheets(); i++) {
        Sheet src = in.getSheetAt(i);
        Sheet dst = out.createSheet(src.getSheetName());
        for (Row r : src) {
          Row nr = dst.createRow(r.getRowNum());
          for (Cell c : r) {
            Cell nc = nr.createCell(c.getColumnIndex());
            switch (c.getCellType()) {
              case STRING -> nc.setCellValue(c.getStringCellValue());
              case NUMERIC -> nc.setCellValue(c.getNumericCellValue());
              case BOOLEAN -> nc.setCellValue(c.getBooleanCellValue());
              case FORMULA -> nc.setCellFormula(c.getCellFormula());
              default -> { }
            }
          }
        }
        for (CellRangeAddress m : src.getMergedRegions()) {
          dst.addMergedRegion(m);
        }
        out.setSheetVisibility(i, in.getSheetVisibility(i));
      }
      out.getCreationHelper().createFormulaEvaluator().evaluateAll();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An OLE2 container with one stream of that name and {@code size} zero bytes, as Word (.doc, {@code WordDocument})
   * or Excel 95 (.xls, {@code Book}) would have. A stream under 4096 bytes sits in the container's mini stream.
   */
  public static byte[] ole2(String stream, int size) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[size]), stream);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The workbook as Excel saves it with a password to open: agile encryption inside an OLE2 file. */
  public static byte[] encrypted(byte[] xlsx, String password) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword(password);
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException | InvalidFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code sheetXml} followed by rows of numbers up to 11 MB of text: it compresses to a few hundred KB (an honest
   * ratio, not a zip bomb), so the file-size limit alone would let it through to an out-of-memory.
   */
  public static String hugeSheet(String sheetXml) {
    StringBuilder rows = new StringBuilder(sheetXml);
    for (int r = 1; rows.length() < 11 << 20; r++) {
      rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r * 7919L % 100003)
          .append("</v></c></row>");
    }
    return rows.toString();
  }

  /**
   * The seed sample with the deliberate errors documented in input-samples/README.md: a blank count, a 「/」,
   * a 总计 overwritten with a wrong number, an R05 break and a negative number.
   */
  public static byte[] breakSample(byte[] xlsx, ReportSpec spec) {
    return edit(xlsx, wb -> {
      cell(wb, spec, "t2.rules.issued").setBlank();                 // blank count (R01)
      cell(wb, spec, "t2.license.decisions").setCellValue("/");     // 「/」 in a count (R01)
      Cell total = cell(wb, spec, "t3.carried.total");
      total.removeFormula();                                        // setCellValue alone only changes the cache
      total.setCellValue(5);                                        // 总计 formula overwritten: 0 ≠ 5 (R03)
      cell(wb, spec, "t3.carryover.natural").setCellValue(1);       // 一+二 = 1 ≠ （七）1 + 四 1 (R05)
      cell(wb, spec, "t4.count.review_upheld").setCellValue(-1);    // negative (R01)
      wb.setForceFormulaRecalculation(true);
      org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
    });
  }

  /** Every row of a sheet as displayed text (blank cells as ""), for reading back docmerge's own workbooks. */
  public static List<List<String>> rows(java.nio.file.Path xlsx, String sheet) {
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(java.nio.file.Files.readAllBytes(xlsx)))) {
      Sheet sh = wb.getSheet(sheet);
      if (sh == null) {
        throw new IllegalStateException("no sheet " + sheet);
      }
      return rows(sh);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of the first sheet as displayed text (blank cells as ""). */
  public static List<List<String>> rows(byte[] xlsx) {
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      return rows(wb.getSheetAt(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> rows(Sheet sh) {
    org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter();
    List<List<String>> out = new java.util.ArrayList<>();
    for (Row r : sh) {
      List<String> line = new java.util.ArrayList<>();
      for (int c = 0; c < r.getLastCellNum(); c++) {
        Cell cell = r.getCell(c);
        line.add(cell == null ? "" : fmt.formatCellValue(cell));
      }
      out.add(line);
    }
    return out;
  }

  /** A one-sheet workbook with {@code values} down column A (a member list). */
  public static byte[] column(List<String> values) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sh = wb.createSheet("成员单位");
      for (int i = 0; i < values.size(); i++) {
        sh.createRow(i).createCell(0).setCellValue(values.get(i));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
