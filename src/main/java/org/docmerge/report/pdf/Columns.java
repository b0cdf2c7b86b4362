package org.docmerge.report.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Blank cells of an unruled table placed by x-position. The columns are the header's lowest labels (a label
 * standing over two or more others is a group label, not a column; labels of a column wrapped over several lines
 * overlap and are one column); their x-ranges meet halfway between neighbours. A row whose numbers each fall in a
 * distinct column range, right of its labels, is rewritten with its cells apart by tabs and its blank cells empty;
 * any other row is left as it was (read by its gaps, or not read at all): a wrong value is worse than an unread one.
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
      }
      if (bounds == null) {
        continue;
      }
      String line = placed(r, k, bounds);
      if (line != null) {
        replaced.add(line);
        at.add(r);
      }
    }
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
}
