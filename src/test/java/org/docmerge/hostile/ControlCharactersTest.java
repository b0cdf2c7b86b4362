package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.docmerge.FuzzZips;
import org.docmerge.RealClients;
import org.docmerge.cli.Main;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.tools.SampleData;
import org.docmerge.workbook.WorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 1: control characters in 机关名称 (Word's Shift+Enter U+000B, its {@code _x000B_} escape in the
 * workbook, other C0 characters, a lone surrogate, U+FFFE/U+FFFF) reach the document properties, the body, the
 * headers and footers and the file name. Every part must stay well-formed XML without markup smuggled into a
 * property, python-docx must open each report, and batch must not call a broken document 已生成.
 */
class ControlCharactersTest {
  static final List<String> AGENCIES = List.of(
      "垂直\u000B制表局", "转义_x000B_局", "控制\u0001字\u001F符局", "孤立\uD800代理局", "非字符\uFFFE\uFFFF局", "回车\r换行\n制表\t局");

  @TempDir Path tmp;

  static byte[] workbook(String agency) throws java.io.IOException {
    ReportData d = SampleData.gongshu(HostileCases.SPEC);
    ReportData.Builder b = new ReportData.Builder(d.kind(), d.source());
    d.fields().forEach((k, v) -> b.field(k, k.equals("agency") ? agency : v, Location.NONE));
    d.prose().forEach((k, v) -> b.prose(k, v, Location.NONE));
    d.values().forEach(b::value);
    if (!agency.contains("_x000B_")) {
      return WorkbookWriter.write(HostileCases.SPEC, b.build());
    }
    // As Excel stores Shift+Enter: the escape _x000B_ in the shared strings (POI would escape our own "_x").
    byte[] marked = workbook(agency.replace("_x000B_", "VTMARK"));
    for (String e : names(marked)) {
      String xml = new String(FuzzZips.entry(marked, e), StandardCharsets.UTF_8);
      if (xml.contains("VTMARK")) {
        return FuzzZips.replace(marked, e, xml.replace("VTMARK", "_x000B_").getBytes(StandardCharsets.UTF_8));
      }
    }
    throw new IllegalStateException("marker not found");
  }

  static String run(List<String> args, int expectedExit) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(o, true, StandardCharsets.UTF_8));
    String shown = o.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, exit, args + "\n" + shown);
    return shown;
  }

  /** Every XML part parses strictly, and no property holds Word markup. */
  static void wellFormed(byte[] docx, String what) throws Exception {
    for (String entry : names(docx)) {
      if (entry.endsWith(".xml") || entry.endsWith(".rels")) {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        try {
          f.newDocumentBuilder().parse(new ByteArrayInputStream(FuzzZips.entry(docx, entry)));
        } catch (Exception e) {
          throw new AssertionError(what + ": " + entry + " is not well-formed: " + e.getMessage(), e);
        }
      }
    }
    String core = new String(FuzzZips.entry(docx, "docProps/core.xml"), StandardCharsets.UTF_8);
    assertFalse(core.contains("<w:"), what + ": Word markup inside docProps/core.xml: " + core);
  }

  static List<String> names(byte[] zip) throws java.io.IOException {
    List<String> names = new ArrayList<>();
    try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
      for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    return names;
  }

  static void pythonDocxOpens(List<Path> docs, Path dir) throws Exception {
    Path py = RealClients.python();
    List<String> cmd = new ArrayList<>(List.of(py.toString(), "-c",
        "import docx, sys\nfor f in sys.argv[1:]:\n  d = docx.Document(f)\n  print(d.core_properties.title.count(chr(11)) + d.core_properties.author.count(chr(11)))\n"));
    docs.forEach(p -> cmd.add(p.toString()));
    List<String> out = RealClients.run(cmd, dir);
    assertEquals(docs.size(), out.size(), out.toString());
    out.forEach(l -> assertEquals("0", l, "a control character in a property"));
  }

  @Test
  void mergeWritesAReportEveryReaderOpens() throws Exception {
    List<Path> docs = new ArrayList<>();
    int i = 0;
    for (String agency : AGENCIES) {
      Path wb = HostileCases.write(tmp, "年报" + i + ".xlsx", workbook(agency));
      Path out = tmp.resolve("报告" + i++ + ".docx");
      run(List.of("merge", wb.toString(), "-o", out.toString()), 0);
      wellFormed(Files.readAllBytes(out), agency);
      docs.add(out);
    }
    pythonDocxOpens(docs, tmp);
  }

  @Test
  void batchNamesAndWritesOnlyDocumentsThatOpen() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("各单位"));
    int i = 0;
    for (String agency : AGENCIES) {
      HostileCases.write(in, "单位" + i++ + ".xlsx", workbook(agency));
    }
    Path out = tmp.resolve("输出");
    String shown = run(List.of("batch", in.toString(), "-o", out.toString()), 0);
    List<Path> docs;
    try (Stream<Path> s = Files.list(out)) {
      docs = s.filter(p -> p.toString().endsWith(".docx")).sorted().toList();
    }
    assertEquals(AGENCIES.size(), docs.size(), shown);
    for (Path p : docs) {
      String name = p.getFileName().toString();
      assertTrue(name.codePoints().allMatch(c -> c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate((char) c)),
          "control character in the file name " + name);
      wellFormed(Files.readAllBytes(p), name);
    }
    pythonDocxOpens(docs, tmp);
  }
}
