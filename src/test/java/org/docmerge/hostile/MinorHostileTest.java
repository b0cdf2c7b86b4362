package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docmerge.RealClients;
import org.docmerge.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, the minor list: usage, batch collisions, disk full during --pdf. */
class MinorHostileTest {
  @TempDir Path tmp;

  record Run(int exit, String shown) {}

  static Run cli(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
    int exit = Main.run(args, p, p);
    return new Run(exit, o.toString(StandardCharsets.UTF_8));
  }

  @Test
  void maxErrorsMustBeAPositiveWholeNumber() throws Exception {
    Path wb = HostileCases.write(tmp, "年报.xlsx", HostileCases.GOOD);
    for (String bad : List.of("-5", "0", "abc")) {
      Run r = cli("check", wb.toString(), "--max-errors", bad);
      assertEquals(2, r.exit(), bad + ": usage error\n" + r.shown());
      assertTrue(r.shown().contains("--max-errors") && r.shown().contains("正整数"), r.shown());
    }
    assertEquals(0, cli("check", wb.toString(), "--max-errors", "5").exit());
  }

  @Test
  void twoHundredCollidingWorkbooksPrintOneLinePerGroupAndStillWriteTheSummary() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("各单位"));
    for (int i = 0; i < 200; i++) {
      Files.write(in.resolve(String.format("第%03d份.xlsx", i)), HostileCases.GOOD);
    }
    Path out = tmp.resolve("输出");
    Run r = cli("batch", in.toString(), "-o", out.toString(), "--jobs", "2");
    assertEquals(2, r.exit(), r.shown().substring(0, Math.min(3000, r.shown().length())));
    long groupLines = r.shown().lines().filter(l -> l.contains("BATCH.SAME_OUTPUT")).count();
    assertEquals(1, groupLines, "one line for the one collision group");
    assertTrue(r.shown().lines().count() < 20, "a few lines, not one per input:\n" + r.shown().substring(0, Math.min(3000, r.shown().length())));
    assertTrue(r.shown().length() < 4000, "output size " + r.shown().length());
    assertTrue(Files.exists(out.resolve("汇总结果.xlsx")), "the summary workbook is written: " + r.shown());
    assertFalse(Files.list(out).anyMatch(p -> p.toString().endsWith(".docx")), "no report while names collide");
  }

  @Test
  void diskFullDuringPdfSaysTheDocxWasPublished() throws Exception {
    RealClients.require("soffice");
    Path full = tmp.resolve("full");
    try (AutoCloseable unmount = HostileCases.mount(full, "size=96k")) {
      Path wb = HostileCases.write(tmp, "年报.xlsx", HostileCases.GOOD);
      // fill all but ~48 KB: room for the .docx (~25 KB), not for the PDF
      try (OutputStream o = Files.newOutputStream(full.resolve("filler.bin"))) {
        o.write(new byte[48 * 1024]);
      }
      Run r = cli("merge", wb.toString(), "-o", full.resolve("报告.docx").toString(), "--pdf");
      assertEquals(2, r.exit(), r.shown());
      assertTrue(Files.exists(full.resolve("报告.docx")), "the .docx was published: " + r.shown());
      assertFalse(Files.exists(full.resolve("报告.pdf")));
      assertTrue(r.shown().contains("Word 文档已生成") && r.shown().contains("只有 PDF"), r.shown());
      HostileManifestTest.assertTechnicalDetailHidden("disk full during --pdf", r.shown());
    }
  }
}
