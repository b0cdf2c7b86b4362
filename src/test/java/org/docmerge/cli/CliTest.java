package org.docmerge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.docmerge.TestReports;
import org.docmerge.report.docx.DocxText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it, in-process with captured streams. */
class CliTest {
  static final Path SAMPLES = Path.of("input-samples");
  static final Path SEED = SAMPLES.resolve("gongshu-investment-2021.xlsx");
  static final Path BROKEN = SAMPLES.resolve("broken-2021.xlsx");
  static final Path LARGE = SAMPLES.resolve("district-large-2021.xlsx");

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  @Test
  void mergeOfTheSeedSampleReproducesTheSeedReport() throws Exception {
    String before = sha256(SEED);
    Path out = tmp.resolve("报告.docx");
    Run r = run("merge", SEED.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("已生成报告"), r.out());
    assertEquals(TestReports.lines(TestReports.seedText()), DocxText.lines(Files.readAllBytes(out)));
    assertEquals(before, sha256(SEED), "the input workbook must not change");
  }

  @Test
  void brokenSampleExitsOneWithEveryErrorAtItsCellAndNoDocument() throws Exception {
    String before = sha256(BROKEN);
    Path out = tmp.resolve("报告.docx");
    Run r = run("merge", BROKEN.toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertFalse(Files.exists(out), "no document may be written while errors stand");
    List<String> errors = r.out().lines().filter(l -> l.contains(": 错误 ")).toList();
    assertTrue(errors.size() >= 4, r.out());
    for (String line : errors) {
      assertTrue(line.matches("^.*broken-2021\\.xlsx:(表[二三四]|正文)![A-Z]+\\d+( .+)?: 错误 R\\d\\d: .+"), line);
    }
    for (String cell : List.of("表二!B5: 错误 R01", "表二!B9: 错误 R01", "表三!D6: 错误 R05", "表三!J7: 错误 R03",
        "表四!B6: 错误 R01")) {
      assertTrue(r.out().contains(cell), cell + " missing from\n" + r.out());
    }
    assertTrue(r.out().contains("未生成报告"), r.out());
    assertEquals(before, sha256(BROKEN));
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "no temp file left behind");
    }
  }

  @Test
  void largeSampleChecksCleanAndMerges() {
    Run check = run("check", LARGE.toString());
    assertEquals(0, check.code(), check.out());
    assertFalse(check.out().contains("警告"), "its prose matches its tables: no warning expected\n" + check.out());
    Path out = tmp.resolve("区.docx");
    Run r = run("merge", LARGE.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.exists(out));
  }

  @Test
  void initWritesAWorkbookAndRefusesToOverwriteIt() throws Exception {
    Path book = tmp.resolve("年报数据.xlsx");
    Run first = run("init", "-o", book.toString());
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(Files.size(book) > 0);
    String hash = sha256(book);
    Run again = run("init", "-o", book.toString());
    assertEquals(2, again.code());
    assertTrue(again.out().contains("OUT.EXISTS"), again.out());
    assertEquals(hash, sha256(book));
    assertEquals(0, run("init", "-o", book.toString(), "--overwrite").code());
  }

  @Test
  void aFreshInitWorkbookFailsCheckWithBlanksNotZeros() {
    Path book = tmp.resolve("空白.xlsx");
    assertEquals(0, run("init", "-o", book.toString()).code());
    Run r = run("check", book.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("FIELD.MISSING"), r.out());
    assertTrue(r.out().contains("为空。没有的请明确填写 0"), r.out());
  }

  @Test
  void mergeRefusesToOverwriteAnExistingDocument() throws Exception {
    Path out = tmp.resolve("报告.docx");
    Files.writeString(out, "older report");
    Run r = run("merge", SEED.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertEquals("older report", Files.readString(out));
    assertEquals(0, run("merge", SEED.toString(), "-o", out.toString(), "--overwrite").code());
    assertEquals(TestReports.lines(TestReports.seedText()), DocxText.lines(Files.readAllBytes(out)));
  }

  @Test
  void checkPrintsJsonWithTheDocumentedSchema() throws Exception {
    Run r = run("check", BROKEN.toString(), "--format", "json");
    assertEquals(1, r.code());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("docmerge-check/1", root.get("schema").asText());
    assertFalse(root.get("ok").asBoolean());
    assertTrue(root.get("errors").asInt() >= 4);
    JsonNode first = root.get("diagnostics").get(0);
    for (String field : List.of("severity", "code", "file", "sheet", "cell", "detail", "message")) {
      assertTrue(first.has(field), field);
    }
  }

  @Test
  void maxErrorsLimitsWhatIsShownNotTheExitCode() {
    Run r = run("check", BROKEN.toString(), "--max-errors", "1");
    assertEquals(1, r.code());
    assertEquals(1, r.out().lines().filter(l -> l.contains(": 错误 ")).count(), r.out());
    assertTrue(r.out().contains("只显示了前一部分"));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run().code());
    assertEquals(2, run("frobnicate").code());
    assertEquals(2, run("merge", SEED.toString()).code()); // no -o
    assertEquals(2, run("check", tmp.resolve("nope.xlsx").toString()).code());
    assertEquals(2, run("check", SEED.toString(), "--kind", "no-such-kind").code());
    assertEquals(2, run("check", SEED.toString(), "--bogus").code());
  }

  @Test
  void helpIsChineseWithEnglishOptionNames() {
    for (Command cmd : Main.COMMANDS) {
      Run r = run(cmd.name(), "--help");
      assertEquals(0, r.code(), cmd.name());
      assertTrue(r.out().contains("--help") && r.out().contains("--kind"), cmd.name() + ": English option names\n" + r.out());
      assertTrue(r.out().contains("显示本命令的帮助"), cmd.name() + ": Chinese descriptions\n" + r.out());
      assertTrue(r.out().contains("docmerge " + cmd.name()), r.out());
    }
    Run top = run("--help");
    assertEquals(0, top.code());
    assertTrue(top.out().contains("merge") && top.out().contains("退出码"));
  }

  @Test
  void anUnreadableWorkbookExitsTwo() throws Exception {
    Path fake = tmp.resolve("fake.xlsx");
    Files.writeString(fake, "<html><body>not a workbook</body></html>");
    Run r = run("check", fake.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("WB.NOT_EXCEL"), r.out());
  }
}
