package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.cli.Main;
import org.docmerge.workbook.TestWorkbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and {@code extract} on Word 97–2003 files as staff meet them: a report saved as .doc (and the same
 * file as WPS names it, .wps) is read; a truncated, password-protected or Word 6.0/95 .doc, an OLE2 file without a
 * Word stream, and a .wps in WPS's own old format each get a Chinese message that says what to do, exit 2, and
 * no workbook. An .xls renamed .doc is still read as the workbook it is.
 */
class WordBinaryHostileTest {
  @TempDir static Path shared;
  static byte[] doc;

  @TempDir Path tmp;

  record Run(int exit, String shown) {}

  @BeforeAll
  static void saveTheSeedAsDoc() throws Exception {
    Path soffice = RealClients.require("soffice");
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    Path docx = shared.resolve("seed.docx");
    Files.write(docx, engine.render(engine.readAny(Path.of("input-samples/gongshu-investment-2021.xlsx")).get()));
    RealClients.run(List.of(soffice.toString(), "-env:UserInstallation=" + shared.resolve("profile").toUri(),
        "--headless", "--convert-to", "doc", "--outdir", shared.toString(), docx.toString()), shared);
    doc = Files.readAllBytes(shared.resolve("seed.doc"));
  }

  Run run(String command, String name, byte[] content) throws Exception {
    Path in = HostileCases.write(tmp, name, content);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
    String[] args = command.equals("extract")
        ? new String[] {"extract", in.toString(), "-o", tmp.resolve("年报数据.xlsx").toString()}
        : new String[] {"check", in.toString()};
    int exit = Main.run(args, p, p);
    return new Run(exit, o.toString(StandardCharsets.UTF_8));
  }

  void refused(String name, byte[] content, String... says) throws Exception {
    for (String command : List.of("check", "extract")) {
      Run r = run(command, name, content);
      assertEquals(2, r.exit(), command + " " + name + ":\n" + r.shown());
      for (String s : says) {
        assertTrue(r.shown().contains(s), command + " " + name + " says 「" + s + "」:\n" + r.shown());
      }
      assertFalse(r.shown().contains("Exception"), r.shown());
      assertFalse(r.shown().contains("Excel 工作簿"), "a report is not blamed for not being a workbook:\n" + r.shown());
      assertFalse(Files.exists(tmp.resolve("年报数据.xlsx")), "no workbook for " + name);
    }
  }

  @Test
  void aReportSavedAsDocIsCheckedAndExtractedAsAReport() throws Exception {
    for (String name : List.of("2021年报.doc", "2021年报.wps", "2021年报")) {
      Run check = run("check", name, doc);
      assertEquals(0, check.exit(), name + ":\n" + check.shown());
      assertFalse(check.shown().contains("Excel"), check.shown());
      Run extract = run("extract", name, doc);
      assertEquals(0, extract.exit(), name + ":\n" + extract.shown());
      assertTrue(Files.exists(tmp.resolve("年报数据.xlsx")));
      Files.delete(tmp.resolve("年报数据.xlsx"));
    }
  }

  @Test
  void aTruncatedDocIsUnreadableNotACrash() throws Exception {
    refused("2021年报.doc", Arrays.copyOf(doc, doc.length / 2), "EXTRACT.UNREADABLE", "另存为 .docx");
    refused("2021年报.doc", Arrays.copyOf(doc, 600), "另存为 .docx");
  }

  @Test
  void aPasswordProtectedDocSaysSo() throws Exception {
    HWPFDocument d = new HWPFDocument(new ByteArrayInputStream(doc));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Biff8EncryptionKey.setCurrentUserPassword("年报2021");
    try {
      d.write(out);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    refused("2021年报.doc", out.toByteArray(), "EXTRACT.UNREADABLE", "密码");
  }

  @Test
  void aPasswordProtectedDocxSaysSoNotThatItIsNoWorkbook() throws Exception {
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    byte[] docx = engine.render(engine.readAny(Path.of("input-samples/gongshu-investment-2021.xlsx")).get());
    POIFSFileSystem fs = new POIFSFileSystem();
    org.apache.poi.poifs.crypt.EncryptionInfo info =
        new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
    org.apache.poi.poifs.crypt.Encryptor enc = info.getEncryptor();
    enc.confirmPassword("年报2021");
    try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(docx));
        var os = enc.getDataStream(fs)) {
      pkg.save(os);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.writeFilesystem(out);
    refused("2021年报.docx", out.toByteArray(), "EXTRACT.UNREADABLE", "密码");
  }

  @Test
  void aWord95DocSaysWhichFormatAndWhatToDo() throws Exception {
    POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc));
    DirectoryNode root = fs.getRoot();
    byte[] wd;
    try (DocumentInputStream in = root.createDocumentInputStream("WordDocument")) {
      wd = in.readAllBytes();
    }
    wd[2] = 0x65; // nFib 101: Word 6.0
    wd[3] = 0;
    root.getEntry("WordDocument").delete();
    root.createDocument("WordDocument", new ByteArrayInputStream(wd));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.writeFilesystem(out);
    refused("2021年报.doc", out.toByteArray(), "EXTRACT.UNREADABLE", "Word 6.0/95", "另存为 .docx");
  }

  @Test
  void anOle2FileWithoutAWordStreamIsNotAReport() throws Exception {
    refused("2021年报.doc", TestWorkbooks.ole2("Contents", 4096), "EXTRACT.NOT_REPORT", "Word");
    refused("2021年报.wps", TestWorkbooks.ole2("Contents", 4096), "EXTRACT.NOT_REPORT", "请在 WPS 中", "另存为", ".docx");
  }

  @Test
  void aWpsFileInWpsOwnFormatSaysToSaveAsDocx() throws Exception {
    byte[] junk = new byte[40_000];
    new Random(11).nextBytes(junk);
    junk[0] = 'W';
    refused("2021年报.wps", junk, "EXTRACT.NOT_REPORT", "请在 WPS 中", ".docx");
  }

  /** Bytes of the Word stream and the table stream changed at random: read or refused, never a crash or a hang. */
  @Test
  void aDocWithDamagedStreamsIsReadOrRefusedNeverACrash() throws Exception {
    Random random = new Random(2021);
    int read = 0;
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc));
      DirectoryNode root = fs.getRoot();
      for (String stream : List.of("WordDocument", root.hasEntry("1Table") ? "1Table" : "0Table")) {
        byte[] b;
        try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
          b = in.readAllBytes();
        }
        for (int k = 0; k < 1 + i % 8; k++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        root.getEntry(stream).delete();
        root.createDocument(stream, new ByteArrayInputStream(b));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      long start = System.nanoTime();
      var r = org.docmerge.report.Reports.read(out.toByteArray(), "damaged" + i + ".doc");
      org.docmerge.Bounded.check(start, "damaged" + i + ".doc");
      if (r.value().isPresent()) {
        read++;
      } else {
        refused++;
        assertEquals("EXTRACT.UNREADABLE", r.diagnostics().get(0).code());
      }
    }
    assertEquals(40, read + refused);
  }

  @Test
  void anXlsRenamedDocIsReadAsTheWorkbookItIs() throws Exception {
    byte[] xls;
    try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("表一").createRow(0).createCell(0).setCellValue("填报单位");
      wb.write(out);
      xls = out.toByteArray();
    }
    Run r = run("check", "2021年报.doc", xls);
    assertTrue(r.exit() == 1 || r.exit() == 2, r.shown());
    assertFalse(r.shown().contains("Exception"), r.shown());
    assertFalse(r.shown().contains("Word"), "an .xls is not taken for a Word document:\n" + r.shown());
  }
}
