package org.docmerge.report.pdf;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF's pages set under /Rotate the ways producers do it: {@link #upright} draws the content turned the other way
 * so that a viewer shows the page as before (how print drivers and "rotate page" tools set a landscape table), and
 * {@link #sideways} only sets /Rotate (a viewer shows the page turned, its content drawn as before), and
 * {@link #contentOnly} turns the content without /Rotate.
 */
public final class Turned {
  private Turned() {}

  /** Every page (or only page {@code only}, 1-based, when not 0) set under /Rotate {@code rotate}, shown upright. */
  public static byte[] upright(byte[] pdf, int rotate, int only) throws Exception {
    return turn(pdf, rotate, only, true);
  }

  /**
   * Every page's content turned the other way by {@code rotate} without /Rotate: a viewer shows it sideways (how a
   * print driver puts a landscape page on portrait paper).
   */
  public static byte[] contentOnly(byte[] pdf, int rotate) throws Exception {
    return turn(pdf, rotate, 0, false);
  }

  private static byte[] turn(byte[] pdf, int rotate, int only, boolean setRotate) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int n = 0;
      for (PDPage page : doc.getPages()) {
        n++;
        if (only != 0 && n != only) {
          continue;
        }
        PDRectangle box = page.getMediaBox();
        float w = box.getWidth();
        float h = box.getHeight();
        Matrix turn = switch (rotate) {
          case 90 -> new Matrix(0, 1, -1, 0, h, 0);
          case 180 -> new Matrix(-1, 0, 0, -1, w, h);
          case 270 -> new Matrix(0, -1, 1, 0, 0, w);
          default -> throw new IllegalArgumentException("rotate " + rotate);
        };
        // the content's own origin first, then the turn
        Matrix origin = Matrix.getTranslateInstance(-box.getLowerLeftX(), -box.getLowerLeftY());
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, true)) {
          cs.saveGraphicsState();
          cs.transform(turn);
          cs.transform(origin);
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
          cs.restoreGraphicsState();
        }
        PDRectangle turned = rotate == 180 ? new PDRectangle(w, h) : new PDRectangle(h, w);
        page.setMediaBox(turned);
        page.setCropBox(turned);
        if (setRotate) {
          page.setRotation(rotate);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Every page's crop box set inside its media box (15 pt in at the sides, 25 pt at top and bottom). */
  public static byte[] cropped(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        PDRectangle m = page.getMediaBox();
        page.setCropBox(new PDRectangle(m.getLowerLeftX() + 15, m.getLowerLeftY() + 25, m.getWidth() - 30,
            m.getHeight() - 50));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Every page set under /Rotate {@code rotate}, its content as before (a viewer shows it turned). */
  public static byte[] sideways(byte[] pdf, int rotate) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        page.setRotation(rotate);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
