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

/**
 * What makes each soffice cheaper without changing its PDFs: tcmalloc preloaded when it is installed, and a
 * seeded profile that soffice does not take for an upgrade (no graphics self-tests on start).
 */
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

  @Test
  @Tag("slow")
  void aSeededProfileIsNotTakenForAnUpgradeSoNoGraphicsSelfTestsRun() throws Exception {
    Path soffice = RealClients.require("soffice");
    Path profile = tmp.resolve("profile");
    OfficeTemp.seedProfile(profile);
    Path docx = tmp.resolve("a.docx");
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    Files.write(docx, engine.render(engine.check(Path.of("input-samples/gongshu-investment-2021.xlsx"),
        Validator.Options.DEFAULT).data().orElseThrow()));
    ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "--nolockcheck",
        "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("soffice.log").toFile());
    pb.environment().putAll(PdfConverter.defaultEnvironment());
    Process p = pb.start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "soffice finished");
    assertTrue(Files.size(tmp.resolve("a.pdf")) > 1000, "the PDF is written");
    assertTrue(Files.isDirectory(profile.resolve("user")));
    assertTrue(!Files.exists(profile.resolve("user/GraphicsRenderTests.log")),
        "soffice ran its graphics self-tests: it took the seeded profile for an upgrade");
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
