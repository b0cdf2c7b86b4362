package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.docmerge.diag.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real conversion is covered by AnnualTemplateGoldenTest; these cover the ways soffice fails. */
class PdfConverterTest {

  @Test
  void missingLibreOfficeNamesTheDebianPackage() {
    Result<byte[]> r = new PdfConverter(Optional.empty(), Duration.ofSeconds(5)).convert(new byte[] {1}, "报告.docx");
    assertEquals(PdfConverter.NO_LIBREOFFICE, r.diagnostics().get(0).code());
    assertTrue(r.diagnostics().get(0).message().contains("libreoffice-writer-nogui"));
  }

  @Test
  void sofficeThatExitsZeroWithoutAPdfIsAFailure(@TempDir Path dir) throws Exception {
    Path fake = script(dir, "#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 0\n");
    Result<byte[]> r = new PdfConverter(Optional.of(fake), Duration.ofSeconds(10)).convert(new byte[] {1}, "报告.docx");
    assertEquals(PdfConverter.PDF_FAILED, r.diagnostics().get(0).code());
    assertTrue(r.diagnostics().get(0).message().contains("could not be loaded"), r.diagnostics().get(0).message());
  }

  @Test
  void hangingSofficeIsKilledAfterTheTimeout(@TempDir Path dir) throws Exception {
    Path fake = script(dir, "#!/bin/sh\nsleep 30\n");
    long start = System.nanoTime();
    Result<byte[]> r = new PdfConverter(Optional.of(fake), Duration.ofMillis(300)).convert(new byte[] {1}, "报告.docx");
    assertEquals(PdfConverter.PDF_TIMEOUT, r.diagnostics().get(0).code());
    assertTrue((System.nanoTime() - start) / 1e9 < 10);
  }

  private static Path script(Path dir, String body) throws Exception {
    Path f = dir.resolve("soffice");
    Files.writeString(f, body);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }
}
