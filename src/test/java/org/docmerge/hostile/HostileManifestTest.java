package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.docmerge.cli.Main;
import org.docmerge.output.FolderLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input manifest ({@code hostile/expected.tsv}, after POI's {@code TestAllFiles}): each case is
 * built in code by {@link HostileCases}, run through the CLI in-process, and must print its exact code and
 * exit with the listed status. Whatever the outcome, no file may appear in or vanish from the output folder
 * (no document, no temp file) and no file present before the run may change (SHA-256 of every input and every
 * older output). A case that starts to succeed fails here, as does a builder missing from the manifest.
 */
class HostileManifestTest {

  record Expected(String id, String builder, String code, int exit) {
    @Override
    public String toString() {
      return id + " " + builder + " → " + code;
    }
  }

  static List<Expected> manifest() throws IOException {
    List<Expected> rows = new ArrayList<>();
    try (InputStream in = HostileManifestTest.class.getResourceAsStream("/hostile/expected.tsv")) {
      assertNotNull(in, "hostile/expected.tsv");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        assertEquals(4, f.length, "case-id, builder, expected-code, exit: " + line);
        rows.add(new Expected(f[0].strip(), f[1].strip(), f[2].strip(), Integer.parseInt(f[3].strip())));
      }
    }
    return rows;
  }

  static Stream<Expected> cases() throws IOException {
    return manifest().stream();
  }

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against hangs (a 5,000-deep template once ran 15 minutes), not a performance bound
  void eachHostileCaseGetsItsCodeAndWritesNothing(Expected e) throws Exception {
    HostileCases.Builder builder = HostileCases.BUILDERS.get(e.builder());
    assertNotNull(builder, "no builder " + e.builder());
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    HostileCases.Built built = builder.build(in, out);
    try {
      Map<Path, String> before = hashes(tmp);
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Main.run(built.args().toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      String shown = o.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
      String brief = shown.length() > 3000 ? shown.substring(0, 3000) + "…" : shown;
      assertTrue(shown.contains(" " + e.code() + ":"), e + " expected code; got:\n" + brief);
      assertTechnicalDetailHidden(e.toString(), shown);
      assertEquals(e.exit(), exit, e + " exit code; output:\n" + brief);
      assertEquals(before, hashes(tmp), e + ": a file was written, removed or changed; output:\n" + brief);
    } finally {
      built.cleanup().close();
    }
  }

  /** A Java class name, a stack frame or a POI-internal error text: only with --verbose (issue 15). */
  static final java.util.regex.Pattern TECHNICAL = java.util.regex.Pattern.compile(
      "\\b(java|javax|jdk|org|com|sun)\\.[a-z0-9_]+\\.|\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\bat [a-z][\\w.$]+\\(|~[A-Z]+~[A-Z~]+~"
          + "|isn't currently supported");

  static void assertTechnicalDetailHidden(String what, String shown) {
    var m = TECHNICAL.matcher(shown);
    assertTrue(!m.find(), () -> what + ": technical detail without --verbose: «" + m.group() + "» in\n"
        + (shown.length() > 3000 ? shown.substring(0, 3000) + "…" : shown));
  }

  @Test
  void verboseShowsTheTechnicalDetailThatIsOtherwiseHidden() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path wb = HostileCases.write(in, "年报.xlsx", HostileCases.text("<workbook", HostileCases.GOOD, "xl/workbook.xml"));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
    assertEquals(2, Main.run(new String[] {"check", wb.toString()}, p, p));
    assertTechnicalDetailHidden("check of a truncated workbook", o.toString(StandardCharsets.UTF_8));
    o.reset();
    assertEquals(2, Main.run(new String[] {"check", wb.toString(), "--verbose"}, p, p));
    assertTrue(TECHNICAL.matcher(o.toString(StandardCharsets.UTF_8)).find(), o.toString(StandardCharsets.UTF_8));
  }

  static int cli(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return Main.run(args, p, p);
  }

  /** The other half of "never damage an input": commands that succeed change nothing but their own output. */
  @Test
  void successfulCommandsChangeNoInputAndLeaveOnlyTheirOutput() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path wb = HostileCases.write(in, "年报.xlsx", HostileCases.GOOD);
    Path template = HostileCases.write(in, "模板.docx", HostileCases.TEMPLATE);
    Map<Path, String> before = hashes(tmp);

    assertEquals(0, cli("check", wb.toString()));
    assertEquals(before, hashes(tmp), "check writes nothing");

    assertEquals(0, cli("merge", wb.toString(), "-t", template.toString(), "-o", out.resolve("报告.docx").toString()));
    Map<Path, String> afterMerge = hashes(tmp);
    Map<Path, String> expected = new TreeMap<>(before);
    expected.put(tmp.relativize(out.resolve("报告.docx")), afterMerge.get(tmp.relativize(out.resolve("报告.docx"))));
    assertEquals(expected, afterMerge, "merge adds exactly the report");

    assertEquals(0, cli("merge", wb.toString(), "-o", out.resolve("报告.docx").toString(), "--overwrite"));
    assertEquals(afterMerge.keySet(), hashes(tmp).keySet(), "--overwrite replaces, adds no temp file");

    assertEquals(0, cli("init", "-o", out.resolve("年报数据.xlsx").toString()));
    Map<Path, String> afterInit = hashes(tmp);
    afterInit.remove(tmp.relativize(out.resolve("年报数据.xlsx")));
    assertEquals(hashes(tmp).size() - 1, afterInit.size());
    for (Path p : before.keySet()) {
      assertEquals(before.get(p), hashes(tmp).get(p), "input changed: " + p);
    }
  }

  @Test
  void everyBuilderIsInTheManifestOnce() throws IOException {
    List<String> listed = manifest().stream().map(Expected::builder).toList();
    assertEquals(new TreeSet<>(HostileCases.names()), new TreeSet<>(listed), "builders vs manifest");
    assertEquals(listed.size(), new TreeSet<>(listed).size(), "a builder listed twice");
    List<String> ids = manifest().stream().map(Expected::id).toList();
    assertEquals(ids.size(), new TreeSet<>(ids).size(), "a case id listed twice");
  }

  /** Every regular file under root with its SHA-256 (an old version's lock file aside). */
  static Map<Path, String> hashes(Path root) throws Exception {
    Map<Path, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().equals(FolderLock.LEGACY_FILE)) {
          continue;
        }
        m.put(root.relativize(p), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return m;
  }
}
