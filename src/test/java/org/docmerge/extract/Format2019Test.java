package org.docmerge.extract;

import org.docmerge.report.Reports;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.docmerge.Docmerge;
import org.docmerge.cli.CliRunner;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.report.docx.DocxReport;
import org.docmerge.report.docx.DocxText;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;
import org.docmerge.tools.BuildAnnualTemplate2019;
import org.docmerge.tools.SampleData;
import org.docmerge.validate.Validator;
import org.docmerge.workbook.WorkbookReader;
import org.docmerge.workbook.WorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2019 format (reports of 2019 and 2020) as a second kind: init, check, merge and extract, by detection. */
class Format2019Test {
  static final Docmerge ENGINE = Docmerge.open("gov-info-annual-2019").get();
  static final ReportSpec SPEC = ENGINE.kind().spec();
  static final List<ReportSpec> SHIPPED =
      SpecReader.SHIPPED.stream().map(k -> SpecReader.load(k).get().spec()).toList();

  @TempDir Path tmp;

  /** A consistent 2019-format report with signed 本年增/减 values and run-in subject headings. */
  static ReportData report(long seed, String year) {
    Random rnd = new Random(seed);
    ReportData.Builder b = new ReportData.Builder(SPEC.kind(), "r2019-" + seed);
    b.field("agency", "某某县交通运输局", Location.NONE);
    b.field("year", year, Location.NONE);
    b.field("unitType", "部门", Location.NONE);
    b.field("url", "http://www.example.gov.cn/", Location.NONE);
    String[] runIns = {"（一）", "（二）", "（三）", "（四）", "（五）"};
    int subject = 0;
    for (ReportSpec.Section s : SPEC.sections()) {
      List<String> ps = new ArrayList<>();
      ps.add((s.subjectOf() != null ? runIns[subject++] + "方面。" : "") + s.label() + "：" + year + "年，数字" + rnd.nextInt(99) + "。");
      if (rnd.nextBoolean()) {
        ps.add("第二段，符号 & < > 。");
      }
      b.prose(s.id(), ps, Location.NONE);
    }
    Map<String, BigDecimal> v = SampleData.consistentValues(SPEC, seed, 30);
    v.keySet().retainAll(SPEC.cells().keySet());
    for (String id : SPEC.cells().keySet()) {
      if (SPEC.cells().get(id).type().equals("signed")) {
        v.put(id, BigDecimal.valueOf(rnd.nextInt(41) - 20));
      }
    }
    v.put("t2.procurement.amount", new BigDecimal(rnd.nextInt(10_000_000)).movePointLeft(4));
    v.forEach((k, x) -> b.value(k, CellValue.of(x, Location.NONE)));
    return b.build();
  }

  @Test
  void committedTemplateIsWhatTheGeneratorWrites() throws Exception {
    assertArrayEquals(BuildAnnualTemplate2019.build(), ENGINE.kind().templateBytes(),
        "templates/gov-info-annual-2019/template.docx is stale: rerun BuildAnnualTemplate2019");
    assertFalse(ENGINE.template().hasErrors(), () -> ENGINE.template().diagnostics().toString());
  }

  @Test
  void theTemplatePrintsSignedChangesWithTheirSignAndTheOtherProcessingRowOnce() {
    ReportData d = report(3, "2020");
    List<String> lines = DocxText.lines(ENGINE.render(d));
    assertTrue(lines.contains("本年增/减") && lines.contains("第二十条第（九）项") && lines.contains("（六）其他处理"), lines::toString);
    assertFalse(lines.contains("3.其他"));
    d.values().forEach((k, v) -> {
      if (SPEC.cells().get(k).type().equals("signed") && v.number().signum() > 0) {
        assertTrue(lines.contains("+" + v.number().toPlainString()), k);
      }
    });
    assertEquals(List.of(), new Validator(SPEC).validate(d).stream().filter(Diagnostic::isError).toList());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aRendered2019ReportIsDetectedAndExtractsIntoThe2019Kind(long seed) {
    ReportData d = report(seed, "2020");
    byte[] docx = ENGINE.render(d);
    var published = Reports.read(docx, "r.docx").get();
    assertEquals("gov-info-annual-2019", ReportFormat.detect(published, SHIPPED).kind());
    Result<ReportData> back = Extractor.extract(published, SPEC);
    assertFalse(back.hasErrors(), () -> back.diagnostics().toString());
    assertEquals("gov-info-annual-2019", back.get().kind());
    Extracts.assertSameReport(d, back.get(), List.of("agency", "year"));
    // and through its plain-text copy
    String text = SeedForm.write(DocxReport.read(docx, "r.docx"));
    Result<ReportData> viaText = Extracts.extract(text, "r.txt", SPEC);
    assertFalse(viaText.hasErrors(), () -> viaText.diagnostics().toString());
    Extracts.assertSameReport(d, viaText.get(), List.of("agency", "year"));
  }

  @Test
  void the2021SeedIsNotTakenForThe2019Format() {
    var seed = Reports.read(org.docmerge.TestReports.seedText().getBytes(StandardCharsets.UTF_8), "s.txt").get();
    assertEquals("gov-info-annual-2021", ReportFormat.detect(seed, SHIPPED).kind());
  }

  @Test
  void initCheckMergeAndExtractWorkWithTheKindAndByDetection() throws Exception {
    Path blank = tmp.resolve("blank2019.xlsx");
    CliRunner.Run init = CliRunner.run("init", "--kind", "gov-info-annual-2019", "-o", blank.toString());
    assertEquals(0, init.code(), init.out() + init.err());
    assertEquals("gov-info-annual-2019", Docmerge.detectKind(blank).orElseThrow());
    ReportData d = report(11, "2020");
    Path filled = tmp.resolve("2020年报数据.xlsx");
    Files.write(filled, WorkbookWriter.write(SPEC, d));
    assertEquals("gov-info-annual-2019", Docmerge.detectKind(filled).orElseThrow());
    CliRunner.Run check = CliRunner.run("check", filled.toString()); // no --kind: detected
    assertEquals(0, check.code(), check.out() + check.err());
    CliRunner.Run checkKind = CliRunner.run("check", "--kind", "gov-info-annual-2019", filled.toString());
    assertEquals(0, checkKind.code(), checkKind.out() + checkKind.err());
    Path docx = tmp.resolve("2020年报.docx");
    CliRunner.Run merge = CliRunner.run("merge", filled.toString(), "-o", docx.toString());
    assertEquals(0, merge.code(), merge.out() + merge.err());
    Path back = tmp.resolve("back.xlsx");
    CliRunner.Run extract = CliRunner.run("extract", docx.toString(), "-o", back.toString());
    assertEquals(0, extract.code(), extract.out() + extract.err());
    assertTrue(extract.out().contains("2019年版格式"), extract.out());
    ReportData again = WorkbookReader.read(back, "b.xlsx", SPEC).get();
    Extracts.assertSameReport(d, again, List.of("agency", "year")); // the url is printed only inside the intro
    // The next year (2021) starts in the 2021 format, with 上年结转 carried from the 2020 report.
    Path next = tmp.resolve("2021年报数据.xlsx");
    CliRunner.Run carry = CliRunner.run("init", "--from", docx.toString(), "-o", next.toString());
    assertEquals(0, carry.code(), carry.out() + carry.err());
    ReportData n = WorkbookReader.read(next, "n.xlsx", SpecReader.load("gov-info-annual-2021").get().spec()).get();
    assertEquals("2021", n.field("year"));
    assertEquals(0, d.number("t3.carryover.total").get().compareTo(n.number("t3.carried.total").orElseThrow()));
  }

  @Test
  void a2021ReportWrittenInThe2019FormatIsR18() throws Exception {
    Path docx = tmp.resolve("2021年报-旧格式.docx");
    Files.write(docx, ENGINE.render(report(5, "2021")));
    CliRunner.Run r = CliRunner.run("check", docx.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("错误 R18"), r.out());
  }

  @Test
  void negativeChangesAreAcceptedOnlyWhereTheFormatIsSigned() {
    ReportData d = report(2, "2020");
    ReportData.Builder b = new ReportData.Builder(SPEC.kind(), "x");
    d.fields().forEach((k, v) -> b.field(k, v, Location.NONE));
    d.prose().forEach((k, v) -> b.prose(k, v, Location.NONE));
    d.values().forEach(b::value);
    b.value("t2.license.change", CellValue.of(BigDecimal.valueOf(-3), Location.NONE));
    b.value("t2.license.prev_items", CellValue.of(BigDecimal.valueOf(-3), Location.NONE));
    List<Diagnostic> r01 = new Validator(SPEC).validate(b.build()).stream().filter(x -> x.code().equals("R01")).toList();
    assertEquals(1, r01.size(), r01::toString);
    assertTrue(r01.get(0).message().contains("上一年项目数量"), r01.get(0).message());
  }
}
