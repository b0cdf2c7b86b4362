package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.docmerge.FuzzZips;
import org.docmerge.Bounded;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.render.TagValues;
import org.docmerge.spec.ReportSpec;

/**
 * Fuzz target for the template boundary: any bytes in, a {@link Result} out. A template that compiles is also
 * rendered with the seed report, since that is where docx4j's silent failures (null parts, cyclic styles)
 * would surface. Replays {@code TemplateFuzzTestInputs/compileTemplate/} without {@code JAZZER_FUZZ}.
 */
class TemplateFuzzTest {
  private static final ReportSpec SPEC = TestReports.spec2021();
  private static final TagValues SEED = TagValues.of(SPEC, TestReports.seed());

  @FuzzTest(maxDuration = "10m")
  void compileTemplate(byte[] bytes) {
    check(bytes);
  }

  /**
   * Structure-aware: the shipped template with one XML part (document, styles, a header) replaced by fuzz bytes
   * and zipped correctly, so the mutations reach docx4j and the tag compiler instead of dying at a CRC.
   */
  @FuzzTest(maxDuration = "10m")
  void compileTemplatePart(FuzzedDataProvider data) {
    String part = PARTS[data.consumeInt(0, PARTS.length - 1)];
    check(FuzzZips.replace(SHIPPED, part, data.consumeRemainingAsBytes()));
  }

  private static final String[] PARTS = {"word/document.xml", "word/styles.xml", "word/footer1.xml", "[Content_Types].xml",
      "word/_rels/document.xml.rels"};
  private static final byte[] SHIPPED = FuzzZips.resource("/templates/gov-info-annual-2021/template.docx");

  private static void check(byte[] bytes) {
    long start = System.nanoTime();
    Result<PreparedTemplate> compiled = TemplateCompiler.compile(bytes, "fuzz.docx", SPEC);
    assertNotNull(compiled);
    if (compiled.value().isEmpty()) {
      assertTrue(compiled.diagnostics().stream().anyMatch(Diagnostic::isError), "a rejected template must say why");
    } else {
      byte[] out = compiled.get().render(SEED.inline(), SEED.blocks());
      assertTrue(out.length > 0);
    }
    Bounded.check(start, "TemplateCompiler.compile");
  }
}
