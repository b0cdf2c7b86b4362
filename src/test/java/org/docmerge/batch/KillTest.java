package org.docmerge.batch;

import static org.docmerge.batch.Fixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.docmerge.model.ReportData;
import org.docmerge.workbook.WorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hostile-inputs.md H52: a batch killed with {@code kill -9} leaves no partial report, and the next run completes. */
class KillTest {
  @TempDir Path tmp;

  @Test
  void killedBatchLeavesNoPartialReportAndTheNextRunCompletes() throws Exception {
    int n = 60;
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    for (int i = 0; i < n; i++) {
      ReportData d = Fixtures.member(1000 + i, 2022);
      Files.write(in.resolve(String.format("m%03d.xlsx", i)), WorkbookWriter.write(Fixtures.SPEC, d));
    }
    Path out = tmp.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.docmerge.cli.Main", "batch", in.toString(), "-o", out.toString(), "--jobs", "1", "--fsync")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    // Kill it once it has staged some documents, mid-run.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.isDirectory(out) && Fixtures.all(out).stream().filter(f -> f.endsWith(".tmp")).count() >= 5) {
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(child.isAlive(), "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
    child.destroyForcibly();
    child.waitFor(30, TimeUnit.SECONDS);

    List<String> left = Fixtures.all(out);
    for (String f : left) {
      assertTrue(f.startsWith(".") || isCompleteDocx(out.resolve(f)), "partial file left under a visible name: " + f);
    }
    assertTrue(left.stream().anyMatch(f -> f.endsWith(".tmp")), "the kill happened mid-run: " + left);

    Fixtures.Run again = cli("batch", in.toString(), "-o", out.toString(), "--overwrite");
    assertEquals(0, again.code(), again.out() + again.err());
    List<String> after = Fixtures.all(out);
    assertEquals(n + 1, Fixtures.visible(out).size(), "every report and the summary");
    assertEquals(0, after.stream().filter(f -> f.endsWith(".tmp")).count(), "the killed run's temp files are cleaned: " + after);
  }

  private static boolean isCompleteDocx(Path p) {
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(p)))) {
      int entries = 0;
      while (z.getNextEntry() != null) {
        z.readAllBytes();
        entries++;
      }
      return entries > 0 || p.getFileName().toString().endsWith(".lock");
    } catch (Exception e) {
      return false;
    }
  }
}
