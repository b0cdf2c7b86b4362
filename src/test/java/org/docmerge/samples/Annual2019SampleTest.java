package org.docmerge.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.diag.Diagnostic;
import org.docmerge.report.docx.DocxText;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2019-format sample is a real report (src/test/resources/annual2019/README.md): the document merged from it
 * says, cell for cell and sentence for sentence, what the published page says, as far as the stored copy of the page
 * goes.
 */
class Annual2019SampleTest {
  static final String KIND = "gov-info-annual-2019";
  static final Path SAMPLE = Path.of("input-samples", "gov-info-annual-2019-sample.xlsx");
  static final Path REAL = Path.of("src/test/resources/annual2019/yueyang-nanhu-2019.txt");

  @Test
  void theSampleMergesWithoutErrorsAndEveryTableIdentityHolds() {
    Docmerge engine = Docmerge.open(KIND).get();
    var checked = engine.check(SAMPLE, Validator.Options.DEFAULT);
    assertFalse(checked.hasErrors(), checked.diagnostics()::toString);
    List<String> codes = checked.diagnostics().stream().map(Diagnostic::code).distinct().sorted().toList();
    // warnings only: the sections the stored copy does not reach are empty (R16, R17), openpyxl leaves formula
    // results uncomputed (WB.STALE_FORMULA), R15 cannot run on this format (CHECK.NOT_RUN)
    assertEquals(List.of("CHECK.NOT_RUN", "R16", "R17", "WB.STALE_FORMULA"), codes, checked.diagnostics()::toString);
  }

  @Test
  void theMergedDocumentSaysWhatThePublishedReportSays() throws Exception {
    Docmerge engine = Docmerge.open(KIND).get();
    var checked = engine.check(SAMPLE, Validator.Options.DEFAULT);
    List<String> doc = DocxText.lines(engine.render(checked.data().orElseThrow()));
    assertEquals(21, blanksWhereTheDocumentHasZero(doc, Files.readAllLines(REAL, StandardCharsets.UTF_8)),
        "the stored copy leaves exactly the 21 zero cells of 表三's first four rows blank");
    assertEquals("（岳阳市南湖新区某局）", doc.get(1));
  }

  @Test
  void initThenTheFillScriptGivesTheCommittedSample(@TempDir Path dir) throws Exception {
    Docmerge engine = Docmerge.open(KIND).get();
    Path blank = dir.resolve("blank.xlsx");
    assertTrue(engine.init(blank, Optional.empty(), false).isEmpty());
    Path filled = dir.resolve("filled.xlsx");
    RealClients.run(List.of(RealClients.python().toString(),
        Path.of("src/test/resources/annual2019/fill.py").toAbsolutePath().toString(), blank.toString(), filled.toString()), dir);
    var merged = engine.merge(filled, dir.resolve("报告.docx"), Docmerge.MergeOptions.DEFAULT);
    assertFalse(merged.hasErrors(), merged.diagnostics()::toString);
    var committed = engine.check(SAMPLE, Validator.Options.DEFAULT).data().orElseThrow();
    assertEquals(DocxText.lines(engine.render(committed)), DocxText.lines(Files.readAllBytes(merged.document().orElseThrow())),
        "input-samples/gov-info-annual-2019-sample.xlsx is stale: regenerate it with fill.py (input-samples/README.md)");
  }

  /**
   * Walks the published text (one cell or paragraph a line, cells closed by 「|」, NFKC-folded as stored) along the
   * document from 「一、总体情况」: each published line is the next document line, or the next few joined (a cell
   * the template breaks, 「商业」「企业」), or, in 表三, a document 「0」 the page leaves blank; the stored copy ends
   * in the middle of a label. Fails at the first published line that is not there; returns the blanks skipped.
   */
  static int blanksWhereTheDocumentHasZero(List<String> document, List<String> published) {
    List<String> real = new ArrayList<>();
    for (String line : published) {
      String t = norm(line.replaceAll("[|\\s]+$", "").replaceAll("\\|", ""));
      if (!t.isEmpty()) {
        real.add(t);
      }
    }
    List<String> doc = document.stream().map(Annual2019SampleTest::norm).filter(s -> !s.isEmpty()).toList();
    int j = doc.indexOf(real.get(0));
    assertTrue(j >= 0, "「一、总体情况」 not in the document");
    int blanks = 0;
    boolean table3 = false;
    for (int i = 0; i < real.size(); i++) {
      String want = real.get(i);
      table3 |= want.startsWith("三、收到和处理");
      while (true) {
        assertTrue(j < doc.size(), "the document ends before the published 「" + want + "」");
        if (doc.get(j).equals(want) || (i == real.size() - 1 && doc.get(j).startsWith(want))) {
          j++;
          break;
        }
        int k = joined(doc, j, want);
        if (k > 0) {
          j = k;
          break;
        }
        assertTrue(table3 && doc.get(j).equals("0"),
            "published 「" + want + "」 (line " + (i + 1) + ") but the document has 「" + doc.get(j) + "」");
        blanks++;
        j++;
      }
    }
    return blanks;
  }

  private static int joined(List<String> doc, int from, String want) {
    StringBuilder s = new StringBuilder();
    for (int k = from; k < Math.min(doc.size(), from + 4); k++) {
      s.append(doc.get(k));
      if (k > from && s.toString().equals(want)) {
        return k + 1;
      }
    }
    return -1;
  }

  private static String norm(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }
}
