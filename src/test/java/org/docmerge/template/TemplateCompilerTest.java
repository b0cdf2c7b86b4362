package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.report.docx.DocxText;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tags in tables, footers and text boxes are found, repaired and filled; broken templates get one clear code. */
class TemplateCompilerTest {
  static ReportSpec spec;

  @BeforeAll
  static void loadSpec() {
    spec = SeedReport.kind().spec();
  }

  static Result<PreparedTemplate> compile(byte[] docx) {
    return TemplateCompiler.compile(docx, "模板.docx", spec);
  }

  static PreparedTemplate ok(byte[] docx) {
    Result<PreparedTemplate> r = compile(docx);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.get();
  }

  static List<Diagnostic> errors(Result<?> r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
  }

  static Diagnostic onlyError(byte[] docx, String code) {
    Result<PreparedTemplate> r = compile(docx);
    List<Diagnostic> errors = errors(r);
    assertTrue(r.value().isEmpty());
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(code, errors.get(0).code(), errors::toString);
    return errors.get(0);
  }

  static String entry(byte[] docx, String name) throws Exception {
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no entry " + name);
  }

  static final String SPLIT_RUNS = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>（{{</w:t></w:r>"
      + "<w:r><w:rPr><w:i/></w:rPr><w:t>t3.new.</w:t></w:r>"
      + "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t>natural}}）</w:t></w:r></w:p>";

  @Test
  void splitTagsInATableCellAFooterAndATextBoxAreFilledWithTheFirstRunsFormatting() throws Exception {
    String cell = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr><w:tc>" + SPLIT_RUNS + "</w:tc></w:tr></w:tbl>";
    String textBox = "<w:p><w:r><w:pict><v:shape style=\"width:100pt;height:40pt\"><v:textbox><w:txbxContent>"
        + "<w:p><w:r><w:rPr><w:color w:val=\"FF0000\"/></w:rPr><w:t>{{ye</w:t></w:r><w:r><w:t>ar}}年</w:t></w:r></w:p>"
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";
    byte[] docx = MiniDocx.body(cell + textBox)
        .footer("<w:p><w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:t>{{ag</w:t></w:r><w:r><w:t>ency}}</w:t></w:r></w:p>")
        .bytes();
    PreparedTemplate t = ok(docx);
    assertEquals(List.of("t3.new.natural", "year", "agency"), t.tags().stream().map(TagUse::name).collect(Collectors.toList()));
    assertEquals("正文 表1 第1行 第1格", t.tags().get(0).location());
    assertEquals("正文 文本框", t.tags().get(1).location());
    assertEquals("页脚(footer1.xml) 第1段", t.tags().get(2).location());

    byte[] out = t.render(Map.of("t3.new.natural", "17", "year", "2021", "agency", "拱墅区投资促进局"), Map.of());
    String doc = entry(out, "word/document.xml");
    String footer = entry(out, "word/footer1.xml");
    assertTrue(doc.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">（17</w:t></w:r>"), doc);
    assertTrue(doc.contains("<w:rPr><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">）</w:t>"), doc);
    assertFalse(doc.contains("<w:i/>"), "the middle run held only tag text and is gone");
    assertTrue(doc.contains("<w:rPr><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\">2021</w:t>"), doc);
    assertTrue(footer.contains("<w:rPr><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">拱墅区投资促进局</w:t>"), footer);
    assertFalse(doc.contains("{{") || footer.contains("{{"));
    assertEquals(List.of("（17）"), DocxText.lines(out));
  }

  @Test
  void blockTagBecomesOneParagraphPerLineWithItsParagraphAndRunProperties() throws Exception {
    byte[] docx = MiniDocx.body("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{{ intro }}</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>{{other}}</w:t></w:r></w:p><w:p><w:r><w:t>{{overview}}</w:t></w:r></w:p>").bytes();
    PreparedTemplate t = ok(docx);
    assertEquals(TagUse.Kind.BLOCK, t.tags().get(0).kind());
    byte[] out = t.render(Map.of(), Map.of("intro", List.of("第一段", "第二段"), "other", List.of(), "overview", List.of()));
    String doc = entry(out, "word/document.xml");
    assertTrue(doc.contains("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">第二段</w:t></w:r></w:p>"), doc);
    // other has empty text 「无」 in the spec; overview has none, so its paragraph stays, empty.
    assertEquals(List.of("第一段", "第二段", "无"), DocxText.lines(out));
    assertEquals(4, doc.split("<w:p>", -1).length - 1);
  }

  @Test
  void aBlockTagEndingASectionKeepsTheSectionBreakOnlyOnItsLastParagraph() throws Exception {
    byte[] docx = MiniDocx.body("<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:pPr><w:r><w:t>{{intro}}</w:t></w:r></w:p>"
        + MiniDocx.p("后")).bytes();
    String doc = entry(ok(docx).render(Map.of(), Map.of("intro", List.of("一", "二", "三"))), "word/document.xml");
    assertEquals(2, doc.split("<w:sectPr>", -1).length - 1, doc); // this one and the body's own
    assertTrue(doc.contains("三</w:t></w:r></w:p>") && doc.indexOf("<w:sectPr>") > doc.indexOf(">二<"), doc);
  }

  @Test
  void missingValueIsRefusedRatherThanLeavingATag() {
    PreparedTemplate t = ok(MiniDocx.body(MiniDocx.p("{{agency}}")).bytes());
    assertThrows(IllegalArgumentException.class, () -> t.render(Map.of(), Map.of()));
  }

  @Test
  void unusedSpecNamesAreReportedOnePerNameAndOnePerTable() {
    Result<PreparedTemplate> r = compile(MiniDocx.body(MiniDocx.p("{{agency}}")).bytes());
    long unused = r.diagnostics().stream().filter(d -> d.code().equals(TemplateCodes.UNUSED)).count();
    assertEquals(spec.fields().size() + spec.sections().size() - 1, unused);
    List<String> missing = r.diagnostics().stream().filter(d -> d.code().equals(TemplateCodes.MISSING_CELL))
        .map(Diagnostic::message).toList();
    assertEquals(3, missing.size(), missing.toString()); // 表二, 表三, 表四: one line each, not 200
    assertTrue(missing.get(1).startsWith("表三 有 175 个数字在模板中没有标签"), missing.get(1));
    assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError));
  }

  // ------------------------------------------------------------------ template errors

  @Test
  void misspelledTagNamesItsPlaceAndSuggestsTheRightName() {
    String cell = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
        + "<w:tr><w:tc>" + MiniDocx.p("a") + "</w:tc><w:tc>" + MiniDocx.p("b") + "</w:tc></w:tr>"
        + "<w:tr><w:tc>" + MiniDocx.p("c") + "</w:tc><w:tc>" + MiniDocx.p("{{t3.new.natual}}") + "</w:tc></w:tr></w:tbl>";
    Diagnostic d = onlyError(MiniDocx.body(cell).bytes(), TemplateCodes.UNKNOWN_TAG);
    assertEquals("正文 表1 第2行 第2格", d.location().detail());
    assertEquals("模板.docx", d.location().file());
    assertEquals("模板中的标签 {{t3.new.natual}} 不存在，是否想写 {{t3.new.natural}}？位置：正文 表1 第2行 第2格", d.message());
  }

  @Test
  void unclosedTagIsASyntaxError() {
    Diagnostic d = onlyError(MiniDocx.body(MiniDocx.p("x") + MiniDocx.p("（{{agency）")).bytes(), TemplateCodes.SYNTAX);
    assertEquals("正文 第2段", d.location().detail());
  }

  @Test
  void loneClosingBracesAreASyntaxError() {
    onlyError(MiniDocx.body(MiniDocx.p("agency}}")).bytes(), TemplateCodes.SYNTAX);
  }

  @Test
  void braceLeftInAFieldCodeIsASyntaxErrorBecauseItCouldNotBeReplaced() {
    String field = "<w:p><w:r><w:instrText xml:space=\"preserve\"> MERGEFIELD {{agency}} </w:instrText></w:r></w:p>";
    onlyError(MiniDocx.body(MiniDocx.p("{{year}}") + field).bytes(), TemplateCodes.SYNTAX);
  }

  @Test
  void blockTagSharingItsParagraphIsRefused() {
    onlyError(MiniDocx.body(MiniDocx.p("导语：{{intro}}")).bytes(), TemplateCodes.BLOCK_NOT_ALONE);
  }

  @Test
  void emptyFile() {
    onlyError(new byte[0], TemplateCodes.EMPTY);
  }

  @Test
  void oldWordDocHtmlAndTextAreNotDocx() {
    byte[] ole2 = new byte[512];
    byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    System.arraycopy(magic, 0, ole2, 0, magic.length);
    assertTrue(onlyError(ole2, TemplateCodes.NOT_DOCX).message().contains(".doc"));
    assertTrue(onlyError("<html><body>报告</body></html>".getBytes(StandardCharsets.UTF_8), TemplateCodes.NOT_DOCX).message().contains("HTML"));
    onlyError("2021年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8), TemplateCodes.NOT_DOCX);
  }

  @Test
  void excelWorkbookAndMacroDocumentAreNotDocx() {
    Map<String, String> xlsx = new java.util.LinkedHashMap<>();
    xlsx.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
    xlsx.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    xlsx.put("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
    assertTrue(onlyError(MiniDocx.zip(xlsx), TemplateCodes.NOT_DOCX).message().contains("Excel"));
    byte[] docm = MiniDocx.body(MiniDocx.p("x")).mainType("application/vnd.ms-word.document.macroEnabled.main+xml").bytes();
    assertTrue(onlyError(docm, TemplateCodes.NOT_DOCX).message().contains(".docm"));
  }

  @Test
  void duplicateEntryNamesAreSuspicious() {
    Map<String, String> parts = MiniDocx.body(MiniDocx.p("{{agency}}")).parts();
    parts.put("word/documenX.xml", parts.get("word/document.xml").replace("{{agency}}", "{{year}}"));
    byte[] dup = MiniDocx.patch(MiniDocx.zip(parts), "word/documenX.xml", "word/document.xml", -1);
    assertTrue(onlyError(dup, TemplateCodes.SUSPICIOUS_ZIP).message().contains("word/document.xml"));
  }

  @Test
  void bzip2CompressionIsUnsupported() {
    byte[] bz = MiniDocx.patch(MiniDocx.body(MiniDocx.p("{{agency}}")).bytes(), "word/document.xml", null, 12);
    assertTrue(onlyError(bz, TemplateCodes.UNSUPPORTED_ZIP).message().contains("12"));
  }

  @Test
  void zipBombIsSuspicious() {
    String padding = "<w:p/>".repeat(400_000); // 2.4 MB of one repeated tag compresses far below 1 %
    onlyError(MiniDocx.body(MiniDocx.p("{{agency}}") + padding).bytes(), TemplateCodes.SUSPICIOUS_ZIP);
  }

  @Test
  void truncatedDownloadIsRejected() {
    byte[] full = MiniDocx.body(MiniDocx.p("{{agency}}")).bytes();
    byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
    onlyError(cut, TemplateCodes.UNSUPPORTED_ZIP);
  }

  @Test
  void externalEntityInTheDocumentIsCorrupt() {
    MiniDocx m = MiniDocx.body(MiniDocx.p("&xxe;{{agency}}"));
    m.documentXml = m.documentXml.replace("<w:document ",
        "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]><w:document ");
    onlyError(m.bytes(), TemplateCodes.CORRUPT);
  }

  @Test
  void billionLaughsInTheDocumentIsCorrupt() {
    MiniDocx m = MiniDocx.body(MiniDocx.p("&lol3;"));
    m.documentXml = m.documentXml.replace("<w:document ", "<!DOCTYPE w:document [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><w:document ");
    onlyError(m.bytes(), TemplateCodes.CORRUPT);
  }

  @Test
  void cyclicStylesAreRefusedBeforeAnythingResolvesThem() {
    String styles = "<w:styles " + MiniDocx.NS + ">"
        + "<w:style w:type=\"paragraph\" w:styleId=\"A\"><w:name w:val=\"A\"/><w:basedOn w:val=\"B\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"B\"><w:name w:val=\"B\"/><w:basedOn w:val=\"A\"/></w:style></w:styles>";
    Diagnostic d = onlyError(MiniDocx.body("<w:p><w:pPr><w:pStyle w:val=\"A\"/></w:pPr><w:r><w:t>{{agency}}</w:t></w:r></w:p>")
        .styles(styles).bytes(), TemplateCodes.STYLE_CYCLE);
    assertTrue(d.message().contains("A → B → A"), d.message());
  }

  @Test
  void tagInAPartThatIsNeverReplacedIsRefused() {
    Map<String, String> parts = MiniDocx.body(MiniDocx.p("{{agency}}")).parts();
    parts.put("word/footnotes.xml", "<w:footnotes " + MiniDocx.NS + ">" + MiniDocx.p("{{year}}") + "</w:footnotes>");
    Diagnostic d = onlyError(MiniDocx.zip(parts), TemplateCodes.SYNTAX);
    assertEquals("word/footnotes.xml", d.location().detail());
  }

  @Test
  void aForgedMarkerInTheTemplateIsIgnored() throws Exception {
    PreparedTemplate t = ok(MiniDocx.body("<?docmerge-slot 0 agency?>" + MiniDocx.p("{{year}}")).bytes());
    String doc = entry(t.render(Map.of("year", "2021"), Map.of()), "word/document.xml");
    assertFalse(doc.contains("docmerge"), doc);
    assertEquals(List.of("2021"), DocxText.lines(t.render(Map.of("year", "2021"), Map.of())));
  }
}
