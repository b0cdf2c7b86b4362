package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.TestReports;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.render.TagValues;
import org.docmerge.spec.ReportKind;
import org.docmerge.spec.SpecReader;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached compile renders byte for byte what a fresh compile renders (repeated rows and conditions included), a
 * damaged entry is not trusted, and the key is the same in every run.
 */
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

  @Test
  void aTemplateWithRepeatsAndConditionsIsCachedAndTheSecondMergeUsesItForTheSameDocument() throws Exception {
    Docmerge engine = Docmerge.open("gov-website-annual").get();
    ReportKind kind = engine.kind();
    byte[] docx = kind.templateBytes();
    ReportData sample = engine.check(Path.of("input-samples", "gov-website-annual-sample.xlsx"), Validator.Options.DEFAULT)
        .data().orElseThrow();
    TagValues values = TagValues.of(kind.spec(), sample);
    assertFalse(values.lists().get("accounts").isEmpty(), "the sample has accounts to repeat");
    Map<String, List<Map<String, String>>> none = Map.of("accounts", List.of());
    PreparedTemplate fresh = TemplateCompiler.compile(docx, "t.docx", kind.spec()).get();
    List<Segment> all = fresh.compiled().values().stream().flatMap(s -> PartCompiler.flatten(s).stream()).toList();
    assertTrue(all.stream().anyMatch(s -> s instanceof Segment.Repeat) && all.stream().anyMatch(s -> s instanceof Segment.Condition),
        "the website template repeats a row and has conditions");

    Result<PreparedTemplate> first = TemplateCache.compile(docx, "t.docx", kind.spec(), dir);
    Path entry;
    try (var files = Files.list(dir)) {
      entry = files.filter(p -> p.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    Object stored = Files.readAttributes(entry, BasicFileAttributes.class).fileKey();
    Result<PreparedTemplate> second = TemplateCache.compile(docx, "t.docx", kind.spec(), dir);
    assertEquals(stored, Files.readAttributes(entry, BasicFileAttributes.class).fileKey(),
        "the second compile read the entry instead of compiling and storing again");
    assertTrue(TemplateCache.load(entry, TemplateCache.key(docx, "t.docx", kind.spec())).isPresent());
    assertEquals(first.diagnostics(), second.diagnostics());
    for (var lists : List.of(values.lists(), none)) {
      byte[] expected = fresh.render(values.inline(), values.blocks(), lists, PreparedTemplate.Extras.NONE);
      assertArrayEquals(expected, second.get().render(values.inline(), values.blocks(), lists, PreparedTemplate.Extras.NONE));
    }
  }

  @Test
  void theKeyReadsTheSpecTheSameWayInEveryRun() {
    Map<String, List<String>> ab = new LinkedHashMap<>();
    ab.put("a", List.of("1"));
    ab.put("b", List.of("2"));
    Map<String, List<String>> ba = new LinkedHashMap<>();
    ba.put("b", List.of("2"));
    ba.put("a", List.of("1"));
    assertEquals(TemplateCache.canonical(ab), TemplateCache.canonical(ba), "a map's order is not part of the spec");
    assertNotEquals(TemplateCache.canonical(List.of("a;b")), TemplateCache.canonical(List.of("a", "b")));
    ReportKind kind = SpecReader.load("templates/gov-website-annual").get();
    String spec = TemplateCache.canonical(kind.spec());
    assertFalse(spec.matches("(?s).*@[0-9a-f]{6,}.*"), "no identity hash codes in the key");
    assertTrue(spec.contains("accounts"), "lists are part of the key");
  }
}
