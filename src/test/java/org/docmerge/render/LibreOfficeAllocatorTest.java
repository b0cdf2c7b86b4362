package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** soffice runs with tcmalloc preloaded when it is installed, and the PDFs are the same as with glibc's malloc. */
class LibreOfficeAllocatorTest {
  @TempDir Path tmp;

  @Test
  void tcmallocIsPreloadedWhenInstalledKeepingTheUsersPreloadAndCanBeTurnedOff() throws Exception {
    Path lib = Files.createFile(tmp.resolve("libtcmalloc_minimal.so.4"));
    List<Path> candidates = List.of(tmp.resolve("missing.so"), lib);
    assertEquals(Map.of("LD_PRELOAD", lib.toString()), LibreOfficeAllocator.environment(candidates, null, null));
    assertEquals(Map.of("LD_PRELOAD", lib + ":/opt/x.so"), LibreOfficeAllocator.environment(candidates, null, "/opt/x.so"));
    assertEquals(Map.of(), LibreOfficeAllocator.environment(candidates, "system", null), "DOCMERGE_SOFFICE_MALLOC=system");
    assertEquals(Map.of(), LibreOfficeAllocator.environment(List.of(tmp.resolve("missing.so")), null, null),
        "without the library soffice runs as before");
  }

  @Test
  @Tag("slow")
  void thePdfIsTheSameWithTcmallocAsWithGlibcMalloc() throws Exception {
    Path soffice = RealClients.require("soffice");
    RealClients.require("pdftotext");
    if (LibreOfficeAllocator.environment().isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("libtcmalloc-minimal4 is not installed; .ci/run must install it");
      }
      org.junit.jupiter.api.Assumptions.abort("libtcmalloc-minimal4 is not installed");
    }
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    byte[] docx = engine.render(engine.check(Path.of("input-samples/district-large-2021.xlsx"), Validator.Options.DEFAULT)
        .data().orElseThrow());
    Map<String, String> with = PdfConverter.defaultEnvironment();
    assertTrue(with.getOrDefault("LD_PRELOAD", "").contains("tcmalloc"), with.toString());
    Map<String, String> without = new LinkedHashMap<>(with);
    without.remove("LD_PRELOAD");
    String a = text(soffice, with, docx, "a");
    String b = text(soffice, without, docx, "b");
    assertTrue(a.contains("政府信息公开工作年度报告"), a);
    assertEquals(b, a, "the same pages, line for line");
  }

  private String text(Path soffice, Map<String, String> env, byte[] docx, String name) throws Exception {
    Path temp = Files.createDirectories(tmp.resolve("temp-" + name));
    byte[] pdf;
    try (PdfConverter c = new PdfConverter(Optional.of(soffice), Duration.ofSeconds(120), 1, env, temp)) {
      pdf = c.convert(docx, name + ".docx").value().orElseThrow();
    }
    Path file = tmp.resolve(name + ".pdf");
    Files.write(file, pdf);
    return String.join("\n", RealClients.run(List.of("pdftotext", "-layout", file.toString(), "-"), tmp));
  }
}
