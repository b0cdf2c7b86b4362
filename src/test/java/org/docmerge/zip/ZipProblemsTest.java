package org.docmerge.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One switch words every refused zip, for a workbook and a template alike, each in its own stage's codes. */
class ZipProblemsTest {
  private static final ZipProblems.CodeFamily WB =
      new ZipProblems.CodeFamily("WB.CORRUPT", "WB.SUSPICIOUS_ZIP", "WB.UNSUPPORTED_ZIP", "WB.SUSPICIOUS_ZIP");
  private static final ZipProblems.CodeFamily TEMPLATE = new ZipProblems.CodeFamily(
      "TEMPLATE.UNSUPPORTED_ZIP", "TEMPLATE.SUSPICIOUS_ZIP", "TEMPLATE.UNSUPPORTED_ZIP", "TEMPLATE.UNSUPPORTED_ZIP");

  @Test
  void aCutZipIsDamagedForAWorkbookAndUnsupportedForATemplateWithAdviceForEach() throws Exception {
    byte[] zip = ZipPreScanTest.zip(3, 100, true);
    ZipPreScan.Outcome cut = ZipPreScan.scan(Arrays.copyOf(zip, zip.length / 2), ZipPreScan.Limits.DEFAULT);
    assertEquals(ZipPreScan.Problem.TRUNCATED, cut.problem());

    ZipProblems.Refusal wb = ZipProblems.refusal(cut, ZipPreScan.Limits.DEFAULT, ZipProblems.Input.WORKBOOK, WB);
    assertEquals("WB.CORRUPT", wb.code());
    assertEquals("文件无法读取：文件不完整（压缩包缺少目录，可能下载或复制时被截断）。请重新复制或下载原文件。", wb.message());

    ZipProblems.Refusal t = ZipProblems.refusal(cut, ZipPreScan.Limits.DEFAULT, ZipProblems.Input.TEMPLATE, TEMPLATE);
    assertEquals("TEMPLATE.UNSUPPORTED_ZIP", t.code());
    assertTrue(t.message().startsWith("模板无法读取：文件不完整"), t.message());
    assertTrue(t.message().contains("模板"), t.message());
  }

  @Test
  void everyProblemHasAMessageNamingTheProgramAndTheEntryAndTheStagesCode() {
    ZipPreScan.Limits limits = new ZipPreScan.Limits(7, 5L << 20, 1L << 20, 100);
    for (ZipPreScan.Problem p : ZipPreScan.Problem.values()) {
      ZipPreScan.Outcome o = new ZipPreScan.Outcome(List.of(), p, "word/document.xml", 12);
      for (ZipProblems.Input input : ZipProblems.Input.values()) {
        ZipProblems.CodeFamily codes = input == ZipProblems.Input.WORKBOOK ? WB : TEMPLATE;
        ZipProblems.Refusal r = ZipProblems.refusal(o, limits, input, codes);
        assertTrue(r.code().startsWith(input == ZipProblems.Input.WORKBOOK ? "WB." : "TEMPLATE."), p + " " + r.code());
        assertFalse(r.message().isBlank());
        assertTrue(r.message().endsWith("。"), r.message());
        switch (p) {
          case TOO_MANY_ENTRIES -> assertTrue(r.message().contains("上限 7"), r.message());
          case TOO_LARGE -> assertTrue(r.message().contains("5 MB"), r.message());
          case UNSUPPORTED_METHOD -> assertTrue(r.message().contains("（12）") && r.message().contains(
              input == ZipProblems.Input.WORKBOOK ? "Excel" : "Word"), r.message());
          case DUPLICATE_NAME, BAD_NAME, ENCRYPTED, BAD_RATIO, CORRUPT ->
              assertTrue(r.message().contains("「word/document.xml」"), r.message());
          default -> { }
        }
      }
    }
    ZipPreScan.Outcome zip64 = new ZipPreScan.Outcome(List.of(), ZipPreScan.Problem.ZIP64, null, 0);
    assertEquals("WB.SUSPICIOUS_ZIP", ZipProblems.refusal(zip64, limits, ZipProblems.Input.WORKBOOK, WB).code());
    assertEquals("TEMPLATE.UNSUPPORTED_ZIP", ZipProblems.refusal(zip64, limits, ZipProblems.Input.TEMPLATE, TEMPLATE).code());
  }

  @Test
  void markupIsToldApartFromText() {
    assertTrue(Sniff.html(" <!DOCTYPE html><html>".getBytes()));
    assertTrue(Sniff.xml("<?xml version=\"1.0\"?><Workbook/>".getBytes()));
    assertFalse(Sniff.xml("<html><body>".getBytes()));
    assertTrue(Sniff.rtf("{\\rtf1\\ansi".getBytes()));
    assertFalse(Sniff.html("年度,数量\n2024,3".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
