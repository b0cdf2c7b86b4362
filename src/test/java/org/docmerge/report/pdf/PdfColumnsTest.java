package org.docmerge.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.docmerge.report.PublishedReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An unruled table (no rules at all) whose zeros are printed blank, on PDFs drawn here: a row with blank cells is
 * placed by the x-positions of its numbers under the header's column labels; a number that could stand in either of
 * two columns, and a header not set over its columns, leave the row as today (its numbers only, not placed).
 */
class PdfColumnsTest {
  static final float[] COLS = {200, 260, 320}; // left edges of the value columns' labels

  /** Lines of (x, text) pairs, 20 pt apart from the top. */
  static byte[] pdf(Object[]... lines) throws Exception {
    return pdf(false, lines);
  }

  /** The same, each character drawn apart and twice when {@code apart} (see {@link PdfLatticeTest#apart}). */
  static byte[] pdf(boolean apart, Object[]... lines) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        float y = 760;
        for (Object[] line : lines) {
          for (int i = 0; i < line.length; i += 2) {
            PdfLatticeTest.draw(cs, apart, font, ((Number) line[i]).floatValue(), y, (String) line[i + 1]);
          }
          y -= 20;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static List<List<String>> table(byte[] pdf) throws Exception {
    PublishedReport r = PdfReport.read(pdf, "t.pdf").report();
    return r.blocks().stream().filter(b -> b instanceof PublishedReport.Table).map(b -> (PublishedReport.Table) b)
        .findFirst().orElseThrow().rows().stream()
        .map(row -> row.stream().map(PublishedReport.Cell::text).toList()).toList();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void blankCellsArePlacedByTheirColumns(boolean apart) throws Exception {
    List<List<String>> rows = table(pdf(apart,
        new Object[] {50, "Item", 200, "Made", 260, "Repealed", 320, "Valid"},
        new Object[] {50, "Rules", 205, "3", 265, "1", 325, "101"},
        new Object[] {50, "Normative", 205, "4", 325, "7"},
        new Object[] {50, "Licences", 325, "9"},
        new Object[] {50, "Penalties", 265, "2"}));
    assertEquals(List.of("Rules", "3", "1", "101"), rows.get(1));
    assertEquals(List.of("Normative", "4", "", "7"), rows.get(2));
    assertEquals(List.of("Licences", "", "", "9"), rows.get(3));
    assertEquals(List.of("Penalties", "", "2", ""), rows.get(4));
  }

  @Test
  void aNumberBetweenTwoColumnsIsNotPlaced() throws Exception {
    List<List<String>> rows = table(pdf(
        new Object[] {50, "Item", 200, "Made", 260, "Repealed", 320, "Valid"},
        new Object[] {50, "Rules", 205, "3", 238, "5"}));
    assertEquals(List.of("Rules", "3", "5"), rows.get(1));
  }

  @Test
  void aHeaderNotOverItsColumnsPlacesNothing() throws Exception {
    // The header row was printed with fewer cells: its labels stand one column to the left of their numbers.
    List<List<String>> rows = table(pdf(
        new Object[] {50, "Made", 200, "Repealed", 260, "Valid"},
        new Object[] {50, "Old", 200, "New"},
        new Object[] {50, "Normative", 205, "4", 325, "7"}));
    assertEquals(List.of("Normative", "4", "7"), rows.get(2));
  }

  static Columns.Row row(Object... cellsAndX) {
    List<String> cells = new java.util.ArrayList<>();
    List<float[]> xs = new java.util.ArrayList<>();
    for (int i = 0; i < cellsAndX.length; i += 2) {
      String c = (String) cellsAndX[i];
      float x = ((Number) cellsAndX[i + 1]).floatValue();
      cells.add(c);
      xs.add(new float[] {x, x + 11f * c.length() * (c.matches("\\d+") ? 0.55f : 1f)});
    }
    return new Columns.Row(0, 0, cells, xs);
  }

  /** pdf-10's table 三: a header printed from rows of unequal cells, so not over its columns. */
  static final List<Columns.Row> OFFSET_HEADER = List.of(
      row("自然人", 58, "法人或其他组织", 280, "总计", 388),
      row("商业", 58, "科研", 280, "社会公益", 388, "法律服务机", 441, "其他", 505),
      row("企业", 58, "机构", 280, "组织", 388, "构", 441));

  @Test
  void underAHeaderNotOverItsColumnsRowsWithTheirTotalAloneAreRead() {
    List<String> replaced = new java.util.ArrayList<>();
    List<Columns.Row> at = new java.util.ArrayList<>();
    Columns.totals(OFFSET_HEADER, List.of(
        row("二、上年结转政府信息公开申请数量", 58, "1", 543),
        row("三、本年度办理结果", 58, "(一)予以公开", 280, "4", 554)), replaced, at);
    // 7 value columns (the header names table 三's), the total last
    assertEquals(List.of("二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t1", "三、本年度办理结果\t(一)予以公开\t\t\t\t\t\t\t4"),
        replaced);
  }

  @Test
  void aNumberWhereTheTablesSecondCellsBeginIsTheFirstValueColumn() {
    List<String> replaced = new java.util.ArrayList<>();
    Columns.totals(OFFSET_HEADER, List.of(
        row("一、本年新收政府信息公开申请数量", 58, "3", 280, "3", 543),
        row("二、上年结转政府信息公开申请数量", 58, "1", 543),
        row("三、本年度办理结果", 58, "(一)予以公开", 280, "4", 554)), replaced, new java.util.ArrayList<>());
    // 「法人或其他组织」「科研」「机构」「(一)予以公开」 all begin at x=280: the left edge of every row's second cell; a
    // row of one label whose first number begins there has it in its second cell, the first value column (自然人)
    assertEquals("一、本年新收政府信息公开申请数量\t3\t\t\t\t\t\t3", replaced.get(0));
    assertEquals(3, replaced.size());
  }

  @Test
  void aNumberNotExactlyOnTheSecondCellsLineIsNotPlaced() {
    for (float x : new float[] {281.5f, 300f, 330f}) {
      List<String> replaced = new java.util.ArrayList<>();
      Columns.totals(OFFSET_HEADER, List.of(
          row("一、本年新收政府信息公开申请数量", 58, "3", x, "3", 543),
          row("二、上年结转政府信息公开申请数量", 58, "1", 543)), replaced, new java.util.ArrayList<>());
      assertEquals(List.of("二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t1"), replaced, "x=" + x);
    }
  }

  @Test
  void ambiguousRowsUnderAnOffsetHeaderStayUnread() {
    List<String> replaced = new java.util.ArrayList<>();
    Columns.totals(OFFSET_HEADER, List.of(
        // three numbers: where the middle one stands cannot be told
        row("一、本年新收政府信息公开申请数量", 58, "3", 280, "1", 400, "4", 543),
        // two labels: the number on the second cells' line is not after the row's only label
        row("三、本年度办理结果", 58, "(一)予以公开", 180, "2", 280, "2", 554),
        row("二、上年结转政府信息公开申请数量", 58, "1", 543)), replaced, new java.util.ArrayList<>());
    assertEquals(List.of("二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t1"), replaced);
    // a header whose second cells begin at different places (centred cells): no line to trust
    List<Columns.Row> centred = List.of(
        row("自然人", 58, "法人或其他组织", 270, "总计", 388),
        row("商业", 58, "科研", 300, "社会公益", 388, "法律服务机", 441, "其他", 505),
        row("企业", 58, "机构", 300, "组织", 388, "构", 441));
    replaced.clear();
    Columns.totals(centred, List.of(
        row("一、本年新收政府信息公开申请数量", 58, "3", 300, "3", 543),
        row("二、上年结转政府信息公开申请数量", 58, "1", 543)), replaced, new java.util.ArrayList<>());
    assertEquals(List.of("二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t1"), replaced);
  }

  @Test
  void withoutANumberAtTheRightEdgeInEveryRowNothingIsPlaced() {
    List<String> replaced = new java.util.ArrayList<>();
    Columns.totals(OFFSET_HEADER, List.of(
        row("二、上年结转政府信息公开申请数量", 58, "1", 543),
        row("三、本年度办理结果", 58, "(一)予以公开", 280, "4", 430)), replaced, new java.util.ArrayList<>());
    assertEquals(List.of(), replaced);
    // nor under a header that names no table of the report
    Columns.totals(List.of(row("Made", 50, "Repealed", 200)), List.of(row("Rules", 50, "1", 543),
        row("Other", 50, "2", 543)), replaced, new java.util.ArrayList<>());
    assertEquals(List.of(), replaced);
  }

  @Test
  void proseLinesAreJoinedWhereATablesWrappedLabelsOutnumberThem() {
    StringBuilder text = new StringBuilder();
    String full = "根据条例要求砚山县交通运输局认真贯彻落实条例办法和细则依法全面及时准确公开各类政府信息切实保障";
    text.append(full).append('\n').append(full).append('\n').append("人民群众的合法权益。\n");
    for (int i = 0; i < 12; i++) {
      text.append("1.属于国家秘密").append('\n'); // a table's row label, one line of its own
    }
    String out = PdfReport.unwrap(text.toString());
    assertEquals(full + full + "人民群众的合法权益。", out.lines().findFirst().orElseThrow());
  }

  /** The published unruled pdf-10 on pages put under /Rotate, content turned upright: read as the plain one. */
  @ParameterizedTest
  @ValueSource(ints = {90, 270})
  void anUnruledTableOnRotatedPagesReadsTheSame(int rotate) throws Exception {
    byte[] plain = java.nio.file.Files.readAllBytes(
        java.nio.file.Path.of("src/test/resources/published/pdf-10-xuwen-undated.pdf"));
    assertEquals(PdfReport.read(plain, "t.pdf").report().blocks(),
        PdfReport.read(Turned.upright(plain, rotate, 0), "t.pdf").report().blocks());
  }

  /**
   * A scanned page with a hidden text layer laid over its picture by text recognition (rendering mode 3, as
   * "searchable" scans have): its guessed text is not read, and the page is named a picture; a visible page is read.
   */
  @Test
  void theHiddenTextOfARecognisedScanIsNotRead() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDPage text = new PDPage(PDRectangle.A4);
      doc.addPage(text);
      try (PDPageContentStream cs = new PDPageContentStream(doc, text)) {
        PdfLatticeTest.text(cs, font, 50, 760, "Annual report of the bureau, printed as text");
      }
      PDPage scan = new PDPage(PDRectangle.A4);
      doc.addPage(scan);
      java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(60, 85, java.awt.image.BufferedImage.TYPE_INT_RGB);
      var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, picture);
      try (PDPageContentStream cs = new PDPageContentStream(doc, scan)) {
        cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        cs.beginText();
        cs.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.NEITHER);
        cs.setFont(font, 10);
        cs.newLineAtOffset(50, 700);
        cs.showText("Rules    8    1    101");
        cs.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    PdfReport.Read read = PdfReport.read(pdf, "t.pdf");
    String all = read.report().blocks().toString();
    assertEquals(List.of(2), read.imagePages());
    org.junit.jupiter.api.Assertions.assertTrue(all.contains("Annual report") && !all.contains("Rules"), all);
  }
}
