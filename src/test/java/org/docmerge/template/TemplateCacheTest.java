package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docmerge.TestReports;
import org.docmerge.diag.Result;
import org.docmerge.render.TagValues;
import org.docmerge.spec.ReportKind;
import org.docmerge.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached compile renders byte for byte what a fresh compile renders, and a damaged entry is not trusted. */
class TemplateCacheTest {
  @TempDir Path dir;

  @Test
  void cachedTemplateRendersTheSameBytesAndDamageFallsBackToCompiling() throws Exception {
    ReportKind kind = SpecReader.load("templates/" + SpecReader.DEFAULT_KIND).get();
    byte[] docx = kind.templateBytes();
    TagValues values = TagValues.of(kind.spec(), TestReports.seed());
    byte[] fresh = TemplateCompiler.compile(docx, "t.docx", kind.spec()).get().render(values.inline(), values.blocks());

    Result<PreparedTemplate> compiled = TemplateCompiler.compile(docx, "t.docx", kind.spec());
    Result<PreparedTemplate> first = TemplateCache.compile(docx, "t.docx", kind.spec(), dir);
    assertEquals(compiled.diagnostics(), first.diagnostics());
    Path entry;
    try (var files = Files.list(dir)) {
      entry = files.filter(p -> p.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    String key = TemplateCache.key(docx, "t.docx", kind.spec());
    Result<PreparedTemplate> hit = TemplateCache.load(entry, key).orElseThrow();
    assertEquals(compiled.diagnostics(), hit.diagnostics(), "the same warnings from the cache");
    PreparedTemplate cached = hit.get();
    assertArrayEquals(fresh, cached.render(values.inline(), values.blocks()));
    assertEquals(first.get().tags(), cached.tags());

    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length / 2] ^= 1;
    Files.write(entry, bytes);
    assertTrue(TemplateCache.load(entry, key).isEmpty(), "a damaged entry is ignored");
    assertArrayEquals(fresh, TemplateCache.compile(docx, "t.docx", kind.spec(), dir).get().render(values.inline(), values.blocks()));
    assertTrue(TemplateCache.load(entry, key).isPresent(), "and rewritten");
    assertTrue(TemplateCache.load(entry, TemplateCache.key(docx, "other.docx", kind.spec())).isEmpty(), "another key misses");
  }
}
