package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.docmerge.diag.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversion session fed while it converts, against a stand-in soffice that logs each start and writes
 * {@code %PDF-} plus the document's text (fast and exact; the real LibreOffice is in {@link PdfSessionRealTest}).
 */
class PdfSessionTest {
  @TempDir Path tmp;

  /**
   * The stand-in: logs {@code start N} with the number of files, sleeps {@code pause} seconds, then for each file
   * whose text is not {@code BAD} writes {@code %PDF-} and the text to the output folder.
   */
  private PdfConverter converter(int workers, String pause) throws Exception {
    Path log = tmp.resolve("starts.log");
    Path fake = tmp.resolve("soffice");
    Files.writeString(fake, "#!/bin/sh\n"
        + "out=''; n=0; files=''\n"
        + "while [ $# -gt 0 ]; do case \"$1\" in\n"
        + "  --outdir) out=\"$2\"; shift 2;;\n"
        + "  --convert-to) shift 2;;\n"
        + "  -*) shift;;\n"
        + "  *) files=\"$files $1\"; n=$((n+1)); shift;;\n"
        + "esac; done\n"
        + "echo \"start $n\" >> " + log + "\n"
        + "sleep " + pause + "\n"
        + "for f in $files; do\n"
        + "  t=$(cat \"$f\"); [ \"$t\" = BAD ] && continue\n"
        + "  printf '%%PDF-%s' \"$t\" > \"$out/$(basename \"$f\" .docx).pdf\"\n"
        + "done\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new PdfConverter(Optional.of(fake), Duration.ofSeconds(30), workers, Map.of(),
        Files.createDirectories(tmp.resolve("temp")));
  }

  private List<String> starts() throws Exception {
    Path log = tmp.resolve("starts.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static PdfConverter.Document doc(String text) {
    return new PdfConverter.Document(text.getBytes(StandardCharsets.UTF_8), text + ".docx");
  }

  private static String text(Result<byte[]> r) {
    assertTrue(r.value().isPresent(), r.diagnostics().toString());
    return new String(r.get(), StandardCharsets.UTF_8);
  }

  @Test
  void fortyReportsArrivingOneByOneAreConvertedByTwoStartsTheFirstBeforeTheLastArrives() throws Exception {
    try (PdfConverter c = converter(2, "2")) {
      List<CompletableFuture<Result<byte[]>>> futures = new ArrayList<>();
      try (PdfConverter.Session s = c.session(2, 40)) {
        for (int i = 0; i < 40; i++) {
          futures.add(s.submit(doc("r" + i)));
          if (i == 30) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (starts().isEmpty() && System.nanoTime() < until) {
              Thread.sleep(10);
            }
            assertEquals(List.of("start 20"), starts(), "the first half is converting while reports still arrive");
          }
        }
        s.finish();
        for (int i = 0; i < 40; i++) {
          assertEquals("%PDF-r" + i, text(futures.get(i).get(60, TimeUnit.SECONDS)), "result " + i + " is its document's");
        }
      }
      assertEquals(List.of("start 20", "start 20"), starts(), "one LibreOffice start per worker, not per report");
    }
  }

  @Test
  void aDocumentThatFailsIsRetriedAloneAndTheOthersAreKept() throws Exception {
    try (PdfConverter c = converter(1, "0")) {
      try (PdfConverter.Session s = c.session(1, 3)) {
        var a = s.submit(doc("a"));
        var bad = s.submit(doc("BAD"));
        var b = s.submit(doc("b"));
        s.finish();
        assertEquals("%PDF-a", text(a.get(30, TimeUnit.SECONDS)));
        assertEquals("%PDF-b", text(b.get(30, TimeUnit.SECONDS)));
        Result<byte[]> failed = bad.get(30, TimeUnit.SECONDS);
        assertTrue(failed.value().isEmpty());
        assertEquals(PdfConverter.PDF_FAILED, failed.diagnostics().get(0).code());
        assertEquals("BAD.docx", failed.diagnostics().get(0).location().file());
      }
      assertEquals(List.of("start 3", "start 1"), starts(), "the failed document was tried once more, alone");
    }
  }

  @Test
  void documentsSubmittedAfterTheFirstChunkStartedStillConvertWhenTheSessionFinishesEarly() throws Exception {
    try (PdfConverter c = converter(2, "0.5")) {
      try (PdfConverter.Session s = c.session(2, 100)) { // fewer arrive than expected (inputs with errors)
        var first = new ArrayList<CompletableFuture<Result<byte[]>>>();
        for (int i = 0; i < 5; i++) {
          first.add(s.submit(doc("d" + i)));
        }
        s.finish();
        for (int i = 0; i < 5; i++) {
          assertEquals("%PDF-d" + i, text(first.get(i).get(30, TimeUnit.SECONDS)));
        }
      }
    }
  }

  @Test
  void closingAnUnfinishedSessionKillsItsSofficeAndFailsWhatIsLeft() throws Exception {
    Path temp;
    try (PdfConverter c = converter(1, "60")) {
      PdfConverter.Session s = c.session(1, 1);
      var a = s.submit(doc("a"));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (starts().isEmpty() && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertEquals(List.of("start 1"), starts());
      long t0 = System.nanoTime();
      s.close();
      assertTrue((System.nanoTime() - t0) / 1e9 < 15, "close does not wait for the 60 s conversion");
      Result<byte[]> r = a.get(5, TimeUnit.SECONDS);
      assertTrue(r.value().isEmpty());
      assertTrue(r.diagnostics().get(0).message().contains("中断"), r.diagnostics().toString());
      assertEquals(List.of(), fakes(), "no soffice of the session is left running");
      temp = tmp.resolve("temp");
    }
    try (Stream<Path> s = Files.list(temp)) {
      assertEquals(List.of(), s.toList(), "the converter's folder is gone after close");
    }
  }

  @Test
  void withoutLibreOfficeEveryDocumentSaysSoAtOnce() throws Exception {
    try (PdfConverter c = new PdfConverter(Optional.empty(), Duration.ofSeconds(5), 2, Map.of(), tmp);
        PdfConverter.Session s = c.session(2, 2)) {
      Result<byte[]> r = s.submit(doc("a")).get(1, TimeUnit.SECONDS);
      assertEquals(PdfConverter.NO_LIBREOFFICE, r.diagnostics().get(0).code());
    }
  }

  /** Processes running the stand-in soffice of this test. */
  private List<Long> fakes() {
    String needle = tmp.resolve("soffice").toString();
    return ProcessHandle.allProcesses()
        .filter(h -> h.isAlive() && h.info().commandLine().map(cl -> cl.contains(needle)).orElse(false))
        .map(ProcessHandle::pid).toList();
  }

  @Test
  void convertAllStillSplitsABatchGivenWholeIntoOneGroupPerWorker() throws Exception {
    try (PdfConverter c = converter(2, "0")) {
      List<PdfConverter.Document> docs = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        docs.add(doc("x" + i));
      }
      List<Result<byte[]>> out = c.convertAll(docs, 2);
      for (int i = 0; i < 7; i++) {
        assertEquals("%PDF-x" + i, text(out.get(i)));
      }
      assertEquals(List.of("start 3", "start 4"), starts().stream().sorted().toList());
    }
    assertFalse(Files.exists(tmp.resolve("temp").resolve("x")));
  }
}
