package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.docmerge.report.docx.DocxText;
import org.docmerge.spec.ReportKind;
import org.docmerge.RealClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff paste anything into the workbook: markup characters, tag-like text, Word's Shift+Enter (U+000B), stray
 * control characters, very long paragraphs. The report must open everywhere and show the text literally.
 */
class HostileValuesTest {
  static final String MARKUP = "A&B <w:t>x</w:t> \"引号\" 'x' {{agency}} }} {{";
  static final String LONG = "长".repeat(20_000);

  static PreparedTemplate template;
  static SeedReport seed;
  static byte[] output;

  @BeforeAll
  static void render() {
    ReportKind kind = SeedReport.kind();
    seed = SeedReport.load(kind.spec());
    template = TemplateCompiler.compile(kind.templateBytes(), "template.docx", kind.spec()).get();
    Map<String, String> inline = new HashMap<>(seed.inline);
    inline.put("agency", MARKUP);
    inline.put("t2.fees.amount", "第一行\u000B第二行\u0001\u0007");
    Map<String, List<String>> blocks = new LinkedHashMap<>(seed.blocks);
    blocks.put("other", List.of("含\u0000控制\u001F字符\r\n换行\t制表", LONG));
    output = template.render(inline, blocks);
  }

  @Test
  void docx4jReadsTheValuesLiterally() {
    List<String> lines = DocxText.lines(output);
    assertEquals("（" + MARKUP + "）", lines.get(1));
    int fee = lines.indexOf("第一行");
    assertEquals("第二行", lines.get(fee + 1), "U+000B became a line break and U+0001/U+0007 vanished");
    int other = lines.indexOf("六、其他需要报告的事项");
    assertEquals(List.of("含控制字符", "换行\t制表", LONG), lines.subList(other + 1, lines.size()));
  }

  @Test
  void aTagInsideAValueIsNeverExpanded() {
    String text = String.join("\n", DocxText.lines(output));
    assertFalse(text.contains("（（"), "{{agency}} in the agency value must not be replaced by the agency");
    assertTrue(text.contains("{{agency}}"));
  }

  @Test
  void pythonDocxOpensItAndSeesTheSameText(@TempDir Path dir) throws Exception {
    Path py = RealClients.python();
    Path f = dir.resolve("hostile.docx");
    Files.write(f, output);
    String script = "import docx, sys\n"
        + "d = docx.Document(sys.argv[1])\n"
        + "ps = [p.text for p in d.paragraphs]\n"
        + "print(ps[1] == '（' + sys.argv[2] + '）')\n"
        + "print(max(len(p) for p in ps))\n"
        + "print(d.tables[0].rows[13].cells[1].text.replace(chr(10), '|'))\n";
    List<String> out = AnnualTemplateGoldenTest.run(List.of(py.toString(), "-c", script, f.toString(), MARKUP), dir);
    assertEquals(List.of("True", "20000", "第一行|第二行"), out);
  }

  @Test
  void manyThreadsRenderingAtOnceGetTheSameBytes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> template.render(seed.inline, seed.blocks)));
      }
      byte[] first = futures.get(0).get();
      for (Future<byte[]> f : futures) {
        assertArrayEquals(first, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void escapingCoversEveryMarkupCharacterAndDropsInvalidXmlCharacters() {
    StringBuilder sb = new StringBuilder();
    PreparedTemplate.appendText(sb, "&<>\"'\u0001\uFFFF\uD800x\uD83D\uDE00");
    assertEquals("&amp;&lt;&gt;&quot;&apos;x\uD83D\uDE00", sb.toString());
  }
}
