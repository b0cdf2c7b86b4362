package org.docmerge.report.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.docmerge.report.PublishedReport;

/**
 * The ruled tables of one page: the horizontal and vertical line segments the page draws (stroked lines and
 * rectangles, and thin filled rectangles, which is how LibreOffice and Word draw cell borders; dashed and dotted
 * borders drawn as many short segments or tiny squares joined into one rule; double borders one rule; cell shading
 * no rule) formed into grids.
 * A grid's cells are the spaces between its lines; two neighbouring grid cells with no rule between them are one
 * merged cell. Glyphs are then put into the cell they stand in ({@link #add}), and each cell's text is its lines
 * joined with {@code \n}. Coordinates are the page's, from its top left as the text reads (as {@code TextPosition}'s
 * "DirAdj" ones: on a page turned by /Rotate, the rules are turned into the frame of its text).
 */
final class Lattice {
  /** Rules closer than this (pt) are one rule (a double border, a thick border drawn as two rectangles). */
  private static final float TOL = 2.0f;
  /** A row taller than this (pt) below a grid is no row of it. */
  private static final float MAX_ROW = 120f;
  /** Grid lines closer than this (pt) are one: no text fits between them. */
  private static final float SLIVER = 5.0f;
  /** A filled rectangle thinner than this (pt) is a rule, not shading. */
  private static final float THIN = 3.0f;
  /** More rules than this on a page (a table of 30 rows by 15 columns draws under 1,000) are no table. */
  private static final int MAX_RULES = 4000;

  /** A horizontal (y, x1, x2) or vertical (x, y1, y2) segment. */
  record Seg(boolean horizontal, float at, float from, float to) {}

  /** A glyph: its text, left edge, right edge, baseline, centre and size. */
  record Glyph(String text, float x, float right, float baseline, float cy, float size) {}

  /** One ruled table on a page. */
  static final class Grid {
    final float[] xs;
    final float[] ys;
    /** Per grid cell, the id of the (merged) cell it belongs to. */
    final int[][] owner;
    final List<List<Glyph>> glyphs = new ArrayList<>();
    final int page;

    Grid(float[] xs, float[] ys, int[][] owner, int page, int cells) {
      this.xs = xs;
      this.ys = ys;
      this.owner = owner;
      this.page = page;
      for (int i = 0; i < cells; i++) {
        glyphs.add(new ArrayList<>());
      }
    }

    float top() {
      return ys[0];
    }

    boolean contains(float x, float y) {
      return x > xs[0] && x < xs[xs.length - 1] && y > ys[0] && y < ys[ys.length - 1];
    }

    /** Puts a glyph into its cell; false when it is outside the grid. */
    boolean add(Glyph g) {
      float cx = (g.x() + g.right()) / 2;
      if (!contains(cx, g.cy())) {
        return false;
      }
      int c = index(xs, cx);
      int r = index(ys, g.cy());
      List<Glyph> cell = glyphs.get(owner[r][c]);
      for (int i = Math.max(0, cell.size() - 4); i < cell.size(); i++) {
        Glyph o = cell.get(i);
        if (o.text().equals(g.text()) && Math.abs(o.x() - g.x()) < Math.min(0.15f * g.size(), 0.4f * (g.right() - g.x()))
            && Math.abs(o.baseline() - g.baseline()) < 0.3f * g.size()) {
          return true; // drawn twice a little apart (simulated bold): one glyph
        }
      }
      cell.add(g);
      return true;
    }

    /** Same columns: the part of this table on the next page. */
    boolean sameColumns(Grid other) {
      if (other.xs.length != xs.length) {
        return false;
      }
      for (int i = 0; i < xs.length; i++) {
        if (Math.abs(other.xs[i] - xs[i]) > TOL) {
          return false;
        }
      }
      return true;
    }

    /** The table's rows: each merged cell once, in the grid row where it begins, with its spans. */
    List<List<PublishedReport.Cell>> rows() {
      int nr = ys.length - 1;
      int nc = xs.length - 1;
      List<List<PublishedReport.Cell>> out = new ArrayList<>();
      boolean[] done = new boolean[glyphs.size()];
      for (int r = 0; r < nr; r++) {
        List<PublishedReport.Cell> row = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
          int id = owner[r][c];
          if (done[id]) {
            continue;
          }
          done[id] = true;
          int c2 = c;
          while (c2 + 1 < nc && owner[r][c2 + 1] == id) {
            c2++;
          }
          int r2 = r;
          while (r2 + 1 < nr && owner[r2 + 1][c] == id) {
            r2++;
          }
          row.add(new PublishedReport.Cell(text(glyphs.get(id)), c2 - c + 1, r2 - r + 1));
        }
        out.add(row);
      }
      return out;
    }
  }

  private Lattice() {}

  /** The index of the interval of {@code edges} that holds {@code v}. */
  private static int index(float[] edges, float v) {
    for (int i = 1; i < edges.length - 1; i++) {
      if (v < edges[i]) {
        return i - 1;
      }
    }
    return edges.length - 2;
  }

  /** A cell's text: its glyphs in lines (by baseline), each line left to right, lines joined with \n. */
  static String text(List<Glyph> glyphs) {
    List<Glyph> gs = new ArrayList<>();
    for (Glyph g : glyphs) {
      // (a cell of more than PILE_CHECK glyphs is prose in a box: not compared pairwise, which takes quadratic time)
      if (glyphs.size() > PILE_CHECK
          || glyphs.stream().noneMatch(o -> o != g && !o.text().equals(g.text()) && piled(o, g))) {
        gs.add(g);
      }
    }
    gs.sort(Comparator.comparingDouble(Glyph::baseline));
    List<List<Glyph>> lines = new ArrayList<>();
    for (Glyph g : gs) {
      List<Glyph> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
      if (last != null && Math.abs(last.get(0).baseline() - g.baseline()) < 0.5f * Math.max(g.size(), 1f)) {
        last.add(g);
      } else {
        List<Glyph> l = new ArrayList<>();
        l.add(g);
        lines.add(l);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<Glyph> line : lines) {
      line.sort(Comparator.comparingDouble(Glyph::x));
      if (sb.length() > 0) {
        sb.append('\n');
      }
      Glyph prev = null;
      for (Glyph g : line) {
        if (prev != null && g.x() - prev.right() > 0.25f * Math.max(g.size(), 1f)) {
          sb.append(' ');
        }
        sb.append(g.text());
        prev = g;
      }
    }
    return sb.toString();
  }

  /**
   * Two different characters drawn on one spot (less than a third of a glyph apart either way): a blot no reader
   * can read, not text (LibreOffice piles a turned group label's characters so when its font has no vertical
   * metrics, overflowing into the row below). Such glyphs are left out of their cell.
   */
  private static final int PILE_CHECK = 400;

  private static boolean piled(Glyph a, Glyph b) {
    float w = Math.min(a.right() - a.x(), b.right() - b.x());
    if (w < 0.5f) {
      return false; // a glyph of no advance (a font's missing width): its place in the text is all it has
    }
    return Math.abs(a.x() - b.x()) < w / 3 && Math.abs(a.baseline() - b.baseline()) < Math.max(1f, a.size()) / 3;
  }

  /**
   * A point of a page (from its crop box's lower left, y up, the box {@code width} by {@code height}) in the frame
   * of text of direction {@code dir}: from the top left as that text reads, as PDFBox gives a glyph's "DirAdj"
   * coordinates.
   */
  static Point2D.Float frame(int dir, float x, float y, float width, float height) {
    return switch (((dir % 360) + 360) % 360) {
      case 90 -> new Point2D.Float(y, x);
      case 180 -> new Point2D.Float(width - x, y);
      case 270 -> new Point2D.Float(height - y, width - x);
      default -> new Point2D.Float(x, height - y);
    };
  }

  /**
   * A glyph of direction {@code dir} in the frame of direction {@code to} (a character turned within a table of
   * upright text: a bracket or a label set sideways in a narrow cell). {@code x, y} is its origin on the page (from
   * the crop box's lower left), {@code advance} and {@code height} its size along and across its direction. Its
   * box is centred where it is drawn; its "baseline" orders it among the cell's lines in its reading order (top
   * down for text reading down, bottom up for text reading up).
   */
  static Glyph turned(String text, int dir, int to, float x, float y, float advance, float height, float size,
      float pageWidth, float pageHeight) {
    Point2D.Float o = frame(to, x, y, pageWidth, pageHeight);
    int r = (((dir - to) % 360) + 360) % 360;
    // reading direction and the glyph's up in the target frame (y down)
    float dx = r == 0 ? 1 : r == 180 ? -1 : 0;
    float dy = r == 90 ? -1 : r == 270 ? 1 : 0;
    float ux = dy;
    float uy = -dx;
    float cx = o.x + dx * advance / 2 + ux * height / 2;
    float cy = o.y + dy * advance / 2 + uy * height / 2;
    float half = (r == 90 || r == 270 ? height : advance) / 2;
    float order = r == 90 ? -cy : cy + 0.35f * size;
    return new Glyph(text, cx - half, cx + half, order, cy, size);
  }

  /** The ruled tables on a page, top to bottom, in the frame of upright text (text direction 0). */
  static List<Grid> grids(PDPage page, int pageNo, long[] budget) throws IOException {
    return grids(page, pageNo, budget, 0);
  }

  /**
   * The ruled tables on a page, top to bottom, in the frame of text drawn in direction {@code dir} (0, 90, 180 or
   * 270 degrees, as {@code TextPosition.getDir()}): the rules are turned as PDFBox turns that text's "DirAdj"
   * coordinates, so a table on a landscape page (content drawn turned under /Rotate 90 or 270) meets its glyphs.
   */
  static List<Grid> grids(PDPage page, int pageNo, long[] budget, int dir) throws IOException {
    Rules rules = new Rules(page, dir);
    rules.processPage(page);
    rules.join();
    long cost = (long) rules.segs.size() * rules.segs.size() / 2;
    if (rules.segs.size() > MAX_RULES || cost > budget[0]) {
      return List.of(); // a drawing, not a table (grouping takes quadratic time, a document has a budget): by gaps
    }
    budget[0] -= cost;
    return grids(rules.segs, pageNo);
  }

  /** Segments grouped into connected tables, each formed into a grid. */
  static List<Grid> grids(List<Seg> segs, int pageNo) {
    int n = segs.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (touch(segs.get(i), segs.get(j))) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    List<Grid> out = new ArrayList<>();
    boolean[] used = new boolean[n];
    List<Float> tops = new ArrayList<>();
    List<Object[]> formed = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (find(parent, root) != root) {
        continue;
      }
      List<Seg> hs = new ArrayList<>();
      List<Seg> vs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (find(parent, i) == root) {
          (segs.get(i).horizontal() ? hs : vs).add(segs.get(i));
        }
      }
      float[][] yr = cluster(hs.stream().map(Seg::at).toList());
      float[][] xr = cluster(vs.stream().map(Seg::at).toList());
      float[] ys = middles(yr);
      float[] xs = middles(xr);
      // A frame around text, or rules across a table without column rules (a 三线表), is no lattice: its text
      // is read by the glyphs' gaps.
      if (ys.length < 3 || xs.length < 3 || xs[xs.length - 1] - xs[0] < 20 || ys[ys.length - 1] - ys[0] < 8) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        used[i] |= find(parent, i) == root;
      }
      tops.add(ys[0]);
      formed.add(new Object[] {xs, ys, xr, yr, hs, vs});
    }
    for (Object[] f : formed) {
      float[] xs = (float[]) f[0];
      float[][] yr = (float[][]) f[3];
      @SuppressWarnings("unchecked")
      List<Seg> hs = new ArrayList<>((List<Seg>) f[4]);
      int ruledRows = yr.length - 1;
      yr = below(segs, used, xs, yr, hs, tops);
      out.add(grid(xs, middles(yr), (float[][]) f[2], yr, hs, (List<Seg>) f[5], pageNo, ruledRows));
    }
    out.sort(Comparator.comparingDouble(Grid::top));
    return out;
  }

  /**
   * Rows below a grid ruled across its whole width but without column rules of their own (a table whose header
   * is ruled and whose body has rules between rows only): their columns are those of the rows above. They are
   * added to {@code hs} and to the returned grid lines.
   */
  private static float[][] below(List<Seg> segs, boolean[] used, float[] xs, float[][] yr, List<Seg> hs,
      List<Float> tops) {
    float bottom = yr[yr.length - 1][1];
    float next = Float.MAX_VALUE;
    for (float t : tops) {
      if (t > bottom + TOL) {
        next = Math.min(next, t);
      }
    }
    float limit = next;
    List<Seg> across = new ArrayList<>();
    for (int i = 0; i < segs.size(); i++) {
      Seg s = segs.get(i);
      if (!used[i] && s.horizontal() && s.at() > bottom + SLIVER && s.at() < limit
          && s.from() <= xs[0] + 2 * SLIVER && s.to() >= xs[xs.length - 1] - 2 * SLIVER) {
        across.add(s);
      }
    }
    List<float[]> out = new ArrayList<>(List.of(yr));
    for (float[] line : cluster(across.stream().map(Seg::at).toList())) {
      if (line[0] - out.get(out.size() - 1)[1] > MAX_ROW) {
        break;
      }
      out.add(line);
      for (Seg s : across) {
        if (s.at() >= line[0] && s.at() <= line[1]) {
          hs.add(s);
        }
      }
    }
    return out.toArray(new float[0][]);
  }

  private static Grid grid(float[] xs, float[] ys, float[][] xr, float[][] yr, List<Seg> hs, List<Seg> vs,
      int pageNo, int ruledRows) {
    int nr = ys.length - 1;
    int nc = xs.length - 1;
    int[] parent = new int[nr * nc];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int r = 0; r < nr; r++) {
      float ym = (ys[r] + ys[r + 1]) / 2;
      for (int c = 0; c < nc; c++) {
        float xm = (xs[c] + xs[c + 1]) / 2;
        if (c + 1 < nc && !(r >= ruledRows || ruled(vs, xr[c + 1], ym))) {
          parent[find(parent, r * nc + c)] = find(parent, r * nc + c + 1);
        }
        if (r + 1 < nr && !ruled(hs, yr[r + 1], xm)) {
          parent[find(parent, r * nc + c)] = find(parent, (r + 1) * nc + c);
        }
      }
    }
    int[][] owner = new int[nr][nc];
    int[] ids = new int[parent.length];
    java.util.Arrays.fill(ids, -1);
    int next = 0;
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        int root = find(parent, r * nc + c);
        if (ids[root] < 0) {
          ids[root] = next++;
        }
        owner[r][c] = ids[root];
      }
    }
    return new Grid(xs, ys, owner, pageNo, next);
  }

  /** Whether a rule within the range {@code at} (the rules of one grid line) crosses the point {@code along}. */
  private static boolean ruled(List<Seg> segs, float[] at, float along) {
    for (Seg s : segs) {
      if (s.at() >= at[0] - TOL && s.at() <= at[1] + TOL && s.from() - TOL <= along && along <= s.to() + TOL) {
        return true;
      }
    }
    return false;
  }

  private static boolean touch(Seg a, Seg b) {
    if (a.horizontal() == b.horizontal()) {
      return Math.abs(a.at() - b.at()) <= TOL && a.from() <= b.to() + TOL && b.from() <= a.to() + TOL;
    }
    Seg h = a.horizontal() ? a : b;
    Seg v = a.horizontal() ? b : a;
    return v.at() >= h.from() - TOL && v.at() <= h.to() + TOL && h.at() >= v.from() - TOL && h.at() <= v.to() + TOL;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * Rule positions as grid lines, each the range [first, last] of the rules it stands for: rules closer than TOL
   * are one line, and so are lines closer than SLIVER (a browser draws each cell's own border, cells a little
   * apart: the space between two cells is no column).
   */
  private static float[][] cluster(List<Float> values) {
    List<Float> v = new ArrayList<>(values);
    v.sort(null);
    List<float[]> out = new ArrayList<>();
    for (float f : v) {
      float[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && f - last[1] <= SLIVER) {
        last[1] = f;
      } else {
        out.add(new float[] {f, f});
      }
    }
    return out.toArray(new float[0][]);
  }

  private static float[] middles(float[][] ranges) {
    float[] a = new float[ranges.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = (ranges[i][0] + ranges[i][1]) / 2;
    }
    return a;
  }

  /** Dashes of one rule are at most this far apart (pt); the cells of any table are wider. */
  private static final float DASH = 6.0f;

  /**
   * Collects a page's rules: stroked axis-aligned lines and rectangles, thin filled rectangles; a dashed or dotted
   * rule drawn as many short segments or tiny squares ({@link #join}) is one rule.
   */
  private static final class Rules extends PDFGraphicsStreamEngine {
    List<Seg> segs = new ArrayList<>();
    /** Marks too short to be rules of their own (a dotted border's dots): their centres. */
    private final List<Point2D.Float> dots = new ArrayList<>();

    /**
     * Segments on one line with gaps of at most {@link #DASH} as one rule, and runs of at least four dots on one
     * line, each within {@link #DASH} of the next, as a rule from the first to the last.
     */
    void join() {
      List<Seg> out = new ArrayList<>();
      for (boolean horizontal : new boolean[] {true, false}) {
        List<Seg> line = new ArrayList<>();
        for (Seg sg : segs) {
          if (sg.horizontal() == horizontal) {
            line.add(sg);
          }
        }
        List<Point2D.Float> ds = new ArrayList<>(dots);
        ds.sort(horizontal ? Comparator.<Point2D.Float>comparingDouble(q -> Math.round(q.y * 2)).thenComparingDouble(q -> q.x)
            : Comparator.<Point2D.Float>comparingDouble(q -> Math.round(q.x * 2)).thenComparingDouble(q -> q.y));
        int i = 0;
        while (i < ds.size()) {
          int j = i;
          while (j + 1 < ds.size() && Math.abs(at(ds.get(j + 1), horizontal) - at(ds.get(j), horizontal)) <= 0.5f
              && along(ds.get(j + 1), horizontal) - along(ds.get(j), horizontal) <= DASH) {
            j++;
          }
          if (j - i + 1 >= 4) {
            float step = (along(ds.get(j), horizontal) - along(ds.get(i), horizontal)) / (j - i);
            line.add(dashed(new Seg(horizontal, at(ds.get(i), horizontal), along(ds.get(i), horizontal),
                along(ds.get(j), horizontal)), j - i + 1, step));
          }
          i = j + 1;
        }
        line.sort(Comparator.comparingDouble((Seg sg) -> Math.round(sg.at() * 2)).thenComparingDouble(Seg::from));
        Seg cur = null;
        int pieces = 0;
        float gap = 0;
        for (Seg sg : line) {
          if (cur != null && Math.abs(sg.at() - cur.at()) <= 0.5f && sg.from() - cur.to() <= DASH) {
            gap = Math.max(gap, sg.from() - cur.to());
            cur = new Seg(horizontal, cur.at(), cur.from(), Math.max(cur.to(), sg.to()));
            pieces++;
          } else {
            if (cur != null) {
              out.add(dashed(cur, pieces, gap));
            }
            cur = sg;
            pieces = 1;
            gap = 0;
          }
        }
        if (cur != null) {
          out.add(dashed(cur, pieces, gap));
        }
      }
      segs = out;
      dots.clear();
    }

    /**
     * A rule of three or more dashes reaches up to a gap further at either end: where a dash pattern starts and
     * stops along its line is the producer's choice, so its last dash may stop short of the corner it meets.
     */
    private static Seg dashed(Seg sg, int pieces, float gap) {
      return pieces < 3 || gap <= 0 ? sg : new Seg(sg.horizontal(), sg.at(), sg.from() - gap, sg.to() + gap);
    }

    private static float at(Point2D.Float q, boolean horizontal) {
      return horizontal ? q.y : q.x;
    }

    private static float along(Point2D.Float q, boolean horizontal) {
      return horizontal ? q.x : q.y;
    }
    private final List<List<Point2D.Float>> path = new ArrayList<>();
    private final float left;
    private final float bottom;
    private final float width;
    private final float height;
    private final int dir;

    Rules(PDPage page, int dir) {
      super(page);
      PDRectangle box = page.getCropBox();
      left = box.getLowerLeftX();
      bottom = box.getLowerLeftY();
      width = box.getWidth();
      height = box.getHeight();
      this.dir = ((dir % 360) + 360) % 360;
    }

    /** A point of the page (user space) in the text's frame: from its top left along the text's direction. */
    private Point2D.Float p(double px, double py) {
      return frame(dir, (float) px - left, (float) py - bottom, width, height);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      List<Point2D.Float> sub = new ArrayList<>();
      for (Point2D q : new Point2D[] {p0, p1, p2, p3, p0}) {
        sub.add(p(q.getX(), q.getY()));
      }
      path.add(sub);
    }

    @Override
    public void moveTo(float x, float y) {
      List<Point2D.Float> sub = new ArrayList<>();
      sub.add(p(x, y));
      path.add(sub);
    }

    @Override
    public void lineTo(float x, float y) {
      if (path.isEmpty()) {
        moveTo(x, y);
        return;
      }
      path.get(path.size() - 1).add(p(x, y));
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      lineTo(x3, y3); // a curve is no rule; its end keeps the path going
    }

    @Override
    public Point2D getCurrentPoint() {
      return new Point2D.Float();
    }

    @Override
    public void closePath() {
      if (!path.isEmpty() && !path.get(path.size() - 1).isEmpty()) {
        List<Point2D.Float> sub = path.get(path.size() - 1);
        sub.add(sub.get(0));
      }
    }

    @Override
    public void endPath() {
      path.clear();
    }

    @Override
    public void strokePath() {
      for (List<Point2D.Float> sub : path) {
        for (int i = 1; i < sub.size(); i++) {
          Point2D.Float a = sub.get(i - 1);
          Point2D.Float b = sub.get(i);
          if (Math.abs(a.y - b.y) < 0.5f && Math.abs(a.x - b.x) >= 1f) {
            segs.add(new Seg(true, a.y, Math.min(a.x, b.x), Math.max(a.x, b.x)));
          } else if (Math.abs(a.x - b.x) < 0.5f && Math.abs(a.y - b.y) >= 1f) {
            segs.add(new Seg(false, a.x, Math.min(a.y, b.y), Math.max(a.y, b.y)));
          } else if (Math.abs(a.x - b.x) < 1f && Math.abs(a.y - b.y) < 1f && dots.size() < MAX_RULES * 8) {
            dots.add(new Point2D.Float((a.x + b.x) / 2, (a.y + b.y) / 2));
          }
        }
      }
      path.clear();
    }

    @Override
    public void fillPath(int windingRule) {
      for (List<Point2D.Float> sub : path) {
        if (sub.size() < 3) {
          continue;
        }
        float x1 = Float.MAX_VALUE;
        float y1 = Float.MAX_VALUE;
        float x2 = -Float.MAX_VALUE;
        float y2 = -Float.MAX_VALUE;
        for (Point2D.Float q : sub) {
          x1 = Math.min(x1, q.x);
          y1 = Math.min(y1, q.y);
          x2 = Math.max(x2, q.x);
          y2 = Math.max(y2, q.y);
        }
        float w = x2 - x1;
        float h = y2 - y1;
        if (w < 1f && h < 1f) {
          if (dots.size() < MAX_RULES * 8) {
            dots.add(new Point2D.Float((x1 + x2) / 2, (y1 + y2) / 2));
          }
        } else if (h <= THIN && w > h && w >= 1f) {
          segs.add(new Seg(true, (y1 + y2) / 2, x1, x2));
        } else if (w <= THIN && h > w && h >= 1f) {
          segs.add(new Seg(false, (x1 + x2) / 2, y1, y2));
        }
      }
      path.clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      List<List<Point2D.Float>> copy = new ArrayList<>(path);
      strokePath();
      path.addAll(copy);
      fillPath(windingRule);
    }

    @Override
    public void clip(int windingRule) {
      // the clip is followed by endPath (or a paint) which decides
    }

    @Override
    public void drawImage(PDImage pdImage) {}

    /** A Type 3 font's glyph (Chromium draws CJK glyphs so) is drawn with paths: its strokes are no rules. */
    @Override
    protected void showType3Glyph(org.apache.pdfbox.util.Matrix m, org.apache.pdfbox.pdmodel.font.PDType3Font font,
        int code, org.apache.pdfbox.util.Vector displacement) {}

    @Override
    public void shadingFill(COSName shadingName) {}
  }
}
