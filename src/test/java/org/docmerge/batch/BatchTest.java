package org.docmerge.batch;

import static org.docmerge.batch.Fixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.docmerge.TestReports;
import org.docmerge.report.docx.DocxText;
import org.docmerge.workbook.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docmerge batch} as a disclosure office runs it. */
class BatchTest {
  @TempDir Path tmp;

  @Test
  void pdfGivesEveryReportAPdfBesideIt() throws Exception {
    org.docmerge.RealClients.require("soffice");
    Path in = tmp.resolve("各单位");
    Files.createDirectories(in);
    Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("拱墅投促.xlsx"));
    Files.copy(Fixtures.SAMPLES.resolve("broken-2021.xlsx"), in.resolve("坏的.xlsx"));
    Path out = tmp.resolve("输出");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString(), "--pdf");
    assertEquals(1, r.code(), "the broken input has errors\n" + r.out() + r.err());
    String docx = Fixtures.report("拱墅区投资促进局", 2021);
    String pdf = docx.replace(".docx", ".pdf");
    assertEquals(List.of(docx, pdf, Batch.SUMMARY).stream().sorted().toList(), Fixtures.visible(out));
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve(pdf)), 5);
    assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void pdfOfManyReportsLeavesOnlyReportsTheirPdfsAndTheSummary() throws Exception {
    org.docmerge.RealClients.require("soffice");
    Path in = tmp.resolve("各单位");
    List<String> expected = new java.util.ArrayList<>(List.of(Batch.SUMMARY));
    for (int i = 1; i <= 5; i++) {
      Fixtures.write(in, "单位" + i + ".xlsx", Fixtures.member(i, 2021));
      expected.add(Fixtures.report("测试机关" + i, 2021));
      expected.add(Fixtures.report("测试机关" + i, 2021).replace(".docx", ".pdf"));
    }
    Path out = tmp.resolve("输出");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString(), "--pdf", "--jobs", "2");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(expected.stream().sorted().toList(), Fixtures.all(out), "no temporary file is left beside them");
    for (String f : expected) {
      if (f.endsWith(".pdf")) {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve(f)), 5);
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII), f);
      }
    }
  }

  @Test
  void pdfWithACollisionPublishesNoReportNoPdfAndNoTemporaryFile() throws Exception {
    org.docmerge.RealClients.require("soffice");
    Path in = tmp.resolve("各单位");
    Files.createDirectories(in);
    Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("拱墅投促.xlsx"));
    Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("拱墅投促（副本）.xlsx"));
    Fixtures.write(in, "单位1.xlsx", Fixtures.member(1, 2021));
    Path out = tmp.resolve("输出");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString(), "--pdf", "--jobs", "2");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("BATCH.SAME_OUTPUT"), r.out());
    assertEquals(List.of(Batch.SUMMARY), Fixtures.all(out), "the PDFs converted meanwhile are not published either");
  }

  @Test
  void mixedFolderGivesEachGoodWorkbookItsReportAndASummaryRowForEveryInput() throws Exception {
    Path in = tmp.resolve("各单位");
    Files.createDirectories(in);
    Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("拱墅投促.xlsx"));
    Files.copy(Fixtures.SAMPLES.resolve("district-large-2021.xlsx"), in.resolve("区政府办.xlsx"));
    Files.copy(Fixtures.SAMPLES.resolve("broken-2021.xlsx"), in.resolve("坏的.xlsx"));
    Files.writeString(in.resolve("网页导出.xlsx"), "<html><body><table><tr><td>1</td></tr></table></body></html>");
    Files.writeString(in.resolve("~$拱墅投促.xlsx"), "owner");
    Files.writeString(in.resolve(".~lock.区政府办.xlsx#"), "lock");
    Files.createDirectories(in.resolve("目录.xlsx"));
    Fixtures.write(in.resolve("街道"), "某街道.xlsx", Fixtures.member(7, 2021));
    Path fifo = in.resolve("管道.xlsx");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assertTrue(Files.exists(fifo));
    Path out = tmp.resolve("输出");

    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString(), "--jobs", "2");

    assertEquals(2, r.code(), "an unreadable input means exit 2\n" + r.out() + r.err());
    List<String> expected = List.of(
        Fixtures.report("拱墅区投资促进局", 2021), Fixtures.report("某某区人民政府办公室", 2021),
        Fixtures.report("测试机关7", 2021), Batch.SUMMARY).stream().sorted().toList();
    assertEquals(expected, Fixtures.visible(out));
    assertEquals(TestReports.lines(TestReports.seedText()),
        DocxText.lines(Files.readAllBytes(out.resolve(Fixtures.report("拱墅区投资促进局", 2021)))));
    assertTrue(DocxText.lines(Files.readAllBytes(out.resolve(Fixtures.report("测试机关7", 2021))))
        .stream().anyMatch(l -> l.contains("测试机关7")));
    assertTrue(r.out().contains("管道.xlsx: 提示: 不是普通文件"), r.out());
    assertTrue(r.out().contains("锁定文件"), r.out());
    assertTrue(r.out().contains("已生成 3 份报告，1 个有错误，1 个无法读取"), r.out());

    List<List<String>> rows = TestWorkbooks.rows(out.resolve(Batch.SUMMARY), "汇总结果");
    assertEquals(6, rows.size(), "header + one row per input: " + rows);
    List<String> head = rows.get(0);
    int file = head.indexOf("输入文件");
    int status = head.indexOf("状态");
    int errors = head.indexOf("错误数");
    int output = head.indexOf("输出文件");
    int firstErrors = head.indexOf("主要错误");
    int newApps = head.indexOf("表三 本年新收申请");
    for (List<String> row : rows.subList(1, rows.size())) {
      String f = row.get(file);
      if (f.endsWith("坏的.xlsx")) {
        assertEquals("有错误，未生成", row.get(status));
        assertTrue(Integer.parseInt(row.get(errors)) >= 4, row.toString());
        assertTrue(row.get(firstErrors).contains("错误 R"), row.toString());
        assertTrue(row.size() <= output || row.get(output).isEmpty(), row.toString());
      } else if (f.endsWith("网页导出.xlsx")) {
        assertEquals("无法读取", row.get(status));
        assertTrue(row.get(firstErrors).contains("WB.NOT_EXCEL"), row.toString());
      } else {
        assertEquals("已生成", row.get(status), row.toString());
        assertEquals("0", row.get(errors));
        assertTrue(Files.exists(out.resolve(row.get(output))), row.toString());
      }
      if (f.endsWith("拱墅投促.xlsx")) {
        assertEquals("1", row.get(newApps));
      }
    }
    assertEquals(List.of("区政府办.xlsx", "坏的.xlsx", "拱墅投促.xlsx", "网页导出.xlsx", "街道/某街道.xlsx"),
        rows.subList(1, rows.size()).stream().map(x -> in.relativize(Path.of(x.get(file))).toString()).toList(),
        "inputs in a deterministic order");
  }

  @Test
  void exitCodeIsOneWhenOnlyInputErrorsAndZeroWhenAllGood() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Fixtures.write(in, "b.xlsx", Fixtures.member(2, 2022));
    assertEquals(0, cli("batch", in.toString(), "-o", tmp.resolve("o1").toString()).code());
    Files.copy(Fixtures.SAMPLES.resolve("broken-2021.xlsx"), in.resolve("c.xlsx"));
    Fixtures.Run r = cli("batch", in.toString(), "-o", tmp.resolve("o2").toString());
    assertEquals(1, r.code(), r.out());
    assertEquals(3, Fixtures.visible(tmp.resolve("o2")).size(), "two reports and the summary");
  }

  @Test
  void sameUnitTwiceIsReportedBeforeAnythingIsWritten() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("旧"));
    Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("拱墅.xlsx"));
    Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("旧/拱墅-副本.xlsx"));
    Fixtures.write(in, "other.xlsx", Fixtures.member(3, 2022));
    Path out = tmp.resolve("out");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("BATCH.SAME_OUTPUT"), r.out());
    assertTrue(r.out().contains("拱墅.xlsx") && r.out().contains("拱墅-副本.xlsx"), r.out());
    assertEquals(List.of(Batch.SUMMARY), Fixtures.visible(out),
        "no report, not even the other unit's; only the summary saying which inputs collided (issue 15)");
    assertEquals(List.of(Batch.SUMMARY), Fixtures.all(out), "no temporary file and no lock file left");
  }

  @Test
  void namesThatDifferOnlyInNormalisationOrCaseCollide() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "nfc.xlsx", Fixtures.with(Fixtures.member(4, 2022), "agency", Normalizer.normalize("Café局", Normalizer.Form.NFC)));
    Fixtures.write(in, "nfd.xlsx", Fixtures.with(Fixtures.member(5, 2022), "agency", Normalizer.normalize("Café局", Normalizer.Form.NFD)));
    Fixtures.write(in, "upper.xlsx", Fixtures.with(Fixtures.member(6, 2022), "agency", "ABC局"));
    Fixtures.write(in, "lower.xlsx", Fixtures.with(Fixtures.member(8, 2022), "agency", "abc局"));
    Path out = tmp.resolve("out");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString());
    assertEquals(2, r.code(), r.out());
    assertEquals(2, r.out().lines().filter(l -> l.contains("BATCH.SAME_OUTPUT")).count(), r.out());
    assertEquals(List.of(Batch.SUMMARY), Fixtures.visible(out), "no report; the summary is still written");
  }

  @Test
  void hostileAgencyNamesGiveSafeNamesInsideTheOutputFolder() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.with(Fixtures.member(11, 2022), "agency", "../../etc/x"));
    Fixtures.write(in, "b.xlsx", Fixtures.with(Fixtures.member(12, 2022), "agency", "CON"));
    Fixtures.write(in, "c.xlsx", Fixtures.with(Fixtures.member(13, 2022), "agency", "某".repeat(86)));
    Path out = tmp.resolve("out");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.out());
    List<String> names = Fixtures.visible(out);
    assertEquals(4, names.size(), names.toString());
    assertTrue(names.contains("etcx2022年政府信息公开工作年度报告.docx"), names.toString());
    assertTrue(names.contains("CON2022年政府信息公开工作年度报告.docx"), names.toString());
    for (String n : names) {
      assertTrue(n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= OutputNames.MAX_BYTES, n);
      assertTrue(Files.isRegularFile(out.resolve(n)));
    }
    try (var walk = Files.walk(tmp)) {
      assertEquals(0, walk.filter(p -> p.toString().endsWith(".docx") && !p.getParent().equals(out)).count(),
          "every report is directly in the output folder");
    }
  }

  @Test
  void aSecondRunIntoALockedFolderIsRefused() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Optional<org.docmerge.output.FolderLock> held = org.docmerge.output.FolderLock.acquire(out, java.time.Duration.ZERO);
    assertTrue(held.isPresent());
    try (org.docmerge.output.FolderLock l = held.get()) {
      Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString());
      assertEquals(2, r.code());
      assertTrue(r.out().contains("另一个任务正在写入该目录"), r.out());
      assertEquals(List.of(), Fixtures.visible(out));
    }
    assertEquals(0, cli("batch", in.toString(), "-o", out.toString()).code(), "free again once released");
  }

  @Test
  void outputFolderEqualToInputIsRefusedAndASubfolderIsSkipped() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Fixtures.Run same = cli("batch", in.toString(), "-o", in.toString());
    assertEquals(2, same.code());
    assertTrue(same.out().contains("OUT.SAME_AS_INPUT"), same.out());
    Path sub = in.resolve("输出");
    assertEquals(0, cli("batch", in.toString(), "-o", sub.toString()).code());
    Fixtures.Run again = cli("batch", in.toString(), "-o", sub.toString(), "--overwrite");
    assertEquals(0, again.code(), again.out());
    assertTrue(again.out().contains("共 1 个工作簿"), "the output subfolder and its summary are not inputs: " + again.out());
  }

  @Test
  void anExistingReportIsNotReplacedWithoutOverwrite() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Path out = tmp.resolve("out");
    assertEquals(0, cli("batch", in.toString(), "-o", out.toString()).code());
    Path report = out.resolve(Fixtures.report("测试机关1", 2022));
    Files.writeString(report, "staff edited this");
    Fixtures.Run r = cli("batch", in.toString(), "-o", out.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("OUT.EXISTS"), r.out());
    assertEquals("staff edited this", Files.readString(report));
    assertEquals(0, cli("batch", in.toString(), "-o", out.toString(), "--overwrite").code());
    assertFalse(Files.readString(report, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("staff"));
  }
}
