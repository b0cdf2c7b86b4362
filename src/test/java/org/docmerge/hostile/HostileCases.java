package org.docmerge.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.docmerge.FuzzZips;
import org.docmerge.output.FolderLock;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.docmerge.workbook.TestWorkbooks;
import org.docmerge.workbook.WorkbookWriter;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds every hostile case of docs/hostile-inputs.md in code (no binary fixtures): each builder writes its
 * files under {@code in/} (and, for output cases, {@code out/}) and returns the CLI arguments that feed them to
 * docmerge. {@code src/test/resources/hostile/expected.tsv} says what each must produce.
 */
final class HostileCases {
  static final ReportSpec SPEC = TestWorkbooks.spec();
  /** A workbook that checks clean and merges: the seed report (拱墅区投资促进局 2021). */
  static final byte[] GOOD = WorkbookWriter.write(SPEC, SampleData.gongshu(SPEC));
  static final byte[] TEMPLATE = FuzzZips.resource("/templates/gov-info-annual-2021/template.docx");

  /** What a builder made: the arguments, and what to undo afterwards (unmount, unlock). */
  record Built(List<String> args, AutoCloseable cleanup) {
    Built(String... args) {
      this(List.of(args), () -> { });
    }
  }

  @FunctionalInterface
  interface Builder {
    Built build(Path in, Path out) throws Exception;
  }

  static final Map<String, Builder> BUILDERS = new LinkedHashMap<>();

  private static void add(String name, Builder b) {
    BUILDERS.put(name, b);
  }

  // ---- helpers ----

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** merge of a workbook given as bytes, into out/报告.docx. */
  static Built mergeBytes(Path in, Path out, String name, byte[] workbook) throws IOException {
    return new Built("merge", write(in, name, workbook).toString(), "-o", out.resolve("报告.docx").toString());
  }

  static Built checkBytes(Path in, String name, byte[] workbook) throws IOException {
    return new Built("check", write(in, name, workbook).toString());
  }

  /** merge of the good workbook with a template given as bytes. */
  static Built mergeWithTemplate(Path in, Path out, byte[] template) throws IOException {
    Path wb = write(in, "年报.xlsx", GOOD);
    Path t = write(in, "模板.docx", template);
    return new Built("merge", wb.toString(), "-t", t.toString(), "-o", out.resolve("报告.docx").toString());
  }

  static byte[] text(String entryText, byte[] zip, String entry) {
    return FuzzZips.replace(zip, entry, entryText.getBytes(StandardCharsets.UTF_8));
  }

  static String entryText(byte[] zip, String entry) {
    return new String(FuzzZips.entry(zip, entry), StandardCharsets.UTF_8);
  }

  static byte[] edited(java.util.function.Consumer<org.apache.poi.xssf.usermodel.XSSFWorkbook> change) {
    return TestWorkbooks.edit(GOOD, change);
  }

  /** Sets a compression method in every local and central header of {@code name} (ZipOutputStream refuses 12, 20). */
  static byte[] method(byte[] zip, String name, int method) {
    byte[] z = zip.clone();
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 46 < z.length; i++) {
      int sig = (z[i] & 0xff) | (z[i + 1] & 0xff) << 8 | (z[i + 2] & 0xff) << 16 | (z[i + 3] & 0xff) << 24;
      int nameAt = sig == 0x04034b50 ? i + 30 : sig == 0x02014b50 ? i + 46 : -1;
      int methodAt = sig == 0x04034b50 ? i + 8 : i + 10;
      if (nameAt > 0 && nameAt + n.length <= z.length && java.util.Arrays.equals(z, nameAt, nameAt + n.length, n, 0, n.length)) {
        z[methodAt] = (byte) method;
        z[methodAt + 1] = 0;
      }
    }
    return z;
  }

  /** The zip with a second entry of the same name (commons-compress writes it; java.util.zip refuses). */
  static byte[] duplicate(byte[] zip, String name, byte[] second) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out);
        ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        z.putArchiveEntry(new ZipArchiveEntry(e.getName()));
        z.write(in.readAllBytes());
        z.closeArchiveEntry();
      }
      z.putArchiveEntry(new ZipArchiveEntry(name));
      z.write(second);
      z.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  static Cell cell(org.apache.poi.xssf.usermodel.XSSFWorkbook wb, String id) {
    return TestWorkbooks.cell(wb, SPEC, id);
  }

  /** Mounts a tmpfs (root only); skips the case where mounting is not permitted. */
  static AutoCloseable mount(Path dir, String options) throws Exception {
    Files.createDirectories(dir);
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
        .redirectErrorStream(true).start();
    String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs here: " + msg);
    return () -> new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor();
  }

  static final String BILLION_LAUGHS = "<!DOCTYPE x [<!ENTITY lol \"lol\">"
      + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
      + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
      + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
      + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
      + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">]>";

  /** Puts a DOCTYPE before the root element of an XML part. */
  static String withDoctype(String xml, String root, String doctype) {
    int at = xml.indexOf("<" + root);
    return xml.substring(0, at) + doctype + xml.substring(at);
  }

  static byte[] templateBody(String paragraphXml) {
    String doc = entryText(TEMPLATE, "word/document.xml");
    int body = doc.indexOf("<w:body>") + "<w:body>".length();
    return text(doc.substring(0, body) + paragraphXml + doc.substring(body), TEMPLATE, "word/document.xml");
  }

  /** A template whose body starts with a table nested {@code depth} deep, a paragraph in every cell (a 10 KB file at 5,000). */
  static byte[] nestedTables(int depth) {
    String open = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>层</w:t></w:r></w:p>";
    String close = "<w:p/></w:tc></w:tr></w:tbl>";
    return templateBody(open.repeat(depth) + "<w:p><w:r><w:t>深处</w:t></w:r></w:p>" + close.repeat(depth).replaceFirst("<w:p/>", ""));
  }

  /** A complex field whose instruction Word split over several runs, as {@code pieces}. */
  static byte[] splitField(String... pieces) {
    StringBuilder p = new StringBuilder("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>");
    for (String piece : pieces) {
      p.append("<w:r><w:instrText xml:space=\"preserve\">").append(piece).append("</w:instrText></w:r>");
    }
    p.append("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>结果</w:t></w:r>")
        .append("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
    return templateBody(p.toString());
  }

  /** The template with one more relationship in {@code relsEntry} (created when missing). */
  static byte[] withRelationship(byte[] docx, String relsEntry, String relationship) {
    String rels;
    try {
      rels = entryText(docx, relsEntry);
    } catch (RuntimeException | AssertionError missing) {
      rels = null;
    }
    if (rels == null || rels.isEmpty()) {
      rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>";
    }
    return text(rels.replace("</Relationships>", relationship + "</Relationships>"), docx, relsEntry);
  }

  static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

  /** A template showing an image linked (not embedded) from {@code url}: Word and LibreOffice fetch it. */
  static byte[] remoteImage(String url) {
    byte[] t = withRelationship(TEMPLATE, "word/_rels/document.xml.rels",
        "<Relationship Id=\"rIdImg\" Type=\"" + REL + "image\" Target=\"" + url + "\" TargetMode=\"External\"/>");
    String drawing = "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
        + "<wp:extent cx=\"952500\" cy=\"952500\"/><wp:docPr id=\"1\" name=\"图片 1\"/>"
        + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"x.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
        + "<pic:blipFill><a:blip r:link=\"rIdImg\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"952500\" cy=\"952500\"/></a:xfrm><a:prstGeom prst=\"rect\"/></pic:spPr></pic:pic>"
        + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    String doc = entryText(t, "word/document.xml");
    int body = doc.indexOf("<w:body>") + "<w:body>".length();
    return text(doc.substring(0, body) + drawing + doc.substring(body), t, "word/document.xml");
  }

  /** An altChunk: an HTML part Word imports when the document opens, with a remote image in it. */
  static byte[] altChunk() {
    byte[] t = withRelationship(TEMPLATE, "word/_rels/document.xml.rels",
        "<Relationship Id=\"rIdAlt\" Type=\"" + REL + "aFChunk\" Target=\"chunk.html\"/>");
    t = text(entryText(t, "[Content_Types].xml").replace("</Types>",
        "<Override PartName=\"/word/chunk.html\" ContentType=\"text/html\"/></Types>"), t, "[Content_Types].xml");
    t = FuzzZips.replace(t, "word/chunk.html",
        "<html><body><p>外部</p><img src=\"http://127.0.0.1:9/x.png\"></body></html>".getBytes(StandardCharsets.UTF_8));
    String doc = entryText(t, "word/document.xml");
    int body = doc.indexOf("<w:body>") + "<w:body>".length();
    return text(doc.substring(0, body) + "<w:altChunk r:id=\"rIdAlt\"/>" + doc.substring(body), t, "word/document.xml");
  }

  /** settings.xml attaching a template from a web server (fetched by Word when the report opens). */
  static byte[] remoteAttachedTemplate() {
    byte[] t = withRelationship(TEMPLATE, "word/_rels/settings.xml.rels",
        "<Relationship Id=\"rIdT\" Type=\"" + REL + "attachedTemplate\" Target=\"http://127.0.0.1:9/normal.dotm\" TargetMode=\"External\"/>");
    String settings = entryText(t, "word/settings.xml");
    int at = settings.indexOf(">", settings.indexOf("<w:settings")) + 1;
    String withNs = settings.substring(0, at) + "<w:attachedTemplate r:id=\"rIdT\"/>" + settings.substring(at);
    if (!withNs.contains("xmlns:r=")) {
      withNs = withNs.replaceFirst("<w:settings ", "<w:settings xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ");
    }
    return text(withNs, t, "word/settings.xml");
  }

  static {
    // ---- B1 container and format: the workbook ----
    add("empty", (in, out) -> mergeBytes(in, out, "年报.xlsx", new byte[0]));
    add("csv-renamed", (in, out) -> mergeBytes(in, out, "年报.xlsx", "项目,数量\n本年新收,3\n".getBytes(StandardCharsets.UTF_8)));
    add("html-as-xls", (in, out) -> mergeBytes(in, out, "年报.xls",
        "<html><body><table><tr><td>本年新收</td><td>3</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8)));
    add("xls-renamed-xlsx", (in, out) -> checkBytes(in, "年报.xlsx", TestWorkbooks.toXls(GOOD)));
    add("biff5", (in, out) -> mergeBytes(in, out, "年报.xls", TestWorkbooks.ole2("Book", 4096)));
    add("word-doc-as-xls", (in, out) -> mergeBytes(in, out, "年报.xls", TestWorkbooks.ole2("WordDocument", 4096)));
    add("truncated-xlsx", (in, out) -> mergeBytes(in, out, "年报.xlsx", java.util.Arrays.copyOf(GOOD, GOOD.length / 2)));
    add("truncated-xls", (in, out) -> {
      byte[] xls = TestWorkbooks.toXls(GOOD);
      return mergeBytes(in, out, "年报.xls", java.util.Arrays.copyOf(xls, xls.length / 2));
    });
    add("encrypted", (in, out) -> mergeBytes(in, out, "年报.xlsx", TestWorkbooks.encrypted(GOOD, "123456")));
    add("xlsb", (in, out) -> mergeBytes(in, out, "年报.xlsx", FuzzZips.replace(GOOD, "xl/workbook.bin", new byte[64])));
    add("xlsm-macros", (in, out) -> {
      byte[] withTypes = text(entryText(GOOD, "[Content_Types].xml").replace("<Default ",
          "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default "), GOOD, "[Content_Types].xml");
      return checkBytes(in, "年报.xlsm", FuzzZips.replace(withTypes, "xl/vbaProject.bin", new byte[512]));
    });
    add("zip-bomb", (in, out) -> mergeBytes(in, out, "年报.xlsx",
        FuzzZips.replace(GOOD, "xl/worksheets/sheet1.xml", new byte[5 << 20])));
    add("huge-sheet", (in, out) -> mergeBytes(in, out, "年报.xlsx",
        text(TestWorkbooks.hugeSheet(entryText(GOOD, "xl/worksheets/sheet3.xml")), GOOD, "xl/worksheets/sheet3.xml")));
    add("many-entries", (in, out) -> {
      byte[] z = GOOD;
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (ZipOutputStream zo = new ZipOutputStream(b); ZipInputStream zi = new ZipInputStream(new ByteArrayInputStream(z))) {
        for (ZipEntry e; (e = zi.getNextEntry()) != null; ) {
          zo.putNextEntry(new ZipEntry(e.getName()));
          zo.write(zi.readAllBytes());
        }
        for (int i = 0; i < 1001; i++) {
          zo.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
          zo.write("<a/>".getBytes(StandardCharsets.UTF_8));
        }
      }
      return mergeBytes(in, out, "年报.xlsx", b.toByteArray());
    });
    add("duplicate-entry", (in, out) -> mergeBytes(in, out, "年报.xlsx",
        duplicate(GOOD, "xl/worksheets/sheet3.xml", FuzzZips.entry(GOOD, "xl/worksheets/sheet3.xml"))));
    add("zip-slip-entry", (in, out) -> mergeBytes(in, out, "年报.xlsx", FuzzZips.replace(GOOD, "../../evil.xml", new byte[] {'<', 'a', '/', '>'})));
    add("template-zip-slip-entry", (in, out) -> mergeWithTemplate(in, out, FuzzZips.replace(TEMPLATE, "word/..\\..\\evil.xml", new byte[] {'<', 'a', '/', '>'})));
    add("zstd-entry", (in, out) -> mergeBytes(in, out, "年报.xlsx", method(GOOD, "xl/styles.xml", 20)));
    add("bzip2-entry", (in, out) -> mergeBytes(in, out, "年报.xlsx", method(GOOD, "xl/styles.xml", 12)));

    // ---- B2 XML level ----
    add("xxe-workbook", (in, out) -> mergeBytes(in, out, "年报.xlsx", text(withDoctype(entryText(GOOD, "xl/workbook.xml"),
        "workbook", "<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>").replace("<sheets>", "<sheets>&xxe;"),
        GOOD, "xl/workbook.xml")));
    add("billion-laughs-strings", (in, out) -> mergeBytes(in, out, "年报.xlsx", text(withDoctype(
        entryText(GOOD, "xl/sharedStrings.xml"), "sst", BILLION_LAUGHS).replaceFirst("<t>", "<t>&lol7;"),
        GOOD, "xl/sharedStrings.xml")));
    add("cell-too-long", (in, out) -> {
      byte[] marked = edited(wb -> {
        Sheet s = wb.getSheet(SPEC.proseSheet());
        for (Row r : s) {
          Cell c = r.getCell(0);
          if (c != null && "导语".equals(c.getStringCellValue())) {
            r.getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("HUGEPLACEHOLDER");
          }
        }
      });
      String strings = entryText(marked, "xl/sharedStrings.xml").replace("HUGEPLACEHOLDER", "长".repeat(40_000));
      return mergeBytes(in, out, "年报.xlsx", text(strings, marked, "xl/sharedStrings.xml"));
    });

    // ---- B3 workbook content ----
    add("sheet-renamed", (in, out) -> mergeBytes(in, out, "年报.xlsx",
        edited(wb -> wb.setSheetName(wb.getSheetIndex(SPEC.tables().get(1).sheet()), "Sheet1"))));
    add("hidden-sheet", (in, out) -> checkBytes(in, "年报.xlsx",
        edited(wb -> wb.setSheetHidden(wb.getSheetIndex(SPEC.tables().get(0).sheet()), true))));
    add("huge-number", (in, out) -> mergeBytes(in, out, "年报.xlsx", edited(wb -> cell(wb, "t3.new.natural").setCellValue(1e308))));
    add("formula-error", (in, out) -> mergeBytes(in, out, "年报.xlsx", edited(wb -> cell(wb, "t3.new.natural").setCellFormula("1/0"))));
    add("external-link", (in, out) -> {
      byte[] marked = edited(wb -> cell(wb, "t3.new.natural").setCellFormula("1/7"));
      for (int i = 1; i <= 5; i++) {
        String sheet = "xl/worksheets/sheet" + i + ".xml";
        String xml = entryText(marked, sheet);
        if (xml.contains("<f>1/7</f>")) {
          return mergeBytes(in, out, "年报.xlsx", text(xml.replace("<f>1/7</f>", "<f>[1]Sheet1!A1</f>"), marked, sheet));
        }
      }
      throw new IllegalStateException("formula not found");
    });
    add("merged-data", (in, out) -> mergeBytes(in, out, "年报.xlsx", edited(wb -> {
      Cell c = cell(wb, "t3.new.natural");
      c.getSheet().addMergedRegion(new CellRangeAddress(c.getRowIndex(), c.getRowIndex(), c.getColumnIndex(), c.getColumnIndex() + 1));
    })));
    add("too-many-rows", (in, out) -> mergeBytes(in, out, "年报.xlsx", edited(wb -> {
      Sheet s = wb.getSheet(SPEC.proseSheet());
      int last = s.getLastRowNum();
      for (int r = 1; r <= 10_001; r++) {
        s.createRow(last + r).setHeightInPoints(20);
      }
    })));

    // ---- B4 template ----
    add("template-empty", (in, out) -> mergeWithTemplate(in, out, new byte[0]));
    add("template-duplicate-entry", (in, out) -> mergeWithTemplate(in, out,
        duplicate(TEMPLATE, "word/document.xml", FuzzZips.entry(TEMPLATE, "word/document.xml"))));
    add("template-bzip2-entry", (in, out) -> mergeWithTemplate(in, out, method(TEMPLATE, "word/styles.xml", 12)));
    add("template-xxe", (in, out) -> mergeWithTemplate(in, out, text(withDoctype(entryText(TEMPLATE, "word/document.xml"),
        "w:document", "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"), TEMPLATE, "word/document.xml")));
    add("template-billion-laughs", (in, out) -> mergeWithTemplate(in, out, text(withDoctype(
        entryText(TEMPLATE, "word/document.xml"), "w:document", BILLION_LAUGHS.replace("DOCTYPE x", "DOCTYPE w:document")),
        TEMPLATE, "word/document.xml")));
    add("template-unclosed-tag", (in, out) -> mergeWithTemplate(in, out, templateBody("<w:p><w:r><w:t>{{agency</w:t></w:r></w:p>")));
    add("template-misspelt-tag", (in, out) -> mergeWithTemplate(in, out, templateBody("<w:p><w:r><w:t>{{agncy}}</w:t></w:r></w:p>")));
    add("template-is-fifo", (in, out) -> {
      Path wb = write(in, "年报.xlsx", GOOD);
      Path fifo = in.resolve("模板.docx");
      Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
      return new Built("merge", wb.toString(), "-t", fifo.toString(), "-o", out.resolve("报告.docx").toString());
    });
    add("workbook-is-folder", (in, out) -> {
      Path dir = Files.createDirectories(in.resolve("年报.xlsx"));
      return new Built("check", dir.toString());
    });
    add("template-is-doc", (in, out) -> mergeWithTemplate(in, out, TestWorkbooks.ole2("WordDocument", 4096)));
    add("template-is-xlsx", (in, out) -> mergeWithTemplate(in, out, GOOD));
    add("template-is-docm", (in, out) -> mergeWithTemplate(in, out, text(entryText(TEMPLATE, "[Content_Types].xml").replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml"), TEMPLATE, "[Content_Types].xml")));
    add("template-style-cycle", (in, out) -> mergeWithTemplate(in, out, text(entryText(TEMPLATE, "word/styles.xml").replace("</w:styles>",
        "<w:style w:type=\"paragraph\" w:styleId=\"CycA\"><w:name w:val=\"CycA\"/><w:basedOn w:val=\"CycB\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"CycB\"><w:name w:val=\"CycB\"/><w:basedOn w:val=\"CycA\"/></w:style></w:styles>"),
        TEMPLATE, "word/styles.xml")));
    add("template-ddeauto", (in, out) -> mergeWithTemplate(in, out, templateBody(
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\" </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")));

    add("template-nested-tables", (in, out) -> mergeWithTemplate(in, out, nestedTables(5_000)));
    add("inspect-nested-tables", (in, out) -> new Built("inspect", write(in, "模板.docx", nestedTables(5_000)).toString()));
    add("template-split-includetext", (in, out) -> mergeWithTemplate(in, out,
        splitField(" INCLU", "DETEXT \"file:///etc/pas", "swd\" ")));
    add("inspect-split-includetext", (in, out) -> new Built("inspect",
        write(in, "模板.docx", splitField(" INCLU", "DETEXT \"file:///etc/pas", "swd\" ")).toString()));
    add("template-split-includepicture", (in, out) -> mergeWithTemplate(in, out,
        splitField(" INCLUDE", "PICTURE \"http://127.0.0.1:9/x.png\" \\d ")));
    add("template-split-dde", (in, out) -> mergeWithTemplate(in, out, splitField(" D", "DE cmd \"/c calc\" ")));
    add("template-remote-image", (in, out) -> mergeWithTemplate(in, out, remoteImage("http://127.0.0.1:9/x.png")));
    add("inspect-remote-image", (in, out) -> new Built("inspect",
        write(in, "模板.docx", remoteImage("file:///etc/passwd")).toString()));
    add("template-altchunk", (in, out) -> mergeWithTemplate(in, out, altChunk()));
    add("template-remote-attached-template", (in, out) -> mergeWithTemplate(in, out, remoteAttachedTemplate()));

    // ---- Issue 15 (round two): workbook and output ----
    add("strict-ooxml", (in, out) -> {
      byte[] strict = text(entryText(GOOD, "_rels/.rels").replace(
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"), GOOD, "_rels/.rels");
      String wbXml = entryText(strict, "xl/workbook.xml")
          .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
          .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships");
      return mergeBytes(in, out, "年报.xlsx", text(wbXml, strict, "xl/workbook.xml"));
    });
    add("circular-reference", (in, out) -> mergeBytes(in, out, "年报.xlsx", edited(wb -> {
      Cell c = cell(wb, "t3.new.natural");
      c.setCellFormula(new org.apache.poi.ss.util.CellReference(c).formatAsString(false));
    })));
    add("extract-random-bytes", (in, out) -> {
      byte[] junk = new byte[1 << 20];
      new java.util.Random(15).nextBytes(junk);
      junk[0] = 'x';
      return new Built("extract", write(in, "报告.txt", junk).toString(), "-o", out.resolve("年报数据.xlsx").toString());
    });
    add("extract-utf16-without-bom", (in, out) -> new Built("extract",
        write(in, "报告.txt", org.docmerge.TestReports.seedText().getBytes(StandardCharsets.UTF_16LE)).toString(),
        "-o", out.resolve("年报数据.xlsx").toString()));
    add("output-name-too-long", (in, out) -> {
      Path wb = write(in, "年报.xlsx", GOOD);
      return new Built("merge", wb.toString(), "-o", out.resolve("某".repeat(86) + "报告.docx").toString());
    });

    // ---- B5 output ----
    add("output-exists", (in, out) -> {
      write(out, "报告.docx", "上次生成的报告".getBytes(StandardCharsets.UTF_8));
      return mergeBytes(in, out, "年报.xlsx", GOOD);
    });
    add("init-output-exists", (in, out) -> {
      Path old = write(out, "年报数据.xlsx", GOOD);
      return new Built("init", "-o", old.toString());
    });
    add("output-is-input", (in, out) -> {
      Path wb = write(in, "年报.xlsx", GOOD);
      return new Built("merge", wb.toString(), "-o", wb.toString());
    });
    add("output-is-input-hardlink", (in, out) -> {
      Path wb = write(in, "年报.xlsx", GOOD);
      Path link = Files.createLink(out.resolve("报告.docx"), wb);
      return new Built("merge", wb.toString(), "-o", link.toString(), "--overwrite");
    });
    add("output-folder-read-only", (in, out) -> {
      Path ro = out.resolve("ro");
      AutoCloseable unmount = mount(ro, "ro,size=1m");
      Path wb = write(in, "年报.xlsx", GOOD);
      return new Built(List.of("merge", wb.toString(), "-o", ro.resolve("报告.docx").toString()), unmount);
    });
    add("disk-full", (in, out) -> {
      Path full = out.resolve("full");
      AutoCloseable unmount = mount(full, "size=256k");
      Files.write(full.resolve("报告.docx"), "上次生成的报告".getBytes(StandardCharsets.UTF_8));
      try (OutputStream o = Files.newOutputStream(full.resolve("filler.bin"))) {
        byte[] block = new byte[4096];
        while (true) {
          o.write(block);
          o.flush();
        }
      } catch (IOException expected) {
        // the file system is full now
      }
      Path wb = write(in, "年报.xlsx", GOOD);
      return new Built(List.of("merge", wb.toString(), "-o", full.resolve("报告.docx").toString(), "--overwrite"), unmount);
    });
    add("output-folder-locked", (in, out) -> {
      FolderLock lock = FolderLock.acquire(out, Duration.ZERO).orElseThrow();
      Path wb = write(in, "年报.xlsx", GOOD);
      return new Built(List.of("merge", wb.toString(), "-o", out.resolve("报告.docx").toString()), lock);
    });
  }

  private HostileCases() {}

  static List<String> names() {
    return new ArrayList<>(BUILDERS.keySet());
  }
}
