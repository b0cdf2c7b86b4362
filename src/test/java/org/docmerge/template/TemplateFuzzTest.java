package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
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
