package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversion session with the real LibreOffice: reports submitted while earlier ones convert come back as PDFs of
 * the right report, in order; a document LibreOffice cannot load fails alone; closing leaves no soffice and no
 * temporary folder.
 */
@Tag("slow")
class PdfSessionRealTest {
  @TempDir Path tmp;

  @Test
  void reportsSubmittedWhileOthersConvertAreEachConvertedAndNothingIsLeftAfterClose() throws Exception {
    Path soffice = RealClients.require("soffice");
    RealClients.require("pdftotext");
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    ReportData seed = data(engine, "input-samples/gongshu-investment-2021.xlsx");
    ReportData large = data(engine, "input-samples/district-large-2021.xlsx");
    byte[] seedDoc = engine.render(seed);
    byte[] largeDoc = engine.render(large);
    byte[] broken = "PK\u0003\u0004 not a real zip".getBytes(StandardCharsets.ISO_8859_1);
    Path temp = Files.createDirectories(tmp.resolve("temp"));
    List<CompletableFuture<Result<byte[]>>> futures = new ArrayList<>();
    try (PdfConverter c = new PdfConverter(Optional.of(soffice), Duration.ofSeconds(120), 2,
        PdfConverter.defaultEnvironment(), temp)) {
      try (PdfConverter.Session s = c.session(2, 4)) {
        futures.add(s.submit(new PdfConverter.Document(seedDoc, "a.docx")));
        futures.add(s.submit(new PdfConverter.Document(largeDoc, "b.docx")));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean converting = false;
        while (!converting && System.nanoTime() < until) {
          converting = !offices(temp).isEmpty();
          Thread.sleep(10);
        }
        assertTrue(converting, "LibreOffice starts on the first two before the others are submitted");
        futures.add(s.submit(new PdfConverter.Document(broken, "坏.docx")));
        futures.add(s.submit(new PdfConverter.Document(largeDoc, "d.docx")));
        s.finish();
        assertTrue(text(futures.get(0)).contains(seed.field("agency")), "the first PDF is the first report's");
        assertTrue(text(futures.get(1)).contains(large.field("agency")));
        Result<byte[]> bad = futures.get(2).get(240, TimeUnit.SECONDS);
        assertFalse(bad.value().isPresent());
        assertEquals(PdfConverter.PDF_FAILED, bad.diagnostics().get(0).code());
        assertTrue(text(futures.get(3)).contains(large.field("agency")), "the document after the broken one is kept");
      }
    }
    assertEquals(List.of(), offices(temp), "no LibreOffice is left running");
    try (Stream<Path> s = Files.list(temp)) {
      assertEquals(List.of(), s.toList(), "no temporary folder is left");
    }
  }

  private static ReportData data(Docmerge engine, String workbook) {
    return engine.check(Path.of(workbook), Validator.Options.DEFAULT).data().orElseThrow();
  }

  private String text(CompletableFuture<Result<byte[]>> f) throws Exception {
    Result<byte[]> pdf = f.get(240, TimeUnit.SECONDS);
    assertTrue(pdf.value().isPresent(), pdf.diagnostics().toString());
    Path p = Files.createTempFile(tmp, "r", ".pdf");
    Files.write(p, pdf.get());
    return String.join("", RealClients.run(List.of("pdftotext", p.toString(), "-"), tmp)).replaceAll("\\s+", "");
  }

  private static List<Long> offices(Path temp) {
    String needle = temp.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(h -> h.isAlive() && h.info().commandLine().map(c -> c.contains(needle) && c.contains("soffice")).orElse(false))
        .map(ProcessHandle::pid).toList();
  }
}
