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

  @Test
  void aConversionNeverFetchesALinkedImage() throws Exception {
    Path soffice = RealClients.require("soffice");
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(200);
      java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
      Thread listener = new Thread(() -> {
        while (!server.isClosed()) {
          try (java.net.Socket s = server.accept()) {
            connections.incrementAndGet();
          } catch (java.net.SocketTimeoutException again) {
            // keep listening
          } catch (java.io.IOException closed) {
            return;
          }
        }
      });
      listener.setDaemon(true);
      listener.start();
      byte[] docx = withRemoteImage(seedReport(), "http://127.0.0.1:" + server.getLocalPort() + "/logo.png");
      try (PdfConverter c = new PdfConverter(java.util.Optional.of(soffice), java.time.Duration.ofSeconds(120), 1,
          PdfConverter.defaultEnvironment(), Files.createDirectories(tmp.resolve("temp")))) {
        var pdf = c.convert(docx, "远程图片.docx");
        assertTrue(pdf.value().isPresent(), pdf.diagnostics().toString());
      }
      Thread.sleep(300);
      assertEquals(0, connections.get(), "LibreOffice requested the linked image from the network");
    }
  }

  @Test
  void concurrentCallersShareTheWorkersAndCloseLeavesNothing() throws Exception {
    Path soffice = RealClients.require("soffice");
    Path temp = Files.createDirectories(tmp.resolve("temp"));
    byte[] docx = seedReport();
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
    try (PdfConverter c = new PdfConverter(java.util.Optional.of(soffice), java.time.Duration.ofSeconds(120), 2,
        PdfConverter.defaultEnvironment(), temp)) {
      List<java.util.concurrent.Future<org.docmerge.diag.Result<byte[]>>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "报告" + i + ".docx";
        futures.add(callers.submit(() -> c.convert(docx, name)));
      }
      for (var f : futures) {
        var pdf = f.get(180, TimeUnit.SECONDS);
        assertTrue(pdf.value().isPresent(), pdf.diagnostics().toString());
        assertEquals("%PDF-", new String(pdf.get(), 0, 5, StandardCharsets.ISO_8859_1));
      }
      assertEquals(1, folders(temp).size(), "one folder for this converter while it lives");
    } finally {
      callers.shutdownNow();
    }
    assertEquals(List.of(), folders(temp), "close removes the converter's folder");
    assertEquals(List.of(), officeUsers(temp), "and no LibreOffice is left running");
  }

  /** The seed sample's report. */
  private static byte[] seedReport() {
    var engine = org.docmerge.Docmerge.open("gov-info-annual-2021").get();
    var checked = engine.check(Path.of("input-samples/gongshu-investment-2021.xlsx"), org.docmerge.validate.Validator.Options.DEFAULT);
    return engine.render(checked.data().orElseThrow());
  }

  /** {@code docx} with an image at the top of the body that is linked (not embedded) from {@code url}. */
  static byte[] withRemoteImage(byte[] docx, String url) throws Exception {
    String drawing = "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
        + "<wp:extent cx=\"952500\" cy=\"952500\"/><wp:docPr id=\"901\" name=\"remote\"/>"
        + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"901\" name=\"logo.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
        + "<pic:blipFill><a:blip xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:link=\"rIdRemote901\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"952500\" cy=\"952500\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
        + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    String rel = "<Relationship Id=\"rIdRemote901\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
        + "Target=\"" + url + "\" TargetMode=\"External\"/></Relationships>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String x = new String(data, StandardCharsets.UTF_8);
          int at = x.indexOf("<w:body>") + "<w:body>".length();
          data = (x.substring(0, at) + drawing + x.substring(at)).getBytes(StandardCharsets.UTF_8);
        } else if (e.getName().equals("word/_rels/document.xml.rels")) {
          data = new String(data, StandardCharsets.UTF_8).replace("</Relationships>", rel).getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        z.write(data);
        z.closeEntry();
      }
    }
    return out.toByteArray();
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
