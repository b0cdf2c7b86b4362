package org.docmerge.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.TextReport;

/**
 * A PDF's text layer as a published report. A ruled table (the lattice Word, LibreOffice and browsers print) is
 * rebuilt cell by cell from its rules ({@link Lattice}): each glyph goes into the cell it stands in, a cell's lines
 * are joined with {@code \n} (labels wrapped over two lines, group labels set one character per line), merged
 * cells keep their spans and blank cells stay visible, as in a .docx; the parts of a table broken across pages are
 * joined. A page's tables are read in the frame of the direction most of its text reads in (a landscape page under
 * /Rotate, or printed sideways, reads like an upright one); a glyph turned otherwise goes where it is drawn.
 * Everything else is plain text, a line per printed line: words on one line further apart than a cell's
 * padding (more than about one character) are separate cells, written with a run of spaces between them, the
 * layout {@link TextReport} reads as a table row (blank cells leave no trace there), so an unruled table is still
 * read by the gaps between its glyphs. Stateless.
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

  /**
   * The PDF as a published report: ruled tables (a lattice of lines, as Word and LibreOffice print tables) rebuilt
   * cell by cell from the rules, with merged cells as spans; the rest of the text layer, and tables without rules,
   * read as plain text by {@link TextReport}. {@code visible} counts the non-blank characters of the text layer
   * (below 20 it is a scan). {@code imagePages} are the pages (1-based) that are a picture without a text layer
   * (a scanned page among text pages): what they show is not read. {@code undecodable}: the text layer cannot be
   * decoded (fonts without a Unicode map: control characters, or no Chinese character at all), so what it shows
   * is not the text a reader sees.
   */
  public record Read(PublishedReport report, long visible, List<Integer> imagePages, boolean undecodable) {}

  public static Read read(byte[] pdf, String name) throws Unreadable {
    Layer layer = layer(pdf);
    List<PublishedReport.Block> blocks = new ArrayList<>();
    long visible = layer.text().codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != MARK).count();
    StringBuilder segment = new StringBuilder();
    Lattice.Grid open = null;
    List<List<PublishedReport.Cell>> rows = new ArrayList<>();
    for (String line : layer.text().split("\n", -1)) {
      if (line.length() > 2 && line.charAt(0) == MARK && line.charAt(line.length() - 1) == MARK) {
        Lattice.Grid g = layer.grids().get(Integer.parseInt(line.substring(1, line.length() - 1)));
        for (List<PublishedReport.Cell> r : g.rows()) {
          for (PublishedReport.Cell c : r) {
            visible += c.text().codePoints().filter(cp -> !Character.isWhitespace(cp)).count();
          }
        }
        // A table continued on the next page (nothing but blank lines between its parts, same columns): one table.
        if (open != null && segment.toString().isBlank() && open.sameColumns(g) && g.page == open.page + 1) {
          rows.addAll(g.rows());
          open = g;
          segment.setLength(0);
          continue;
        }
        if (open != null) {
          blocks.add(new PublishedReport.Table(rows, true, true));
        }
        blocks.addAll(TextReport.read(segment.toString(), name).blocks());
        segment.setLength(0);
        if (!TextReport.statistics(g.rows())) {
          // A ruled box around the title or a signature, no statistics table: its lines are text.
          g.rows().forEach(r -> r.forEach(c -> segment.append(c.text()).append('\n')));
          open = null;
          continue;
        }
        open = g;
        rows = new ArrayList<>(g.rows());
        continue;
      }
      segment.append(line).append('\n');
    }
    if (open != null) {
      blocks.add(new PublishedReport.Table(rows, true, true));
    }
    blocks.addAll(TextReport.read(segment.toString(), name).blocks());
    return new Read(new PublishedReport(name, "pdf", blocks), visible, List.copyOf(layer.imagePages()),
        undecodable(layer));
  }

  /**
   * Whether the text layer is not what a reader sees: a tenth or more of its characters are control characters,
   * U+FFFD or private-use ones (glyph codes of a font without a Unicode map, as some print drivers embed them), or
   * 200 characters and more without one Chinese character.
   */
  private static boolean undecodable(Layer layer) {
    StringBuilder all = new StringBuilder(layer.text());
    layer.grids().forEach(g -> g.rows().forEach(r -> r.forEach(c -> all.append(c.text()).append('\n'))));
    long visible = 0;
    long bad = 0;
    long han = 0;
    for (int i = 0; i < all.length(); ) {
      int cp = all.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || cp == MARK) {
        continue;
      }
      visible++;
      if (Character.isISOControl(cp) || cp == 0xFFFD || Character.getType(cp) == Character.PRIVATE_USE) {
        bad++;
      } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        han++;
      }
    }
    return visible >= 20 && (bad * 10 >= visible || (visible >= 200 && han == 0));
  }

  /** The text layer with a line {@code MARK n MARK} where ruled table n stands, and the tables. */
  private record Layer(String text, List<Lattice.Grid> grids, List<Integer> imagePages) {}

  /** Marks a ruled table's place in the text (a private-use character, not in any report). */
  private static final char MARK = '\uE000';

  private static Layer layer(byte[] pdf) throws Unreadable {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
        throw new Unreadable("encrypted", true, null);
      }
      Cells stripper = new Cells();
      stripper.setSortByPosition(true);
      stripper.getText(doc);
      return new Layer(stripper.text(), stripper.all, stripper.imagePages);
    } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
      throw new Unreadable("encrypted", true, e);
    } catch (IOException | RuntimeException | StackOverflowError | LinkageError e) {
      throw new Unreadable(e.getClass().getSimpleName(), false, e); // a hostile or broken file is unreadable, not a crash
    }
  }

  /** A page with fewer characters than this in its text layer has no text (a page number at most). */
  private static final int FEW = 10;

  /** Whether a page's images cover at least half of it (a scanned page). */
  private static final class Pictures extends org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine {
    private double area;

    private Pictures(PDPage page) {
      super(page);
    }

    static boolean cover(PDPage page) {
      try {
        Pictures p = new Pictures(page);
        p.processPage(page);
        org.apache.pdfbox.pdmodel.common.PDRectangle box = page.getCropBox();
        return p.area >= 0.5 * box.getWidth() * box.getHeight();
      } catch (IOException | RuntimeException e) {
        return false; // drawing that cannot be read: not said to be a picture
      }
    }

    @Override
    public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage image) {
      org.apache.pdfbox.util.Matrix m = getGraphicsState().getCurrentTransformationMatrix();
      area += Math.abs((double) m.getScaleX() * m.getScaleY() - (double) m.getShearX() * m.getShearY());
    }

    @Override
    public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
        java.awt.geom.Point2D p3) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void moveTo(float x, float y) {}

    @Override
    public void lineTo(float x, float y) {}

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

    @Override
    public java.awt.geom.Point2D getCurrentPoint() {
      return new java.awt.geom.Point2D.Float();
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {}

    @Override
    public void strokePath() {}

    @Override
    public void fillPath(int windingRule) {}

    @Override
    public void fillAndStrokePath(int windingRule) {}

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {}
  }

  /** Collects each line's words with their positions, and writes cells apart by runs of spaces. */
  private static final String CELL = "    ";

  private static final class Cells extends PDFTextStripper {
    private final StringBuilder out = new StringBuilder();
    private final List<float[]> spans = new ArrayList<>(); // x start, x end, font size per word of the line
    private final List<String> words = new ArrayList<>();
    /** Every page's ruled tables, in reading order; those of this page not yet placed in the text. */
    final List<Lattice.Grid> all = new ArrayList<>();
    private final List<Lattice.Grid> page = new ArrayList<>();
    private final List<Lattice.Grid> pending = new ArrayList<>();
    private float lineY = Float.NaN;
    private int pageNo;
    /** Comparisons of rules left for the document (a hostile file of many ruled pages stays quick). */
    private final long[] budget = {200_000_000L};

    Cells() {
      super();
    }

    /** The page being read, its grids' text direction, and its glyphs held until the page's direction is known. */
    private PDPage current;
    private int frame;
    private final List<TextPosition> held = new ArrayList<>();

    @Override
    public void processPage(PDPage p) throws IOException {
      page.clear();
      pending.clear();
      held.clear();
      current = p;
      pageNo++;
      glyphs = 0;
      super.processPage(p); // holds the page's glyphs, then writes it (writePage)
      if (glyphs < FEW && Pictures.cover(p)) {
        imagePages.add(pageNo);
      }
      // a page whose only text is in its tables
      placeTables(Float.MAX_VALUE);
    }

    /**
     * The page's ruled tables, formed in the frame of the direction most of its text reads in (upright on most
     * pages; turned on a landscape page drawn turned under /Rotate, or printed sideways on a portrait page), each
     * glyph put into its cell, then the rest of the page written.
     */
    @Override
    protected void writePage() throws IOException {
      int[] count = new int[4];
      for (TextPosition t : held) {
        if (!t.getUnicode().isBlank()) {
          count[Math.floorMod(Math.round(t.getDir() / 90f), 4)]++;
        }
      }
      frame = 0;
      for (int d = 1; d < 4; d++) {
        if (count[d] > count[frame / 90]) {
          frame = d * 90;
        }
      }
      if (held.stream().anyMatch(t -> !t.getUnicode().isBlank())) {
        try {
          page.addAll(Lattice.grids(current, pageNo, budget, frame));
        } catch (IOException | RuntimeException e) {
          page.clear(); // rules that cannot be read: the page is read by its glyphs' gaps
        }
        pending.addAll(page);
      }
      for (TextPosition t : held) {
        if (invisible.contains(t)) {
          continue;
        }
        if (page.isEmpty() || t.getUnicode().isBlank() || !intoGrid(t)) {
          super.processTextPosition(t);
        }
      }
      held.clear();
      invisible.clear();
      super.writePage();
    }

    /** Pages that are a picture: fewer glyphs than {@link #FEW}, and images over half the page. */
    final List<Integer> imagePages = new ArrayList<>();
    private int glyphs;

    /**
     * Glyphs drawn invisible (text rendering mode 3: the hidden layer a scanner's text recognition lays over its
     * picture): no reader sees them, and what recognition guessed is not what the page shows. Not read.
     */
    private final java.util.Set<TextPosition> invisible = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @Override
    protected void processTextPosition(TextPosition t) {
      if (getGraphicsState().getTextState().getRenderingMode()
          == org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.NEITHER) {
        invisible.add(t);
      } else if (!t.getUnicode().isBlank()) {
        glyphs++;
      }
      held.add(t);
    }

    /** Puts a glyph into the cell of this page's tables where it stands; false when it is in none. */
    private boolean intoGrid(TextPosition t) {
      int dir = Math.round(t.getDir());
      float size = Math.max(1f, t.getFontSizeInPt());
      float h = t.getHeightDir() > 0 ? t.getHeightDir() : 0.7f * size;
      String text = unify(t.getUnicode());
      // a glyph turned otherwise than the page's text (a bracket set sideways in a narrow cell, a label turned to
      // read upward) goes where it is drawn, not where its own frame's coordinates would put it
      Lattice.Glyph g = Math.floorMod(dir - frame, 360) == 0
          ? new Lattice.Glyph(text, t.getXDirAdj(), t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj(),
              t.getYDirAdj() - h / 2, size)
          : Lattice.turned(text, dir, frame, t.getTextMatrix().getTranslateX(), t.getTextMatrix().getTranslateY(),
              t.getWidthDirAdj(), h, size, t.getPageWidth(), t.getPageHeight());
      for (Lattice.Grid grid : page) {
        if (grid.add(g)) {
          return true;
        }
      }
      return false;
    }

    /** Writes the marks of this page's tables that begin above {@code y}. */
    private void placeTables(float y) {
      while (!pending.isEmpty() && pending.get(0).top() < y) {
        Lattice.Grid g = pending.remove(0);
        out.append(MARK).append(all.size()).append(MARK).append('\n');
        all.add(g);
      }
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
      words.add(unify(text));
      if (Float.isNaN(lineY)) {
        lineY = first.getYDirAdj();
      }
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
      placeTables(Float.MAX_VALUE);
      out.append('\n');
    }

    private void flush() {
      if (!Float.isNaN(lineY)) {
        placeTables(lineY);
      }
      lineY = Float.NaN;
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
      int start = out.length();
      List<String> texts = new ArrayList<>();
      List<float[]> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          out.append(sep[i]);
        }
        if (i == 0 || CELL.equals(sep[i])) {
          texts.add("");
          xs.add(new float[] {spans.get(i)[0], spans.get(i)[1]});
        }
        int last = texts.size() - 1;
        texts.set(last, texts.get(last) + (i == 0 || CELL.equals(sep[i]) ? "" : sep[i]) + words.get(i));
        xs.get(last)[1] = spans.get(i)[1];
        out.append(words.get(i));
      }
      if (!words.isEmpty()) {
        lines.add(new Line(start, out.length(), texts, xs));
        out.append('\n');
      }
      words.clear();
      spans.clear();
    }

    /** A line written as cells apart: its place in {@code out}, its cells and their x-ranges. */
    private record Line(int start, int end, List<String> cells, List<float[]> xs) {}

    private final List<Line> lines = new ArrayList<>();

    String text() {
      flush();
      String placed = Columns.place(out.toString(), lines.stream()
          .map(l -> new Columns.Row(l.start(), l.end(), l.cells(), l.xs())).toList());
      return unwrap(placed);
    }
  }

  /**
   * Kangxi radicals (U+2F00–U+2FDF, U+2E80–U+2EFF) and CJK compatibility ideographs (U+F900–U+FAFF,
   * U+2F800–U+2FA1F) as the ideographs they look like (NFKC): some fonts (Chromium's print, some Office exports)
   * map 「⼆」「⾏」「年」 to these twins in the text layer, where a reader sees 「二」「行」「年」.
   */
  static String unify(String s) {
    if (s.codePoints().noneMatch(PdfReport::twin)) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(twin(cp)
        ? java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC)
        : new String(Character.toChars(cp))));
    return sb.toString();
  }

  private static boolean twin(int cp) {
    return cp >= 0x2E80 && cp <= 0x2FDF || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0x2F800 && cp <= 0x2FA1F;
  }

  /**
   * A paragraph's lines as one line again: a line as long as the page's full lines that does not end a sentence
   * continues on the next. Table rows (cells apart) and page numbers (「- 3 -」) are left alone; page numbers go.
   */
  static String unwrap(String text) {
    List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.strip().matches("[-－—]\\s*\\d+\\s*[-－—]")).toList());
    // A full line's length: most of a page's prose lines are full, so three quarters of them are at least this long.
    // A table's wrapped labels are short lines too; where they outnumber the prose, the longest lines tell (no line
    // is longer than the page is wide).
    int[] lengths = lines.stream().filter(l -> !cells(l) && l.strip().length() >= 8)
        .mapToInt(String::length).sorted().toArray();
    int full = lengths.length == 0 ? 0 : (int) (0.85 * lengths[lengths.length / 4]);
    if (full < 8 && lengths.length >= 4) {
      full = (int) (0.85 * lengths[lengths.length * 9 / 10]);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      sb.append(l);
      boolean wraps = i + 1 < lines.size() && full >= 8 && l.length() >= full && !cells(l)
          && l.indexOf(MARK) < 0 && lines.get(i + 1).indexOf(MARK) < 0
          && !cells(lines.get(i + 1)) && !lines.get(i + 1).isBlank()
          && "。；;！？!?：:".indexOf(l.charAt(l.length() - 1)) < 0
          && !lines.get(i + 1).strip().matches("^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第二十条).*")
          && !(l.strip().matches("^[一二三四五六七八九十]+、.*") && l.length() <= 40);
      sb.append(wraps ? "" : "\n");
    }
    return sb.toString();
  }

  /** A table row: cells apart by a run of spaces, or by tabs (a row placed by its columns). */
  private static boolean cells(String line) {
    return line.contains("    ") || line.indexOf('\t') >= 0;
  }
}
