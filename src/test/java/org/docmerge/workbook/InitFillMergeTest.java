package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.docmerge.TestReports;
import org.docmerge.cli.Main;
import org.docmerge.model.ReportData;
import org.docmerge.report.docx.DocxText;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a staff member does: {@code init}, type the seed's numbers and text into the workbook (here with POI,
 * leaving the totals as the live formulas init wrote), save, {@code merge}: the report is the seed report.
 */
class InitFillMergeTest {
  @TempDir Path tmp;

  private static int cli(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    int code = Main.run(args, ps, ps);
    if (code != 0) {
      System.err.println(sink.toString(StandardCharsets.UTF_8));
    }
    return code;
  }

  @Test
  void initFilledWithTheSeedMergesToTheSeedReport() throws Exception {
    ReportSpec spec = TestReports.spec2021();
    ReportData seed = TestReports.seed();
    Path book = tmp.resolve("年报数据.xlsx");
    assertEquals(0, cli("init", "-o", book.toString()));

    byte[] filled = TestWorkbooks.edit(Files.readAllBytes(book), wb -> {
      fillByLabel(wb.getSheet(spec.coverSheet()), Map.of(
          "机关名称", seed.field("agency"), "报告年度", seed.field("year"), "单位类型", seed.field("unitType"),
          "网址", seed.field("url")));
      Sheet prose = wb.getSheet(spec.proseSheet());
      for (ReportSpec.Section s : spec.sections()) {
        fillByLabel(prose, Map.of(s.label(), String.join("\n", seed.paragraphs(s.id()))));
      }
      for (Map.Entry<String, ?> e : seed.values().entrySet()) {
        Cell c = TestWorkbooks.cell(wb, spec, e.getKey());
        if (c.getCellType() != CellType.FORMULA) { // totals stay live formulas, as staff leave them
          c.setCellValue(seed.number(e.getKey()).orElse(BigDecimal.ZERO).doubleValue());
        }
      }
    });
    Files.write(book, filled);

    Path report = tmp.resolve("报告.docx");
    assertEquals(0, cli("merge", book.toString(), "-o", report.toString()));
    List<String> expected = TestReports.lines(TestReports.seedText());
    assertEquals(expected, DocxText.lines(Files.readAllBytes(report)));
  }

  /** Puts each value in the cell right of the cell whose text is its label. */
  private static void fillByLabel(Sheet sheet, Map<String, String> values) {
    for (Row row : sheet) {
      Cell label = row.getCell(0);
      if (label != null && label.getCellType() == CellType.STRING && values.containsKey(label.getStringCellValue().strip())) {
        Cell target = row.getCell(1) != null ? row.getCell(1) : row.createCell(1);
        target.setCellValue(values.get(label.getStringCellValue().strip()));
      }
    }
  }
}
