package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.docmerge.RealClients;
import org.docmerge.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-lived converter with real LibreOffice: a batch's PDFs are real PDFs, and a {@code kill -9} of docmerge
 * in the middle of {@code merge --pdf} leaves no LibreOffice running and no temporary folder once the next run
 * has started (issue 15 item 6).
 */
@Tag("slow")
class PdfServiceTest {
  @TempDir Path tmp;

  @Test
  void batchPdfOfSeveralWorkbooksWritesARealPdfBesideEveryReport() throws Exception {
    RealClients.require("soffice");
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    byte[] sample = Files.readAllBytes(Path.of("input-samples/gongshu-investment-2021.xlsx"));
    byte[] large = Files.readAllBytes(Path.of("input-samples/district-large-2021.xlsx"));
    Files.write(in.resolve("a.xlsx"), sample);
    Files.write(in.resolve("b.xlsx"), large);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"batch", in.toString(), "-o", out.toString(), "--pdf", "--jobs", "2"},
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(0, code, o.toString(StandardCharsets.UTF_8) + e.toString(StandardCharsets.UTF_8));
    List<Path> pdfs;
    try (Stream<Path> s = Files.list(out)) {
      pdfs = s.filter(p -> p.toString().endsWith(".pdf")).toList();
    }
    assertEquals(2, pdfs.size(), "one PDF per report: " + pdfs);
    for (Path p : pdfs) {
      byte[] head = Files.readAllBytes(p);
      assertEquals("%PDF-", new String(head, 0, 5, StandardCharsets.ISO_8859_1), p.toString());
      List<String> text = RealClients.run(List.of("pdftotext", p.toString(), "-"), tmp);
      assertTrue(String.join("", text).contains("政府信息公开工作年度报告"), "the report's text is in " + p);
    }
  }

  @Test
  void killedMergePdfLeavesNoOfficeAndNoTempFolderAfterTheNextRun() throws Exception {
    RealClients.require("soffice");
    Path temp = Files.createDirectories(tmp.resolve("temp"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Process child = java(temp, "merge", "input-samples/gongshu-investment-2021.xlsx", "-o", out.resolve("r.docx").toString(),
        "--format", "pdf");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    boolean officeRunning = false;
    while (System.nanoTime() < deadline && child.isAlive() && !officeRunning) {
      officeRunning = !officeUsers(temp).isEmpty();
      Thread.sleep(20);
    }
    assertTrue(officeRunning && child.isAlive(), "LibreOffice was converting when docmerge was killed");
    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    assertTrue(folders(temp).size() == 1, "the killed run left its folder: " + folders(temp));

    Process next = java(temp, "merge", "input-samples/gongshu-investment-2021.xlsx", "-o", out.resolve("s.docx").toString(),
        "--format", "pdf");
    assertTrue(next.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, next.exitValue(), new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(Files.readString(out.resolve("s.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    assertEquals(List.of(), folders(temp), "the dead run's folder is cleaned and the new run removed its own");
    assertEquals(List.of(), officeUsers(temp), "no LibreOffice is left running");
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("s.pdf"), s.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing else in the output folder (no lock file, no partial PDF)");
    }
  }

  private Process java(Path temp, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + temp, "-cp",
        System.getProperty("java.class.path"), "org.docmerge.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static List<Path> folders(Path temp) throws Exception {
    try (Stream<Path> s = Files.list(temp)) {
      return s.filter(p -> p.getFileName().toString().startsWith(OfficeTemp.PREFIX)).toList();
    }
  }

  private static List<Long> officeUsers(Path temp) {
    String needle = temp.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().map(c -> c.contains(needle) && c.contains("soffice")).orElse(false))
        .map(ProcessHandle::pid).toList();
  }
}
