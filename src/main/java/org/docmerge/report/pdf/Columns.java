package org.docmerge.report.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Blank cells of an unruled table placed by x-position. The columns are the header's lowest labels (a label
 * standing over two or more others is a group label, not a column; labels of a column wrapped over several lines
 * overlap and are one column); their x-ranges meet halfway between neighbours. A row whose numbers each fall in a
 * distinct column range, right of its labels, is rewritten with its cells apart by tabs and its blank cells empty;
 * any other row is left as it was (read by its gaps, or not read at all): a wrong value is worse than an unread one.
 * Under a header not set over its columns, only the table's right edge is trusted ({@link #totals}).
 */
final class Columns {
  private Columns() {}

  /** A printed line of cells apart: its place in the text, its cells and their x-ranges. */
  record Row(int start, int end, List<String> cells, List<float[]> xs) {}

  static String place(String text, List<Row> rows) {
    List<String> replaced = new ArrayList<>();
    List<Row> at = new ArrayList<>();
    List<Row> header = new ArrayList<>();
    boolean inHeader = false;
    Model bounds = null;
    List<Row> offsetHeader = null; // a header not over its columns, and the value rows under it
    List<Row> offsetRows = new ArrayList<>();
    for (Row r : rows) {
      int k = trailingNumbers(r.cells());
      if (k == 0) {
        if (r.cells().size() < 2) {
          continue;
        }
        float lo = bounds == null ? 0 : bounds.bounds()[0];
        if (bounds != null && r.xs().stream().allMatch(x -> x[1] <= lo + 1)) {
          continue; // a row label wrapped on a line of two cells, within the table
        }
        if (!inHeader) {
          totals(offsetHeader, offsetRows, replaced, at);
          offsetHeader = null;
          offsetRows.clear();
          header.clear();
          inHeader = true;
        }
        header.add(r);
        bounds = null;
        continue;
      }
      if (inHeader) {
        inHeader = false;
        float labelEnd = k < r.cells().size() ? r.xs().get(r.cells().size() - k - 1)[1] : -Float.MAX_VALUE;
        bounds = bounds(header, labelEnd);
        offsetHeader = bounds == null ? new ArrayList<>(header) : null;
      }
      if (bounds == null) {
        if (offsetHeader != null) {
          offsetRows.add(r);
        }
        continue;
      }
      String line = placed(r, k, bounds);
      if (line != null) {
        replaced.add(line);
        at.add(r);
      }
    }
    totals(offsetHeader, offsetRows, replaced, at);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < at.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(at.get(a).start(), at.get(b).start()));
    List<String> sortedText = order.stream().map(replaced::get).toList();
    List<Row> sortedAt = order.stream().map(at::get).toList();
    replaced.clear();
    replaced.addAll(sortedText);
    at.clear();
    at.addAll(sortedAt);
    StringBuilder sb = new StringBuilder(text);
    for (int i = at.size() - 1; i >= 0; i--) {
      sb.replace(at.get(i).start(), at.get(i).end(), replaced.get(i));
    }
    return sb.toString();
  }

  private static boolean number(String s) {
    return s.strip().matches("[+-]?\\d+(\\.\\d+)?");
  }

  private static int trailingNumbers(List<String> cells) {
    int k = 0;
    while (k < cells.size() && number(cells.get(cells.size() - 1 - k))) {
      k++;
    }
    return k;
  }

  /** The value columns' bounds from the header's labels right of the row labels, or null when there are none. */
  /** Column j takes x in [bounds[j], bounds[j+1]) that is also within [start[j], end[j]] (under its label). */
  record Model(float[] bounds, float[] start, float[] end) {}

  static Model bounds(List<Row> header, float labelEnd) {
    List<float[]> labels = new ArrayList<>();
    int overRowLabels = 0;
    for (Row h : header) {
      for (float[] x : h.xs()) {
        if ((x[0] + x[1]) / 2 > labelEnd) {
          labels.add(x);
        } else {
          overRowLabels++;
        }
      }
    }
    if (overRowLabels > 1) {
      // More than the row labels' own caption stands over them: the header is not set over its columns (a table
      // printed from rows of unequal cells), so the columns cannot be told from it.
      return null;
    }
    List<float[]> leaves = new ArrayList<>();
    for (float[] x : labels) {
      long under = labels.stream().filter(o -> o != x && o[1] - o[0] < x[1] - x[0])
          .filter(o -> (o[0] + o[1]) / 2 > x[0] && (o[0] + o[1]) / 2 < x[1]).count();
      if (under < 2) {
        leaves.add(x);
      }
    }
    leaves.sort((a, b) -> Float.compare(a[0], b[0]));
    List<float[]> cols = new ArrayList<>();
    for (float[] x : leaves) {
      float[] last = cols.isEmpty() ? null : cols.get(cols.size() - 1);
      if (last != null && x[0] < last[1]) {
        last[1] = Math.max(last[1], x[1]); // one column's label wrapped over lines
      } else {
        cols.add(new float[] {x[0], x[1]});
      }
    }
    if (cols.isEmpty()) {
      return null;
    }
    int n = cols.size();
    float[] b = new float[n + 1];
    b[0] = Math.max(labelEnd, cols.get(0)[0] - (n > 1 ? (cols.get(1)[0] - cols.get(0)[1]) / 2 : 0));
    for (int i = 1; i < n; i++) {
      b[i] = (cols.get(i - 1)[1] + cols.get(i)[0]) / 2;
    }
    float[] last = cols.get(n - 1);
    b[n] = last[1] + Math.max(last[1] - last[0], n > 1 ? last[0] - b[n - 1] : 0);
    // A number stands under its label (a quarter of the narrowest gap either side), not in the gap between two.
    float gap = Float.MAX_VALUE;
    for (int i = 1; i < n; i++) {
      gap = Math.min(gap, cols.get(i)[0] - cols.get(i - 1)[1]);
    }
    float tol = n > 1 ? gap / 4 : (last[1] - last[0]) / 2;
    float[] start = new float[n];
    float[] end = new float[n];
    for (int i = 0; i < n; i++) {
      start[i] = cols.get(i)[0] - tol;
      end[i] = cols.get(i)[1] + tol;
    }
    return new Model(b, start, end);
  }

  /** The row with its cells apart by tabs and its blank cells empty, or null when the placement is not certain. */
  static String placed(Row r, int k, Model m) {
    float[] b = m.bounds();
    int n = b.length - 1;
    if (k >= n && k == r.cells().size()) {
      return null; // a full row (or more numbers than columns) is read by its gaps as today
    }
    if (k > n) {
      return null;
    }
    int labels = r.cells().size() - k;
    if (labels > 0 && r.xs().get(labels - 1)[1] > b[0] + 1) {
      return null;
    }
    String[] values = new String[n];
    int previous = -1;
    for (int i = labels; i < r.cells().size(); i++) {
      float c = (r.xs().get(i)[0] + r.xs().get(i)[1]) / 2;
      int col = -1;
      for (int j = 0; j < n; j++) {
        if (c >= b[j] && c < b[j + 1] && c >= m.start()[j] && c <= m.end()[j]) {
          col = j;
        }
      }
      if (col <= previous) {
        return null;
      }
      values[col] = r.cells().get(i).strip();
      previous = col;
    }
    if (k == n) {
      return null; // every column has its number: the gaps read it
    }
    List<String> out = new ArrayList<>(r.cells().subList(0, labels).stream().map(String::strip).toList());
    for (String v : values) {
      out.add(v == null ? "" : v);
    }
    return String.join("\t", out);
  }

  /**
   * Value columns of the shipped kinds' tables, as the characters of their labels: a header whose text holds every
   * character of a block's column labels is that block's header, and has its number of columns.
   */
  private static final List<List<String>> BLOCK_COLUMNS = org.docmerge.spec.SpecReader.shippedSpecs().stream()
      .flatMap(sp -> sp.tables().stream()).flatMap(t -> t.blocks().stream()).filter(b -> b.columns().size() >= 2)
      .map(b -> b.columns().stream().map(c -> org.docmerge.spec.Labels.norm(c.leaf())).toList()).toList();

  /** The number of value columns a header names (the largest block whose labels it shows), or 0. */
  static int columnsOf(List<Row> header) {
    StringBuilder text = new StringBuilder();
    header.forEach(h -> h.cells().forEach(c -> text.append(org.docmerge.spec.Labels.norm(c))));
    String t = text.toString();
    int best = 0;
    for (List<String> columns : BLOCK_COLUMNS) {
      boolean all = columns.stream().allMatch(l -> !l.isEmpty() && l.codePoints().allMatch(cp -> t.indexOf(cp) >= 0));
      if (all) {
        best = Math.max(best, columns.size());
      }
    }
    return best;
  }

  /**
   * Rows under a header not set over its columns (printed from rows of unequal cells): the columns cannot be told
   * from the header, but the table's right edge can. When the header names a table of {@code n} value columns, the
   * rightmost column of numbers holds a number in every row and stands apart from every other number, a row whose
   * only number stands there is that row's last column (its total), its other cells blank on the page. Any other
   * row is left as it was (not read): a wrong value is worse than an unread one.
   */
  static void totals(List<Row> header, List<Row> rows, List<String> replaced, List<Row> at) {
    if (header == null || rows.size() < 2) {
      return;
    }
    int n = columnsOf(header);
    if (n < 2) {
      return;
    }
    float charWidth = 0;
    for (Row r : rows) {
      for (int i = r.cells().size() - trailingNumbers(r.cells()); i < r.cells().size(); i++) {
        float[] x = r.xs().get(i);
        charWidth = Math.max(charWidth, (x[1] - x[0]) / Math.max(1, r.cells().get(i).strip().length()));
      }
    }
    float tol = 2.5f * charWidth;
    float right = -Float.MAX_VALUE;
    for (Row r : rows) {
      float[] x = r.xs().get(r.cells().size() - 1);
      right = Math.max(right, (x[0] + x[1]) / 2);
    }
    float edge = right - tol;
    for (Row r : rows) {
      int k = trailingNumbers(r.cells());
      float[] last = r.xs().get(r.cells().size() - 1);
      if ((last[0] + last[1]) / 2 < edge) {
        return; // a row without a number at the right edge: which column is the last cannot be told
      }
      for (int i = 0; i < r.cells().size() - 1; i++) {
        float[] x = r.xs().get(i);
        if (x[1] > edge - tol) {
          return; // another cell (a number or a label) reaches the right column: not apart
        }
      }
      if (k > 1 && r.xs().get(r.cells().size() - 2)[1] > edge - 2 * tol) {
        return;
      }
    }
    float[] grid = n >= 3 ? secondCell(header, rows) : null;
    for (Row r : rows) {
      int k = trailingNumbers(r.cells());
      List<String> out;
      if (k == 1 && r.cells().size() >= 2) {
        out = new ArrayList<>(r.cells().subList(0, r.cells().size() - 1).stream().map(String::strip).toList());
        for (int j = 0; j < n - 1; j++) {
          out.add("");
        }
      } else if (k == 2 && r.cells().size() == 3 && grid != null && Math.abs(r.xs().get(0)[0] - grid[0]) <= GRID
          && Math.abs(r.xs().get(1)[0] - grid[1]) <= GRID) {
        // One row label, and a number set exactly where the table's second cells begin: the row's second cell,
        // which is its first value column (the left-aligned cells of a table printed from rows of unequal cells).
        out = new ArrayList<>(List.of(r.cells().get(0).strip(), r.cells().get(1).strip()));
        for (int j = 0; j < n - 2; j++) {
          out.add("");
        }
      } else {
        continue; // numbers in other columns too: their columns cannot be told
      }
      out.add(r.cells().get(r.cells().size() - 1).strip());
      replaced.add(String.join("\t", out));
      at.add(r);
    }
  }

  /** How far (pt) two cells' left edges may be apart and still stand on one grid line of a left-aligned table. */
  private static final float GRID = 0.5f;

  /**
   * The left edges of a left-aligned table's first and second cells ({x, x}), where the rows of unequal cells all
   * begin their second cell: at least three rows (header or value rows) whose first cell starts at the table's left
   * edge have a second cell of text, of at least two different widths, starting on one x (within {@link #GRID}),
   * and no row's second cell of text starts anywhere else. Null when the table shows no such line (centred cells,
   * or second cells at different places): then no number is placed by it.
   */
  static float[] secondCell(List<Row> header, List<Row> rows) {
    List<Row> all = new ArrayList<>(header);
    all.addAll(rows);
    float left = Float.MAX_VALUE;
    for (Row r : all) {
      left = Math.min(left, r.xs().get(0)[0]);
    }
    List<float[]> seconds = new ArrayList<>();
    for (Row r : all) {
      if (r.cells().size() >= 2 && Math.abs(r.xs().get(0)[0] - left) <= GRID && !number(r.cells().get(1))) {
        seconds.add(r.xs().get(1));
      }
    }
    if (seconds.size() < 3) {
      return null;
    }
    float x = seconds.get(0)[0];
    java.util.Set<Integer> widths = new java.util.HashSet<>();
    for (float[] s : seconds) {
      if (Math.abs(s[0] - x) > GRID) {
        return null;
      }
      widths.add(Math.round(s[1] - s[0]));
    }
    return widths.size() >= 2 ? new float[] {left, x} : null;
  }
}
