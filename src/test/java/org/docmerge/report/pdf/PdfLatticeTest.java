package org.docmerge.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.docmerge.report.PublishedReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ruled tables rebuilt from their rules, on PDFs drawn here: a merged cell (no rule between its grid cells) is one
 * cell with its span, given once in its first row; a label set one character per line and one wrapped over two
 * lines read as one cell each; a blank cell is a blank cell; text drawn twice a little apart (simulated bold) reads once; borders drawn as lines or as thin filled rectangles
 * read the same; a ruled box holding only words (a title) is text, not a table; the same table on a page under
 * /Rotate 90, 180 or 270 (its content turned to show upright, or not), or turned on the page without /Rotate, is
 * rebuilt the same; so are borders drawn
 * dashed (short segments), dotted (tiny squares), as 0.1 pt filled rectangles or double, and cells shaded grey;
 * and a merged cell's label set sideways (reading down or up) reads a character a line, in its reading order.
 */
class PdfLatticeTest {
  static final float TOP = 700;
  static final float[] XS = {50, 90, 200, 260, 320};
  static final float[] YS = {TOP, TOP - 40, TOP - 80, TOP - 120};

  /** How rules are drawn: stroked, thin filled rectangles, or the border styles below. */
  static String style = "stroked";

  /** A rule from (x1, y1) to (x2, y2), stroked or as a thin filled rectangle. */
  static void rule(PDPageContentStream cs, boolean filled, float x1, float y1, float x2, float y2) throws Exception {
    float len = (float) Math.hypot(x2 - x1, y2 - y1);
    float dx = (x2 - x1) / len;
    float dy = (y2 - y1) / len;
    switch (style) {
      case "dashed" -> { // many short stroked segments, 4 pt on, 5 pt off
        for (float t = 0; t < len; t += 9) {
          float e = Math.min(len, t + 4);
          line(cs, x1 + dx * t, y1 + dy * t, x1 + dx * e, y1 + dy * e);
        }
        return;
      }
      case "dotted" -> { // tiny filled squares, 0.5 pt, every 2 pt
        for (float t = 0; t <= len; t += 2) {
          cs.addRect(x1 + dx * t - 0.25f, y1 + dy * t - 0.25f, 0.5f, 0.5f);
          cs.fill();
        }
        return;
      }
      case "hairline" -> { // a filled rectangle 0.1 pt thin
        cs.addRect(Math.min(x1, x2) - 0.05f, Math.min(y1, y2) - 0.05f, Math.abs(x2 - x1) + 0.1f, Math.abs(y2 - y1) + 0.1f);
        cs.fill();
        return;
      }
      case "double" -> { // two lines 2 pt apart
        line(cs, x1 - dy, y1 + dx, x2 - dy, y2 + dx);
        line(cs, x1 + dy, y1 - dx, x2 + dy, y2 - dx);
        return;
      }
      default -> { }
    }
    if (filled) {
      cs.addRect(Math.min(x1, x2) - 0.3f, Math.min(y1, y2) - 0.3f, Math.abs(x2 - x1) + 0.6f, Math.abs(y2 - y1) + 0.6f);
      cs.fill();
    } else {
      cs.moveTo(x1, y1);
      cs.lineTo(x2, y2);
      cs.stroke();
    }
  }

  static void draw(PDPageContentStream cs, boolean apart, PDType1Font font, float x, float y, String s) throws Exception {
    if (apart) {
      apart(cs, font, x, y, s);
    } else {
      text(cs, font, x, y, s);
    }
  }

  static void line(PDPageContentStream cs, float x1, float y1, float x2, float y2) throws Exception {
    cs.moveTo(x1, y1);
    cs.lineTo(x2, y2);
    cs.stroke();
  }

  static void text(PDPageContentStream cs, PDType1Font font, float x, float y, String s) throws Exception {
    cs.beginText();
    cs.setFont(font, 10);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }

  /**
   * Text the way some producers draw it: each character in a text object of its own at its own place, and drawn
   * twice 0.3 pt apart (simulated bold).
   */
  static void apart(PDPageContentStream cs, PDType1Font font, float x, float y, String s) throws Exception {
    float at = x;
    for (int i = 0; i < s.length(); i++) {
      String ch = s.substring(i, i + 1);
      text(cs, font, at, y, ch);
      text(cs, font, at + 0.3f, y, ch);
      at += font.getStringWidth(ch) / 1000 * 10;
    }
  }

  static byte[] pdf(boolean filled) throws Exception {
    return pdf(filled, false);
  }

  static byte[] pdf(boolean filled, boolean apart) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        // A box around a title: words only, no statistics.
        rule(cs, filled, 50, 800, 320, 800);
        rule(cs, filled, 50, 770, 320, 770);
        rule(cs, filled, 50, 750, 320, 750);
        rule(cs, filled, 50, 750, 50, 800);
        rule(cs, filled, 185, 750, 185, 800);
        rule(cs, filled, 320, 750, 320, 800);
        draw(cs, apart, font, 60, 780, "Annual report");
        draw(cs, apart, font, 195, 780, "of the bureau");
        draw(cs, apart, font, 60, 756, "Published by");
        draw(cs, apart, font, 195, 756, "the office");
        if (style.equals("shaded")) { // cell shading: filled rectangles the size of cells, no rules
          cs.setNonStrokingColor(0.85f, 0.85f, 0.85f);
          cs.addRect(XS[1], YS[1], XS[4] - XS[1], YS[0] - YS[1]);
          cs.fill();
          cs.addRect(XS[0], YS[3], XS[1] - XS[0], YS[0] - YS[3]);
          cs.fill();
          cs.setNonStrokingColor(0f, 0f, 0f);
        }
        // The table: the first column is one merged cell over all three rows.
        for (int r = 0; r < YS.length; r++) {
          rule(cs, filled, (r == 0 || r == YS.length - 1) ? XS[0] : XS[1], YS[r], XS[XS.length - 1], YS[r]);
        }
        for (float x : XS) {
          rule(cs, filled, x, YS[0], x, YS[YS.length - 1]);
        }
        if (style.startsWith("turned")) { // the merged cell's label set sideways, reading down (270) or up (90)
          boolean down = style.equals("turned 270");
          cs.beginText();
          cs.setFont(font, 10);
          cs.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(down ? -Math.PI / 2 : Math.PI / 2,
              down ? 66 : 74, down ? TOP - 30 : TOP - 70));
          cs.showText("GRP");
          cs.endText();
        } else {
          draw(cs, apart, font, 66, TOP - 30, "G");
          draw(cs, apart, font, 66, TOP - 45, "R");
          draw(cs, apart, font, 66, TOP - 60, "P");
        }
        draw(cs, apart, font, 95, TOP - 17, "Received this");
        draw(cs, apart, font, 95, TOP - 29, "year");
        draw(cs, apart, font, 220, TOP - 24, "12");
        draw(cs, apart, font, 280, TOP - 24, "7");
        draw(cs, apart, font, 95, TOP - 64, "Carried over");
        draw(cs, apart, font, 280, TOP - 64, "3");
        draw(cs, apart, font, 95, TOP - 104, "Total");
        draw(cs, apart, font, 220, TOP - 104, "12");
        draw(cs, apart, font, 280, TOP - 104, "10");
        draw(cs, apart, font, 280.4f, TOP - 104, "10"); // simulated bold: drawn twice a little apart
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"stroked", "filled", "stroked, each character apart and drawn twice", "dashed", "dotted",
      "hairline", "double", "shaded", "turned 270", "turned 90"})
  void aRuledTableIsRebuiltCellByCellWithItsMergedCells(String how) throws Exception {
    style = how.split(",")[0];
    // a label set sideways reads as one set a character a line (each character a line of its own)
    byte[] pdf;
    try {
      pdf = pdf(how.startsWith("filled"), how.contains("apart"));
    } finally {
      style = "stroked";
    }
    PublishedReport r = PdfReport.read(pdf, "t.pdf").report();
    List<PublishedReport.Table> tables = r.blocks().stream().filter(b -> b instanceof PublishedReport.Table)
        .map(b -> (PublishedReport.Table) b).toList();
    assertEquals(1, tables.size(), r.blocks()::toString);
    PublishedReport.Table t = tables.get(0);
    assertTrue(t.spansKnown() && t.blanksVisible());
    assertEquals(List.of(
        List.of(new PublishedReport.Cell("G\nR\nP", 1, 3), PublishedReport.Cell.of("Received this\nyear"),
            PublishedReport.Cell.of("12"), PublishedReport.Cell.of("7")),
        List.of(PublishedReport.Cell.of("Carried over"), PublishedReport.Cell.of(""), PublishedReport.Cell.of("3")),
        List.of(PublishedReport.Cell.of("Total"), PublishedReport.Cell.of("12"), PublishedReport.Cell.of("10"))),
        t.rows());
    List<String> text = r.blocks().stream().filter(b -> b instanceof PublishedReport.Paragraph)
        .map(b -> ((PublishedReport.Paragraph) b).text()).toList();
    assertTrue(text.containsAll(List.of("Annual report", "of the bureau", "Published by", "the office")),
        text::toString);
  }

  /** The same page under /Rotate, its content turned so a viewer shows it as before, or not turned. */
  @ParameterizedTest
  @ValueSource(strings = {"upright 90", "upright 180", "upright 270", "sideways 90", "sideways 270", "content 90",
      "content 270"})
  void aRuledTableOnARotatedPageIsRebuiltTheSame(String how) throws Exception {
    int rotate = Integer.parseInt(how.split(" ")[1]);
    byte[] pdf = how.startsWith("upright") ? Turned.upright(pdf(false), rotate, 0)
        : how.startsWith("content") ? Turned.contentOnly(pdf(false), rotate) : Turned.sideways(pdf(true), rotate);
    PublishedReport r = PdfReport.read(pdf, "t.pdf").report();
    List<PublishedReport.Table> tables = r.blocks().stream().filter(b -> b instanceof PublishedReport.Table)
        .map(b -> (PublishedReport.Table) b).toList();
    assertEquals(1, tables.size(), r.blocks()::toString);
    assertEquals(List.of(
        List.of(new PublishedReport.Cell("G\nR\nP", 1, 3), PublishedReport.Cell.of("Received this\nyear"),
            PublishedReport.Cell.of("12"), PublishedReport.Cell.of("7")),
        List.of(PublishedReport.Cell.of("Carried over"), PublishedReport.Cell.of(""), PublishedReport.Cell.of("3")),
        List.of(PublishedReport.Cell.of("Total"), PublishedReport.Cell.of("12"), PublishedReport.Cell.of("10"))),
        tables.get(0).rows());
  }
}
