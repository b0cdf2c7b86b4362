package org.docmerge.website;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.report.docx.DocxText;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.BuildWebsiteTemplate;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 《政府网站工作年度报表》: the committed template, the sample's document, every bound, the account list. */
class WebsiteKindTest {
  static final String KIND = "gov-website-annual";
  static final Path SAMPLE = Path.of("input-samples", "gov-website-annual-sample.xlsx");
  static Docmerge engine;
  static ReportData sample;

  @BeforeAll
  static void open() {
    engine = Docmerge.open(KIND).get();
    var checked = engine.check(SAMPLE, Validator.Options.DEFAULT);
    assertFalse(checked.hasErrors(), checked.diagnostics()::toString);
    sample = checked.data().orElseThrow();
  }

  @Test
  void theCommittedTemplateIsTheGeneratorsOutput() throws Exception {
    assertArrayEquals(BuildWebsiteTemplate.build(), engine.kind().templateBytes(),
        "templates/gov-website-annual/template.docx is stale: regenerate it with BuildWebsiteTemplate (templates/README.md)");
  }

  @Test
  void theSampleGivesTheExpectedDocumentLineForLine() throws Exception {
    List<String> expected = Files.readAllLines(Path.of("src/test/resources/website/golden.txt"), StandardCharsets.UTF_8);
    assertEquals(expected, DocxText.lines(engine.render(sample)));
  }

  @Test
  void eachBoundAndIdentityIsCaughtAtItsCell() {
    ReportSpec spec = engine.kind().spec();
    Map<String, String> broken = new LinkedHashMap<>();
    spec.bounds().forEach(b -> broken.put(b.rule(), b.left().get(0)));
    broken.put("W01", "w.casesTotal.n");
    assertEquals(9, broken.size());
    for (var e : broken.entrySet()) {
      Map<String, CellValue> values = new LinkedHashMap<>(sample.values());
      CellValue old = values.get(e.getValue());
      values.put(e.getValue(), CellValue.of(old.number().add(BigDecimal.valueOf(100_000_000)), old.location()));
      ReportData bad = copy(sample, values, sample.lists());
      List<Diagnostic> found = new Validator(spec).validate(bad).stream().filter(Diagnostic::isError).collect(Collectors.toList());
      assertTrue(found.stream().anyMatch(d -> d.code().equals(e.getKey()) && d.location().equals(old.location())),
          () -> e.getKey() + " not reported at " + old.location() + ": " + found);
    }
  }

  @Test
  void checkOnTheCommandLineNamesEachBrokenRuleAtItsWorkbookCell(@TempDir Path dir) throws Exception {
    ReportSpec spec = engine.kind().spec();
    Map<String, String> broken = new LinkedHashMap<>();
    spec.bounds().forEach(b -> broken.put(b.rule(), b.left().get(0)));
    broken.put("W01", "w.casesTotal.n");
    for (var e : broken.entrySet()) {
      Map<String, CellValue> values = new LinkedHashMap<>(sample.values());
      CellValue old = values.get(e.getValue());
      values.put(e.getValue(), CellValue.of(old.number().add(BigDecimal.valueOf(100_000_000)), old.location()));
      Path file = dir.resolve(e.getKey() + ".xlsx");
      Files.write(file, org.docmerge.workbook.WorkbookWriter.write(spec, copy(sample, values, sample.lists())));
      org.docmerge.cli.CliRunner.Run r = org.docmerge.cli.CliRunner.run("check", "--kind", KIND, file.toString());
      assertEquals(1, r.code(), r.out());
      String at = file + ":统计数据!" + old.location().cellRef().replace("统计数据!", "") + ": 错误 " + e.getKey();
      assertTrue(r.out().contains(at), () -> "expected «" + at + "» in\n" + r.out());
    }
  }

  @Test
  void accountRowsAreCheckedEachAtItsOwnCell() {
    List<Map<String, CellValue>> rows = new ArrayList<>(sample.rows("accounts"));
    Map<String, CellValue> row = new LinkedHashMap<>(rows.get(1));
    Location posts = row.get("posts").location();
    Location type = row.get("type").location();
    row.put("posts", CellValue.of(BigDecimal.valueOf(-5), posts));
    row.put("type", new CellValue(null, "抖音号", type));
    rows.set(1, row);
    List<Diagnostic> found = new Validator(engine.kind().spec()).validate(copy(sample, sample.values(), Map.of("accounts", rows)));
    assertTrue(found.stream().anyMatch(d -> d.code().equals("LIST.NUMBER") && d.location().equals(posts)), found::toString);
    assertTrue(found.stream().anyMatch(d -> d.code().equals("LIST.CHOICE") && d.location().equals(type)), found::toString);
    assertEquals("移动新媒体", posts.sheet());
    assertEquals(2, posts.row(), "the second account is on the third row (index 2) below the header");
  }

  @Test
  void zeroOneAndFortyAccountsRenderAsThatManyRows() {
    for (int n : new int[] {0, 1, 40}) {
      List<Map<String, CellValue>> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(Map.of("type", new CellValue(null, "微信", null), "name", new CellValue(null, "账号" + i, null),
            "posts", CellValue.of(i), "followers", CellValue.of(10L * i)));
      }
      List<String> lines = DocxText.lines(engine.render(copy(sample, sample.values(), Map.of("accounts", rows))));
      assertEquals(n, lines.stream().filter(l -> l.startsWith("微信")).count(), lines::toString);
      assertEquals(n > 0, lines.stream().anyMatch(l -> l.startsWith("合计")), "the account table shows only with accounts");
    }
  }

  @Test
  void initThenOpenpyxlThenMergeGivesTheDocument(@TempDir Path dir) throws Exception {
    Path py = RealClients.python();
    Path blank = dir.resolve("blank.xlsx");
    assertTrue(engine.init(blank, java.util.Optional.empty(), false).isEmpty());
    Path filled = dir.resolve("filled.xlsx");
    RealClients.run(List.of(py.toString(), Path.of("src/test/resources/website/fill.py").toAbsolutePath().toString(),
        blank.toString(), filled.toString(), "3"), dir);
    var merged = engine.merge(filled, dir.resolve("报表.docx"), Docmerge.MergeOptions.DEFAULT);
    assertFalse(merged.hasErrors(), merged.diagnostics()::toString);
    List<String> expected = Files.readAllLines(Path.of("src/test/resources/website/golden.txt"), StandardCharsets.UTF_8);
    assertEquals(expected, DocxText.lines(Files.readAllBytes(merged.document().orElseThrow())));
  }

  @Test
  void aggregateSumsTheNumbersAndConcatenatesTheAccounts(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("各网站"));
    Files.copy(SAMPLE, in.resolve("a.xlsx"));
    Map<String, String> fields = new LinkedHashMap<>(sample.fields());
    fields.put("agency", "乙网站");
    ReportData other = new ReportData(sample.kind(), "b.xlsx", fields, sample.fieldLocations(), sample.prose(),
        sample.proseLocations(), sample.values(), sample.lists());
    Files.write(in.resolve("b.xlsx"), org.docmerge.workbook.WorkbookWriter.write(engine.kind().spec(), other));
    var outcome = org.docmerge.batch.Aggregate.run(engine, in, dir.resolve("汇总.xlsx"),
        org.docmerge.batch.Aggregate.Options.defaults(), (done, total) -> { });
    ReportData sum = outcome.sum().orElseThrow(() -> new AssertionError(outcome.toString()));
    assertEquals(0, new BigDecimal("250000").compareTo(sum.number("w.uniqueVisitors.n").orElseThrow()));
    assertEquals(6, sum.rows("accounts").size(), "three accounts from each of two members");
    ReportData reread = engine.check(dir.resolve("汇总.xlsx"), Validator.Options.DEFAULT).data().orElseThrow();
    assertEquals(List.of("某某发布1", "某某发布2", "某某发布3", "某某发布1", "某某发布2", "某某发布3"),
        reread.rows("accounts").stream().map(r -> r.get("name").display()).collect(Collectors.toList()));
  }

  static ReportData copy(ReportData d, Map<String, CellValue> values, Map<String, List<Map<String, CellValue>>> lists) {
    return new ReportData(d.kind(), d.source(), d.fields(), d.fieldLocations(), d.prose(), d.proseLocations(), values, lists);
  }
}
