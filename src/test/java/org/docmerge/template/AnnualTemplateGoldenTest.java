package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.docmerge.diag.Diagnostic;
import org.docmerge.report.docx.DocxText;
import org.docmerge.render.PdfConverter;
import org.docmerge.spec.ReportKind;
import org.docmerge.tools.BuildAnnualTemplate2021;
import org.docmerge.RealClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped template rendered with the seed report's data must read exactly like the real published report,
 * and real clients (python-docx, LibreOffice) must open it.
 */
class AnnualTemplateGoldenTest {
  static ReportKind kind;
  static SeedReport seed;
  static Result compiled;
  static byte[] output;

  record Result(PreparedTemplate template, List<Diagnostic> diagnostics) {}

  @BeforeAll
  static void renderSeed() {
    kind = SeedReport.kind();
    seed = SeedReport.load(kind.spec());
    var r = TemplateCompiler.compile(kind.templateBytes(), "template.docx", kind.spec());
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    compiled = new Result(r.get(), r.diagnostics());
    output = compiled.template().render(seed.inline, seed.blocks);
  }

  @Test
  void renderedTextEqualsTheSeedLineForLine() {
    assertEquals(SeedReport.seedLines(), DocxText.lines(output));
  }

  @Test
  void committedTemplateIsWhatTheGeneratorWrites() throws Exception {
    assertArrayEquals(BuildAnnualTemplate2021.build(), kind.templateBytes(),
        "templates/gov-info-annual-2021/template.docx is stale: rerun BuildAnnualTemplate2021 (see templates/README.md)");
  }

  @Test
  void onlyTheCoverFieldsTheReportDoesNotPrintAreUnused() {
    List<String> unused = compiled.diagnostics().stream()
        .filter(d -> d.code().equals(TemplateCodes.UNUSED))
        .map(d -> d.message().substring(d.message().indexOf("{{")))
        .collect(Collectors.toList());
    assertEquals(3, unused.size(), unused::toString);
    assertTrue(unused.stream().allMatch(m -> m.startsWith("{{unitType}}") || m.startsWith("{{url}}") || m.startsWith("{{published}}")), unused::toString);
    // Every spec cell has exactly one value slot in the document.
    assertEquals(kind.spec().cells().size() + 2 + 9, compiled.template().tags().size());
  }

  @Test
  void tableHeaderRowsRepeatAndNoRowSplitsAcrossPages() throws Exception {
    String doc = TemplateCompilerTest.entry(output, "word/document.xml");
    int rows = doc.split("<w:tr>", -1).length - 1;
    assertEquals(14 + 28 + 4, rows);
    assertEquals(rows, doc.split("<w:cantSplit/>", -1).length - 1);
    assertEquals(6, doc.split("<w:tblHeader/>", -1).length - 1, "three header rows each in tables 三 and 四");
    assertEquals(3, doc.split("<w:tblLayout w:type=\"fixed\"/>", -1).length - 1);
  }

  @Test
  void fontTableNamesAFallbackForEachOfficialFace() throws Exception {
    String fonts = TemplateCompilerTest.entry(output, "word/fontTable.xml");
    for (String[] f : new String[][] {{"仿宋_GB2312", "仿宋"}, {"黑体", "SimHei"}, {"方正小标宋简体", "宋体"}, {"楷体_GB2312", "楷体"}}) {
      assertTrue(fonts.contains("<w:font w:name=\"" + f[0] + "\"><w:altName w:val=\"" + f[1] + "\"/>"), f[0] + ": " + fonts);
    }
  }

  @Test
  void tableThreeKeepsTogetherAndEveryCellIsCentredVertically() throws Exception {
    String doc = TemplateCompilerTest.entry(output, "word/document.xml");
    String[] tables = doc.split("<w:tbl>");
    String t3 = tables[2].substring(0, tables[2].indexOf("</w:tbl>"));
    String[] rows = t3.split("<w:tr>");
    for (int i = 1; i < rows.length; i++) {
      boolean keeps = rows[i].contains("<w:keepNext/>");
      assertEquals(i < rows.length - 1, keeps, "row " + i + " of table 三 keeps with the next unless it is the last");
    }
    assertEquals(doc.split("<w:tc>", -1).length - 1, doc.split("<w:vAlign w:val=\"center\"/>", -1).length - 1,
        "every table cell is centred vertically");
  }

  @Test
  void renderingTwiceGivesIdenticalBytes() {
    assertArrayEquals(output, compiled.template().render(seed.inline, seed.blocks));
  }

  @Test
  void pythonDocxOpensItAndSeesTheOfficialMerges(@TempDir Path dir) throws Exception {
    Path py = RealClients.python();
    Path f = dir.resolve("seed.docx");
    Files.write(f, output);
    String script = String.join("\n",
        "import docx, sys",
        "d = docx.Document(sys.argv[1])",
        "print(len(d.tables))",
        "t3 = d.tables[1]",
        "cells = t3.rows[0].cells",
        "print(cells[0].text == cells[1].text == cells[2].text)",
        "print(cells[0].text)",
        "print(t3.rows[2].cells[0].text == cells[0].text)",
        "print(len(t3.rows), len(t3.columns), len(d.tables[2].columns))",
        "print(t3.cell(5, 0).text == t3.cell(26, 0).text == '三、本年度办理结果')",
        "print(d.tables[2].rows[2].cells[1].text.replace(chr(10), '/'))",
        "print(d.core_properties.title)",
        "s = d.sections[0]",
        "print(round(s.page_width.cm, 1), round(s.page_height.cm, 1), round(s.top_margin.cm, 1), round(s.bottom_margin.cm, 1),"
            + " round(s.left_margin.cm, 1), round(s.right_margin.cm, 1))",
        "n = d.styles['Normal']",
        "print(n.font.size.pt, n.paragraph_format.line_spacing.pt, n.paragraph_format.line_spacing_rule)",
        "t = d.styles['Title']",
        "print(t.font.size.pt, t.paragraph_format.alignment, t.element.rPr.rFonts.get(docx.oxml.ns.qn('w:eastAsia')))",
        "h = d.styles['Heading 1']",
        "print(h.font.size.pt, h.element.rPr.rFonts.get(docx.oxml.ns.qn('w:eastAsia')), n.element.rPr.rFonts.get(docx.oxml.ns.qn('w:eastAsia')))",
        "print(d.styles['Table Text'].font.size.pt, d.tables[1].alignment)",
        "print(d.sections[0].footer.paragraphs[0].text)");
    List<String> out = run(List.of(py.toString(), "-c", script, f.toString()), dir);
    assertEquals(List.of("3", "True", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "True",
        "28 10 15", "True", "结果/纠正", "政府信息公开工作年度报告",
        "21.0 29.7 3.7 3.5 2.8 2.6", "16.0 28.0 EXACTLY (4)", "22.0 CENTER (1) 方正小标宋简体", "16.0 黑体 仿宋_GB2312",
        "10.5 CENTER (1)", "- 1 -"), out);
  }

  @Test
  void libreOfficeConvertsItToPdfWithTheReportText(@TempDir Path dir) throws Exception {
    RealClients.require("soffice");
    Path pdftotext = RealClients.require("pdftotext");
    var converted = PdfConverter.fromPath().convert(output, "seed.docx");
    assertFalse(converted.hasErrors(), () -> converted.diagnostics().toString());
    Path pdf = dir.resolve("seed.pdf");
    Files.write(pdf, converted.get());
    assertTrue(Files.size(pdf) > 0, "soffice wrote no PDF");
    // -raw keeps content-stream order: the footer's "- 1 -" keeps its spaces, and a label wrapped inside a
    // narrow cell comes out as consecutive lines, so joining lines restores it.
    run(List.of(pdftotext.toString(), "-raw", pdf.toString(), dir.resolve("seed.txt").toString()), dir);
    String text = Files.readString(dir.resolve("seed.txt"), StandardCharsets.UTF_8);
    String joined = text.replaceAll("\\s+", "");
    assertTrue(joined.contains("三、本年度办理结果"), text);
    assertTrue(joined.contains("（拱墅区投资促进局）"), text);
    assertTrue(text.contains("- 1 -"), text);
  }

  static List<String> run(List<String> cmd, Path dir) throws Exception {
    return RealClients.run(cmd, dir);
  }
}
