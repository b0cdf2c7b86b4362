package org.docmerge.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF as plain text, a line per printed line: words on one line further apart than a cell's
 * padding (more than about one character) are separate cells, written with a run of spaces between them, the
 * layout {@link org.docmerge.report.TextReport} reads as a table row (blank cells leave no trace there). Words
 * closer together stay one cell. Stateless.
 */
public final class PdfReport {
  private PdfReport() {}

  /** Why a PDF could not be read. */
  public static final class Unreadable extends Exception {
    private final boolean encrypted;

    Unreadable(String message, boolean encrypted, Throwable cause) {
      super(message, cause);
      this.encrypted = encrypted;
    }

    public boolean encrypted() {
      return encrypted;
    }
  }

  /** The text of the PDF's text layer; blank when it has none (a scan). */
  public static String text(byte[] pdf) throws Unreadable {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
        throw new Unreadable("encrypted", true, null);
      }
      Cells stripper = new Cells();
      stripper.setSortByPosition(true);
      stripper.getText(doc);
      return stripper.text();
    } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
      throw new Unreadable("encrypted", true, e);
    } catch (IOException | RuntimeException e) {
      throw new Unreadable(e.getClass().getSimpleName(), false, e);
    }
  }

  /** Collects each line's words with their positions, and writes cells apart by runs of spaces. */
  private static final class Cells extends PDFTextStripper {
    private final StringBuilder out = new StringBuilder();
    private final List<float[]> spans = new ArrayList<>(); // x start, x end, font size per word of the line
    private final List<String> words = new ArrayList<>();

    Cells() {
      super();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      if (positions.isEmpty()) {
        return;
      }
      TextPosition first = positions.get(0);
      TextPosition last = positions.get(positions.size() - 1);
      float size = Math.max(1f, first.getFontSizeInPt());
      spans.add(new float[] {first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), size});
      words.add(text);
    }

    @Override
    protected void writeWordSeparator() {
      // decided by the gap in writeLineSeparator
    }

    @Override
    protected void writeLineSeparator() {
      flush();
    }

    @Override
    protected void writePageEnd() {
      flush();
      out.append('\n');
    }

    private void flush() {
      for (int i = 0; i < words.size(); i++) {
        if (i > 0) {
          float gap = spans.get(i)[0] - spans.get(i - 1)[1];
          float size = Math.max(spans.get(i)[2], spans.get(i - 1)[2]);
          out.append(gap > 0.6f * size ? "    " : gap > 0.15f * size ? " " : "");
        }
        out.append(words.get(i));
      }
      if (!words.isEmpty()) {
        out.append('\n');
      }
      words.clear();
      spans.clear();
    }

    String text() {
      flush();
      return unwrap(out.toString());
    }
  }

  /**
   * A paragraph's lines as one line again: a line as long as the page's full lines that does not end a sentence
   * continues on the next. Table rows (cells apart) and page numbers (「- 3 -」) are left alone; page numbers go.
   */
  static String unwrap(String text) {
    List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.strip().matches("[-－—]\\s*\\d+\\s*[-－—]")).toList());
    int full = lines.stream().filter(l -> !l.contains("    ")).mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      sb.append(l);
      boolean wraps = i + 1 < lines.size() && full >= 10 && l.length() >= full - 2 && !l.contains("    ")
          && !lines.get(i + 1).contains("    ") && !lines.get(i + 1).isBlank()
          && "。；;！？!?：:".indexOf(l.charAt(l.length() - 1)) < 0
          && !lines.get(i + 1).strip().matches("^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]).*");
      sb.append(wraps ? "" : "\n");
    }
    return sb.toString();
  }
}
