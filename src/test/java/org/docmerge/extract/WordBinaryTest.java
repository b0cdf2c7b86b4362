package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports published as Word 97–2003 .doc: our seed report and every real text report of the corpus with cells,
 * rendered in the official layout and saved as .doc by LibreOffice, and the seed in Word's other ways of writing
 * (tracked changes, hidden text, fields, old merges, rows starting late, a frame table) saved as .doc too. Each
 * reads the same cells, cover facts and prose as the .docx it was saved from: 0 cells wrong, 0 unread.
 */
@Tag("slow")
class WordBinaryTest {
  @TempDir Path tmp;

  @Test
  void everyReportSavedAsDocReadsTheSameCells() throws Exception {
    Path soffice = RealClients.require("soffice");
    List<WordReportsTest.Base> bases = WordReportsTest.bases();
    Map<String, WordReportsTest.Base> byFile = new LinkedHashMap<>();
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (int i = 0; i < bases.size(); i++) {
      WordReportsTest.Base b = bases.get(i);
      String file = "r" + i + ".docx";
      Files.write(in.resolve(file), b.docx());
      byFile.put(file, b);
    }
    WordReportsTest.Base seed = bases.get(0);
    int k = 0;
    for (WordShapes.Shape shape : WordShapes.SHAPES) {
      if (List.of("tracked", "hidden", "fields (complex", "old horizontal", "rows starting", "tables inside", "symbols",
          "a table of contents")
          .stream().anyMatch(shape.name()::startsWith)) {
        String file = "s" + k++ + ".docx";
        Files.write(in.resolve(file), WordShapes.apply(seed.docx(), shape.change()));
        byFile.put(file, new WordReportsTest.Base(seed.name() + " / " + shape.name(), seed.spec(), seed.docx(),
            seed.cells(), seed.read(), seed.paragraphs()));
      }
    }
    Path out = Files.createDirectories(tmp.resolve("out"));
    List<String> cmd = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
        "--headless", "--convert-to", "doc", "--outdir", out.toString()));
    byFile.keySet().forEach(f -> cmd.add(in.resolve(f).toString()));
    RealClients.run(cmd, tmp);
    List<String> failures = new ArrayList<>();
    int[] sum = new int[3];
    int docs = 0;
    for (Map.Entry<String, WordReportsTest.Base> e : byFile.entrySet()) {
      Path doc = out.resolve(e.getKey().replace(".docx", ".doc"));
      assertTrue(Files.exists(doc), doc + " was written");
      byte[] bytes = Files.readAllBytes(doc);
      assertEquals(org.docmerge.report.Reports.Form.DOC, org.docmerge.report.Reports.sniff(bytes));
      int[] rwu = WordReportsTest.compare(e.getValue(), "as .doc", bytes, "report.doc", failures);
      for (int i = 0; i < 3; i++) {
        sum[i] += rwu[i];
      }
      docs++;
    }
    System.out.printf("Word 97-2003 (.doc, saved by LibreOffice): %d documents, cells right / cells %d / %d (wrong %d,"
        + " unread %d)%n", docs, sum[0], sum[0] + sum[1] + sum[2], sum[1], sum[2]);
    failures.stream().limit(60).forEach(f -> System.out.println("  " + f));
    assertTrue(docs > 30);
    assertEquals(List.of(), failures.stream().limit(20).toList());
    assertFalse(sum[0] == 0);
  }
}
