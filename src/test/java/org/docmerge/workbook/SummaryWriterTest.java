package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary workbook, written without POI, reads back the same in POI, openpyxl and LibreOffice: a bold frozen
 * header, numbers as numbers, text as typed (markup characters, control characters, spaces, characters outside the
 * BMP), blanks left blank, columns past Z.
 */
class SummaryWriterTest {
  @TempDir Path tmp;

  static final String ODD = "A&B <c> \"d\" 😀 x\u0001y";

  static SheetTable table() {
    List<String> headers = new ArrayList<>(List.of("输入文件", "状态", "错误数", "收费（万元）", "备注"));
    for (int i = headers.size(); i < 30; i++) {
      headers.add("列" + i);
    }
    List<Object> first = new ArrayList<>(Arrays.asList("单位1.xlsx", "已生成", 0, new BigDecimal("12.5"), ODD));
    List<Object> second = new ArrayList<>(Arrays.asList(" 前后有空格 ", null, 3L, new BigDecimal("0.1000000000000000055511151231257827"), null));
    for (int i = first.size(); i < 30; i++) {
      first.add(i);
      second.add(null);
    }
    second.set(29, "最后一列");
    return new SheetTable("汇总结果", headers, List.of(first, second));
  }

  static byte[] written() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SummaryWriter.write(table(), out);
    return out.toByteArray();
  }

  @Test
  void poiReadsEveryCellWithItsTypeTheBoldFrozenHeaderAndTheColumnsPastZ() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written()))) {
      XSSFSheet sh = wb.getSheet("汇总结果");
      assertTrue(sh.getRow(0).getCell(0).getCellStyle().getFont().getBold(), "the header is bold");
      assertEquals(WorkbookWriter.FONT, sh.getRow(0).getCell(0).getCellStyle().getFont().getFontName());
      assertEquals(1, sh.getPaneInformation().getHorizontalSplitPosition(), "the header row stays in view");
      XSSFCell zero = sh.getRow(1).getCell(2);
      assertEquals(CellType.NUMERIC, zero.getCellType());
      assertEquals(0.0, zero.getNumericCellValue());
      assertEquals(12.5, sh.getRow(1).getCell(3).getNumericCellValue());
      assertEquals(ODD, sh.getRow(1).getCell(4).getStringCellValue(), "text as typed, control character included");
      assertEquals(" 前后有空格 ", sh.getRow(2).getCell(0).getStringCellValue());
      assertEquals(null, sh.getRow(2).getCell(1), "a blank stays blank");
      assertEquals(3.0, sh.getRow(2).getCell(2).getNumericCellValue());
      assertEquals(CellType.STRING, sh.getRow(2).getCell(3).getCellType(), "a fee a double would round keeps its digits");
      assertEquals("0.1000000000000000055511151231257827", sh.getRow(2).getCell(3).getStringCellValue());
      assertEquals("列29", sh.getRow(0).getCell(29).getStringCellValue());
      assertEquals("AD3", sh.getRow(2).getCell(29).getReference());
      assertEquals(29.0, sh.getRow(1).getCell(29).getNumericCellValue());
    }
    assertEquals("AD", SummaryWriter.column(29));
    assertEquals("ZZ", SummaryWriter.column(701));
    assertEquals("AAA", SummaryWriter.column(702));
  }

  @Test
  @Tag("slow")
  void openpyxlAndLibreOfficeReadTheSameCells() throws Exception {
    Path py = RealClients.python();
    Path xlsx = tmp.resolve("汇总结果.xlsx");
    Files.write(xlsx, written());
    Path script = tmp.resolve("read.py");
    Files.writeString(script, """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["汇总结果"]
        print(ws.freeze_panes, ws["A1"].font.b, ws["A1"].font.name)
        print(repr(ws["C2"].value), repr(ws["D2"].value), repr(ws["E2"].value), repr(ws["A3"].value))
        print(repr(ws["B3"].value), repr(ws["AD3"].value), repr(ws["AD2"].value))
        """);
    List<String> out = RealClients.run(List.of(py.toString(), script.toString(), xlsx.toString(), ODD), tmp);
    // openpyxl shows Excel's escape of the control character as it stands (POI's writer wrote the same escape)
    assertEquals(List.of("A2 True " + WorkbookWriter.FONT, "0 12.5 'A&B <c> \"d\" 😀 x_x0001_y' ' 前后有空格 '",
        "None '最后一列' 29"), out);

    RealClients.require("soffice");
    RealClients.run(List.of("soffice", "--headless", "--norestore", "-env:UserInstallation=" + tmp.resolve("lo").toUri(),
        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", tmp.toString(), xlsx.toString()), tmp);
    List<String> csv = Files.readAllLines(tmp.resolve("汇总结果.csv"));
    assertTrue(csv.get(0).startsWith("输入文件,状态,错误数,收费（万元）,备注,列5"), csv.get(0));
    assertTrue(csv.get(1).startsWith("单位1.xlsx,已生成,0,12.5,\"A&B <c> \"\"d\"\" 😀 x"), csv.get(1));
    assertTrue(csv.get(2).startsWith(" 前后有空格 ,,3,0.1000000000000000055511151231257827,"), csv.get(2));
    assertTrue(csv.get(2).endsWith(",最后一列"), csv.get(2));
  }
}
