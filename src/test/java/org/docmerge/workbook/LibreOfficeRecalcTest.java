package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client computes the workbook's totals and checks: numbers typed via POI (caches left stale), then
 * LibreOffice forced to recalculate on load (hostile-inputs.md "Real clients" §3), then the cached results it
 * saved are read back. One soffice run converts both files (≈2 s). Skipped only when soffice is not installed.
 */
class LibreOfficeRecalcTest {

  static final ReportSpec SPEC = TestWorkbooks.spec();

  @Test
  void libreOfficeComputesTotalsAndChecks(@TempDir Path dir) throws Exception {
    Path soffice = RealClients.require("soffice");

    ReportData seed = SampleData.gongshu(SPEC);
    byte[] blank = WorkbookWriter.write(SPEC, null);
    byte[] good = fill(blank, seed, null);
    byte[] broken = fill(blank, seed, "t3.carryover.natural"); // 一+二 = 1, （七）总计+四 = 2: R05 breaks
    Files.write(dir.resolve("good.xlsx"), good);
    Files.write(dir.resolve("broken.xlsx"), broken);
    Files.write(dir.resolve("blank.xlsx"), blank);

    Path profile = dir.resolve("profile");
    Files.createDirectories(profile.resolve("user"));
    Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
        "-env:UserInstallation=" + profile.toUri(), "--convert-to", "xlsx:Calc MS Excel 2007 XML",
        "--outdir", out.toString(), dir.resolve("good.xlsx").toString(), dir.resolve("broken.xlsx").toString(),
        dir.resolve("blank.xlsx").toString());
    pb.environment().put("HOME", dir.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("soffice.log").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soffice hung");
    // soffice exits 0 even when it cannot load a file: the outputs must exist.
    String log = Files.readString(dir.resolve("soffice.log"));
    assertTrue(Files.size(out.resolve("good.xlsx")) > 0, log);
    assertTrue(Files.size(out.resolve("broken.xlsx")) > 0, log);

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(out.resolve("good.xlsx"))))) {
      assertEquals(1.0, cached(wb, "t3.new.total").getNumericCellValue());
      assertEquals(1.0, cached(wb, "t3.total.natural").getNumericCellValue());
      assertEquals(1.0, cached(wb, "t3.total.total").getNumericCellValue());
      assertEquals(0.0, cached(wb, "t4.count.review_total").getNumericCellValue());
      for (String t : List.of("t3", "t4")) {
        for (TableLayout.Check c : TableLayout.of(SPEC, SPEC.table(t).get()).checks) {
          Cell cell = wb.getSheet(SPEC.table(t).get().sheet()).getRow(c.row()).getCell(c.col());
          assertEquals(CellType.STRING, cell.getCachedFormulaResultType());
          assertTrue(cell.getStringCellValue().startsWith("✓"), c.identity().rule() + " " + cell.getAddress()
              + " shows " + cell.getStringCellValue());
        }
      }
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(out.resolve("broken.xlsx"))))) {
      TableLayout lay = TableLayout.of(SPEC, SPEC.table("t3").get());
      int naturalCol = lay.value("new", "natural").col();
      TableLayout.Check r05 = lay.checks.stream()
          .filter(c -> c.identity().rule().equals("R05") && c.col() == naturalCol).findFirst().orElseThrow();
      String shown = wb.getSheet("表三").getRow(r05.row()).getCell(r05.col()).getStringCellValue();
      assertEquals("✗ 相差 1", shown, "the difference as a positive number, as the CLI says it");
      assertEquals(1.0, cached(wb, "t3.carryover.total").getNumericCellValue(), "R03 total follows the change");
    }

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(out.resolve("blank.xlsx"))))) {
      for (ReportSpec.Table t : SPEC.tables()) {
        for (TableLayout.Check c : TableLayout.of(SPEC, t).checks) {
          Cell cell = wb.getSheet(t.sheet()).getRow(c.row()).getCell(c.col());
          assertEquals("", cell.getStringCellValue(), "a blank workbook shows no ✓ and no ✗: " + t.sheet() + "!"
              + cell.getAddress());
        }
      }
    }

    // A workbook saved by LibreOffice (its own styles, shared strings and formula writing) reads like Excel's:
    // the tables come back whole, with LibreOffice's cached results agreeing with ours (no stale-formula note).
    var read = WorkbookReader.read(out.resolve("good.xlsx"), "good.xlsx", SPEC);
    assertTrue(read.diagnostics().stream().noneMatch(d -> d.severity() != org.docmerge.diag.Severity.INFO),
        read.diagnostics().toString());
    assertEquals(seed.values().keySet(), read.get().values().keySet());
    for (var e : seed.values().entrySet()) {
      assertEquals(0, e.getValue().number().compareTo(read.get().number(e.getKey()).orElseThrow()), e.getKey());
    }
  }

  /**
   * The init workbook printed by LibreOffice (to PDF): no text smaller than 9 pt (issue 10: table 三 used to shrink
   * to about 5 pt), font sizes as poppler's pdftohtml reports them.
   */
  @Test
  void printedWorkbookTextIsNinePointsOrMore(@TempDir Path dir) throws Exception {
    Path soffice = RealClients.require("soffice");
    Path pdftohtml = RealClients.require("pdftohtml");
    Files.write(dir.resolve("blank.xlsx"), WorkbookWriter.write(SPEC, SampleData.gongshu(SPEC)));
    ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", dir.toString(),
        dir.resolve("blank.xlsx").toString());
    pb.environment().put("HOME", dir.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soffice hung");
    assertTrue(Files.isRegularFile(dir.resolve("blank.pdf")), Files.readString(dir.resolve("soffice.log")));
    List<String> xml = RealClients.run(List.of(pdftohtml.toString(), "-xml", "-i", "-zoom", "1", "-stdout",
        dir.resolve("blank.pdf").toString()), dir);
    List<Integer> sizes = xml.stream().filter(l -> l.contains("<fontspec"))
        .map(l -> Integer.parseInt(l.replaceFirst(".*size=\"(\\d+)\".*", "$1"))).toList();
    assertTrue(!sizes.isEmpty(), "pdftohtml lists the fonts");
    assertTrue(sizes.stream().allMatch(sz -> sz >= 9), "every printed text is at least 9 pt: " + sizes);
    String text = String.join("\n", xml);
    assertTrue(text.contains("三、收到和处理政府信息公开申请情况") && text.contains("四、政府信息公开行政复议"), "every table is printed");
  }

  /** The blank init workbook with the data's numbers typed in via POI, formulas not recalculated. */
  static byte[] fill(byte[] blank, ReportData data, String plusOne) {
    return TestWorkbooks.edit(blank, wb -> {
      for (var e : data.values().entrySet()) {
        Cell c = TestWorkbooks.cell(wb, SPEC, e.getKey());
        if (c.getCellType() != CellType.FORMULA) {
          c.setCellValue(e.getValue().number().doubleValue() + (e.getKey().equals(plusOne) ? 1 : 0));
        }
      }
    });
  }

  static Cell cached(XSSFWorkbook wb, String cellId) {
    Cell c = TestWorkbooks.cell(wb, SPEC, cellId);
    assertEquals(CellType.FORMULA, c.getCellType(), cellId + " stays a live formula after LibreOffice saves it");
    return c;
  }
}
