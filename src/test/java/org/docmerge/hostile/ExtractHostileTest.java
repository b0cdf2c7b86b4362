package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.docmerge.TestReports;
import org.docmerge.cli.Main;
import org.docmerge.model.ReportData;
import org.docmerge.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 2 and the extract part of the minor list: a paragraph longer than an Excel cell takes (32,767
 * characters), a 19 MB one-line text, 1 MB of random bytes and a UTF-16 text never end in exit 3 or an empty
 * workbook.
 */
class ExtractHostileTest {
  @TempDir Path tmp;

  record Run(int exit, String shown) {}

  Run extract(String name, byte[] content) throws Exception {
    Path in = HostileCases.write(tmp, name, content);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
    int exit = Main.run(new String[] {"extract", in.toString(), "-o", tmp.resolve("年报数据.xlsx").toString()}, p, p);
    return new Run(exit, o.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aParagraphLongerThanACellIsSplitOverRowsAndNothingIsLost() throws Exception {
    String seed = TestReports.seedText();
    String intro = seed.lines().filter(l -> l.length() > 60).findFirst().orElseThrow();
    String longIntro = (intro + "。").repeat(40_000 / intro.length() + 1);
    assertTrue(longIntro.length() > 40_000);
    Run r = extract("2021年报.txt", seed.replace(intro, longIntro).getBytes(StandardCharsets.UTF_8));
    assertFalse(r.exit() == 3, r.shown());
    assertTrue(r.shown().contains("EXTRACT.PARAGRAPH_SPLIT"), r.shown());
    ReportData back = WorkbookReader.read(tmp.resolve("年报数据.xlsx"), "w.xlsx", HostileCases.SPEC).get();
    String all = String.join("", back.prose().values().stream().flatMap(java.util.List::stream).toList());
    assertTrue(all.contains(longIntro.substring(0, 30_000)) || all.replace("\n", "").contains(longIntro.replace("\n", "")),
        "the long paragraph is in the workbook");
    assertEquals(longIntro.length(), back.prose().values().stream().flatMap(java.util.List::stream)
        .filter(p -> longIntro.contains(p)).mapToInt(String::length).sum(), "every character of it, over several rows");
  }

  @Test
  void aNineteenMegabyteOneLineTextIsNotAReport() throws Exception {
    Run r = extract("大文件.txt", "公开".repeat(19 * 1024 * 1024 / 6).getBytes(StandardCharsets.UTF_8));
    assertFalse(r.exit() == 3, r.shown());
    assertTrue(r.shown().contains("EXTRACT.NOT_REPORT"), r.shown());
    assertFalse(Files.exists(tmp.resolve("年报数据.xlsx")), "no empty workbook");
  }

  @Test
  void randomBytesAreNotAReport() throws Exception {
    byte[] junk = new byte[1 << 20];
    new Random(15).nextBytes(junk);
    junk[0] = 'x'; // not a zip, not OLE2, not PDF
    Run r = extract("乱码.txt", junk);
    assertEquals(2, r.exit(), r.shown());
    assertTrue(r.shown().contains("EXTRACT.NOT_REPORT") && r.shown().contains("不是"), r.shown());
    assertFalse(Files.exists(tmp.resolve("年报数据.xlsx")), "no empty workbook");
  }

  @Test
  void utf16TextIsReadOrNamedForItsEncoding() throws Exception {
    Run withBom = extract("2021年报-utf16.txt", TestReports.seedText().getBytes(StandardCharsets.UTF_16));
    assertEquals(0, withBom.exit(), "UTF-16 with a byte-order mark is read as the report it is\n" + withBom.shown());
    Files.delete(tmp.resolve("年报数据.xlsx"));
    Run noBom = extract("2021年报-utf16le.txt", TestReports.seedText().getBytes(StandardCharsets.UTF_16LE));
    assertEquals(2, noBom.exit(), noBom.shown());
    assertTrue(noBom.shown().contains("编码"), "an encoding message: " + noBom.shown());
    assertFalse(Files.exists(tmp.resolve("年报数据.xlsx")), "no empty workbook");
  }
}
