package org.docmerge.cli;

import static org.docmerge.cli.CliTest.SEED;
import static org.docmerge.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 items 2 and 7: the output's name decides its format, commons-cli's errors are Chinese and say what is
 * wrong, usage errors go to stderr and everything about the files to stdout, the version is the pom's, help lines
 * up in a terminal, and nothing but the requested outputs lands in the user's folder.
 */
class CommandLineMessagesTest {
  @TempDir Path tmp;

  private List<String> folder() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anOutputNamedPdfIsARealPdfAndNothingElseIsWritten() throws Exception {
    RealClients.require("soffice");
    CliTest.Run r = run("merge", SEED.toString(), "-o", tmp.resolve("报告.pdf").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.readString(tmp.resolve("报告.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    assertEquals(List.of("报告.pdf"), folder(), "only the requested output, no lock file, no .docx");
  }

  @Test
  void anOutputNamedDocxIsAWordFileAndPdfAddsThePdfBesideIt() throws Exception {
    CliTest.Run r = run("merge", SEED.toString(), "-o", tmp.resolve("报告.docx").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    byte[] head = Files.readAllBytes(tmp.resolve("报告.docx"));
    assertEquals("PK", new String(head, 0, 2, StandardCharsets.ISO_8859_1));
    assertEquals(List.of("报告.docx"), folder(), "only the requested output");
  }

  @Test
  void anyOtherOutputNameIsAUsageErrorThatSaysSo() throws Exception {
    for (String name : List.of("报告.xlsx", "报告", "报告.doc")) {
      CliTest.Run r = run("merge", SEED.toString(), "-o", tmp.resolve(name).toString());
      assertEquals(2, r.code(), name);
      assertTrue(r.err().contains(".docx") && r.err().contains(".pdf") && r.err().contains("结尾"), r.err());
      assertEquals("", r.out(), "usage errors go to stderr");
    }
    CliTest.Run contradiction = run("merge", SEED.toString(), "-o", tmp.resolve("报告.pdf").toString(), "--format", "docx");
    assertEquals(2, contradiction.code());
    assertEquals(List.of(), folder(), "nothing written for a usage error");
  }

  @Test
  void commonsCliErrorsAreChineseAndNameTheOption() {
    CliTest.Run unknown = run("merge", SEED.toString(), "-o", tmp.resolve("x.docx").toString(), "--bogus");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("没有这个选项：--bogus"), unknown.err());
    CliTest.Run noArg = run("merge", SEED.toString(), "-o");
    assertEquals(2, noArg.code());
    assertTrue(noArg.err().contains("-o（--output）后面缺少「文件」"), noArg.err());
    for (CliTest.Run r : List.of(unknown, noArg)) {
      assertFalse(r.err().matches("(?s).*[A-Za-z]{4,} (option|argument|for).*"), "no English: " + r.err());
      assertEquals("", r.out());
    }
  }

  @Test
  void aMissingOutputOrInputSaysWhatIsMissing() {
    CliTest.Run noOutput = run("merge", SEED.toString());
    assertEquals(2, noOutput.code());
    assertTrue(noOutput.err().contains("缺少 -o"), noOutput.err());
    CliTest.Run noInput = run("merge", "-o", tmp.resolve("x.docx").toString());
    assertTrue(noInput.err().contains("缺少输入的工作簿"), noInput.err());
    CliTest.Run extra = run("check", SEED.toString(), "第二个.xlsx");
    assertTrue(extra.err().contains("多余的参数：第二个.xlsx"), extra.err());
    for (String cmd : List.of("init", "extract", "batch", "aggregate")) {
      CliTest.Run r = run(cmd, cmd.equals("init") ? "--overwrite" : "输入");
      assertEquals(2, r.code(), cmd);
      assertTrue(r.err().contains("缺少 -o"), cmd + ": " + r.err());
    }
  }

  @Test
  void problemsWithTheFilesGoToStdoutUsageToStderr() {
    CliTest.Run missing = run("check", tmp.resolve("没有这个文件.xlsx").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.out().contains("FILE.NOT_FOUND"), "a diagnostic line goes to stdout: " + missing.out());
    assertEquals("", missing.err());
  }

  @Test
  void versionIsThePomVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    String version = pom.replaceFirst("(?s).*?</parent>", "").replaceFirst("(?s).*?<artifactId>docmerge</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
    CliTest.Run r = run("--version");
    assertEquals("docmerge " + version, r.out().strip());
  }

  @Test
  void helpDescriptionsStartInOneTerminalColumnEvenAfterChinesePlaceholders() {
    for (String cmd : List.of("merge", "check", "batch", "aggregate", "init", "extract", "inspect")) {
      CliTest.Run r = run(cmd, "--help");
      List<String> optionLines = r.out().lines().filter(l -> l.startsWith("  -")).toList();
      assertFalse(optionLines.isEmpty(), cmd);
      List<Integer> columns = optionLines.stream().map(l -> {
        int gap = l.indexOf("  ", 2 + l.stripLeading().indexOf(' ') + 1);
        String left = l.substring(0, l.indexOf(l.substring(gap).stripLeading(), gap));
        return Main.columns(left);
      }).distinct().toList();
      assertEquals(1, columns.size(), cmd + " help columns " + columns + ":\n" + r.out());
      assertTrue(r.out().lines().filter(l -> l.startsWith(" ")).allMatch(l -> Main.columns(l) <= Main.HELP_WIDTH), cmd + " option lines fit the width");
    }
  }
}
