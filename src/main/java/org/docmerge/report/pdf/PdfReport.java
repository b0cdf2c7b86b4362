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
    } catch (IOException | RuntimeException | StackOverflowError | LinkageError e) {
      throw new Unreadable(e.getClass().getSimpleName(), false, e); // a hostile or broken file is unreadable, not a crash
    }
  }

  /** Collects each line's words with their positions, and writes cells apart by runs of spaces. */
  private static final String CELL = "    ";

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
      int n = words.size();
      String[] sep = new String[n];
      for (int i = 1; i < n; i++) {
        float gap = spans.get(i)[0] - spans.get(i - 1)[1];
        float size = Math.max(spans.get(i)[2], spans.get(i - 1)[2]);
        sep[i] = gap > 0.6f * size ? CELL : gap > 0.15f * size ? " " : "";
      }
      // In a narrow column a number stands closer to its neighbours: a number that ends the line or stands
      // before another cell is a cell of its own (「（一）<row label> 0    0」), not a word of the text before it.
      for (int i = n - 1; i >= 1; i--) {
        boolean number = words.get(i).strip().matches("[+-]?\\d+(\\.\\d+)?");
        boolean endsCell = i == n - 1 || CELL.equals(sep[i + 1]);
        if (number && endsCell && " ".equals(sep[i])) {
          sep[i] = CELL;
        }
      }
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          out.append(sep[i]);
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
    // A full line's length: most of a page's prose lines are full, so three quarters of them are at least this long.
    int[] lengths = lines.stream().filter(l -> !l.contains("    ") && l.strip().length() >= 8)
        .mapToInt(String::length).sorted().toArray();
    int full = lengths.length == 0 ? 0 : (int) (0.85 * lengths[lengths.length / 4]);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      sb.append(l);
      boolean wraps = i + 1 < lines.size() && full >= 8 && l.length() >= full && !l.contains("    ")
          && !lines.get(i + 1).contains("    ") && !lines.get(i + 1).isBlank()
          && "。；;！？!?：:".indexOf(l.charAt(l.length() - 1)) < 0
          && !lines.get(i + 1).strip().matches("^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第二十条).*")
          && !(l.strip().matches("^[一二三四五六七八九十]+、.*") && l.length() <= 40);
      sb.append(wraps ? "" : "\n");
    }
    return sb.toString();
  }
}
