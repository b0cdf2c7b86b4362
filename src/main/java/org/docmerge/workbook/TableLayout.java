package org.docmerge.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.diag.Location;
import org.docmerge.spec.ReportSpec;

/**
 * Where every label, input, total and check of one table sits on its sheet in a fresh {@code init} workbook,
 * computed from the spec alone. The writer draws it; tests use it to find cells. The reader never uses it:
 * it finds cells by their labels, because staff may insert rows and columns.
 *
 * <p>Geometry (zero-based): row 0 holds the table heading, row 1 an instruction; then, block by block, an
 * optional caption row, the header rows and the data rows. Label columns come first; value columns follow; a
 * block with fewer value columns than the widest block lets its last value cell span the rest, as the official
 * table 二 does. Checks for identities along rows become columns to the right; along columns, rows below.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class TableLayout {

  /** What a laid-out label cell is, so the writer can style it. */
  enum Kind { TITLE, NOTE, CAPTION, CORNER, HEADER, ROW_LABEL, CHECK_LABEL }

  /** A label cell (possibly merged). */
  record Label(Kind kind, String text, int firstRow, int lastRow, int firstCol, int lastCol) {
    boolean merged() {
      return firstRow != lastRow || firstCol != lastCol;
    }
  }

  /** A value cell: its spec, where it is, how far it spans right, and its formula when it is a live total. */
  record Value(ReportSpec.CellSpec spec, int row, int col, int lastCol, String formula) {}

  /** A check cell of one identity, with its formula. */
  record Check(ReportSpec.Identity identity, int row, int col, String formula) {}

  /** The label staff type next to table 四's unlabelled data row, and the reader accepts. */
  static final String UNLABELLED_ROW = "数量";

  /**
   * The instruction above a table, true to that table: the grey totals are mentioned only when the table has
   * some, the 「校验」 cells only when it has checks.
   */
  static String instruction(boolean totals, boolean checks) {
    return "请在浅黄色单元格中填写数字，没有的请填 0，不要留空"
        + (totals ? "；灰色单元格是自动计算的合计，不要改动。" : "。")
        + (checks ? "「校验」格在有关数字都填好后显示 ✓（数字相互吻合）或 ✗ 相差几件（请核对相关数字）；"
            + "数字没有填全时保持空白。" : "");
  }

  /** This table's instruction (see {@link #instruction}). */
  final String instruction;

  final ReportSpec.Table table;
  final int labelCols;
  final int valueCols;
  final List<Label> labels = new ArrayList<>();
  final Map<String, Value> values = new LinkedHashMap<>();
  final List<Check> checks = new ArrayList<>();
  /** First row below the (first block's) header rows: where panes freeze. */
  final int freezeRow;
  /** One past the last row used. */
  final int rowCount;
  /** One past the last column used, check columns included. */
  final int colCount;

  private TableLayout(ReportSpec spec, ReportSpec.Table table) {
    this.table = table;
    this.labelCols = Math.max(1, table.blocks().stream().mapToInt(ReportSpec.Block::labelDepth).max().orElse(1));
    this.valueCols = table.blocks().stream().mapToInt(b -> b.columns().size()).max().orElse(0);
    int width = labelCols + valueCols;
    List<ReportSpec.Identity> alongRows = new ArrayList<>();
    List<ReportSpec.Identity> alongCols = new ArrayList<>();
    for (ReportSpec.Identity i : spec.identities()) {
      if (i.table().equals(table.id())) {
        (i.alongRows() ? alongRows : alongCols).add(i);
      }
    }
    int totalWidth = width + alongRows.size();
    labels.add(new Label(Kind.TITLE, table.heading(), 0, 0, 0, totalWidth - 1));
    labels.add(new Label(Kind.NOTE, "", 1, 1, 0, totalWidth - 1)); // the text once totals and checks are known

    int r = 2;
    int freeze = -1;
    // Where each block's rows and columns landed, for the checks.
    Map<ReportSpec.Block, int[]> blockRows = new HashMap<>();
    Map<ReportSpec.Block, Integer> headerTop = new HashMap<>();
    boolean firstBlock = true;
    for (ReportSpec.Block b : table.blocks()) {
      if (b.caption() != null) {
        labels.add(new Label(Kind.CAPTION, b.caption(), r, r, 0, width - 1));
        r++;
      }
      int depth = Math.max(1, b.headerDepth());
      headerTop.put(b, r);
      String corner = b.corner() != null ? b.corner() : firstBlock && table.corner() != null ? table.corner() : "";
      labels.add(new Label(Kind.CORNER, corner, r, r + depth - 1, 0, labelCols - 1));
      List<ReportSpec.Line> cols = b.columns();
      for (int j = 0; j < cols.size(); j++) {
        List<String> path = cols.get(j).label();
        for (int d = 0; d < path.size(); d++) {
          if (j > 0 && samePrefix(cols.get(j - 1).label(), path, d)) {
            continue; // drawn by the first column of the group
          }
          int last = j;
          while (last + 1 < cols.size() && samePrefix(cols.get(last + 1).label(), path, d)) {
            last++;
          }
          int lastCol = last == cols.size() - 1 ? width - 1 : labelCols + last;
          int lastRow = d == path.size() - 1 ? r + depth - 1 : r + d;
          labels.add(new Label(Kind.HEADER, path.get(d), r + d, lastRow, labelCols + j, lastCol));
        }
      }
      int top = r + depth;
      if (freeze < 0) {
        freeze = top;
      }
      List<ReportSpec.Line> rows = b.rows();
      for (int i = 0; i < rows.size(); i++) {
        List<String> path = rows.get(i).label();
        if (path.isEmpty()) {
          labels.add(new Label(Kind.ROW_LABEL, UNLABELLED_ROW, top + i, top + i, 0, labelCols - 1));
        }
        for (int d = 0; d < path.size(); d++) {
          if (i > 0 && samePrefix(rows.get(i - 1).label(), path, d)) {
            continue;
          }
          int last = i;
          while (last + 1 < rows.size() && samePrefix(rows.get(last + 1).label(), path, d)) {
            last++;
          }
          int lastCol = d == path.size() - 1 ? labelCols - 1 : d;
          labels.add(new Label(Kind.ROW_LABEL, path.get(d), top + i, top + last, d, lastCol));
        }
        for (int j = 0; j < cols.size(); j++) {
          ReportSpec.CellSpec cell = new ReportSpec.CellSpec(table, b, rows.get(i), cols.get(j));
          int lastCol = j == cols.size() - 1 ? width - 1 : labelCols + j;
          values.put(cell.id(), new Value(cell, top + i, labelCols + j, lastCol, null));
        }
      }
      blockRows.put(b, new int[] {top, top + rows.size()});
      r = top + rows.size();
      firstBlock = false;
    }

    // Live totals: an identity with formula=true and a single left line defines that line. A cell that two
    // identities define (table 三's 总计 of （七）总计) keeps the first one's formula; the other identity's
    // check still compares it, so the two sums are cross-checked.
    for (ReportSpec.Identity id : spec.identities()) {
      if (!id.table().equals(table.id()) || !id.formula() || id.left().size() != 1
          || id.right().contains(id.left().get(0))) {
        continue; // a left line among its own addends would be a circular reference
      }
      ReportSpec.Block b = blockOf(id);
      for (ReportSpec.Line other : id.alongRows() ? b.rows() : b.columns()) {
        String target = cellOf(id, id.left().get(0), other);
        Value v = values.get(target);
        if (v == null || v.formula() != null) {
          continue;
        }
        values.put(target, new Value(v.spec(), v.row(), v.col(), v.lastCol(), "SUM(" + refs(id, id.right(), other) + ")"));
      }
    }

    // Checks: one column per along-rows identity, one row per along-columns identity.
    int checkCol = width;
    for (ReportSpec.Identity id : alongRows) {
      ReportSpec.Block b = blockOf(id);
      int top = headerTop.get(b);
      int depth = Math.max(1, b.headerDepth());
      labels.add(new Label(Kind.CHECK_LABEL, checkLabel(id), top, top + depth - 1, checkCol, checkCol));
      for (ReportSpec.Line row : b.rows()) {
        int rr = values.get(cellOf(id, id.left().get(0), row)).row();
        checks.add(new Check(id, rr, checkCol, checkFormula(id, row)));
      }
      checkCol++;
    }
    for (ReportSpec.Identity id : alongCols) {
      ReportSpec.Block b = blockOf(id);
      labels.add(new Label(Kind.CHECK_LABEL, checkLabel(id), r, r, 0, labelCols - 1));
      for (ReportSpec.Line col : b.columns()) {
        int cc = values.get(cellOf(id, id.left().get(0), col)).col();
        checks.add(new Check(id, r, cc, checkFormula(id, col)));
      }
      r++;
    }
    this.instruction = instruction(values.values().stream().anyMatch(v -> v.formula() != null), !checks.isEmpty());
    labels.set(1, new Label(Kind.NOTE, instruction, 1, 1, 0, totalWidth - 1));
    this.freezeRow = freeze;
    this.rowCount = r;
    this.colCount = totalWidth;
  }

  static TableLayout of(ReportSpec spec, ReportSpec.Table table) {
    return new TableLayout(spec, table);
  }

  /** 「校验 R05 第一项+第二项=第三项（七）总计+第四项」 */
  static String checkLabel(ReportSpec.Identity id) {
    return "校验 " + id.rule() + " " + id.leftName() + "=" + id.rightName();
  }

  /** The value cell at (row, column) by their ids, or null. */
  Value value(String rowId, String colId) {
    return values.get(ReportSpec.cellId(table.id(), rowId, colId));
  }

  private ReportSpec.Block blockOf(ReportSpec.Identity id) {
    String first = id.left().get(0);
    for (ReportSpec.Block b : table.blocks()) {
      boolean has = id.alongRows()
          ? b.columns().stream().anyMatch(c -> c.id().equals(first))
          : b.rows().stream().anyMatch(c -> c.id().equals(first));
      if (has) {
        return b;
      }
    }
    throw new IllegalArgumentException(id.rule() + " names no line of " + table.id());
  }

  /** The cell id where identity line {@code line} meets {@code other} (a row for along-rows identities). */
  private String cellOf(ReportSpec.Identity id, String line, ReportSpec.Line other) {
    return id.alongRows()
        ? ReportSpec.cellId(table.id(), other.id(), line)
        : ReportSpec.cellId(table.id(), line, other.id());
  }

  /** Cell references such as {@code B5:G5} or {@code B7,B9}; consecutive cells collapse into ranges. */
  private String refs(ReportSpec.Identity id, List<String> lines, ReportSpec.Line other) {
    List<int[]> cells = new ArrayList<>();
    for (String line : lines) {
      Value v = values.get(cellOf(id, line, other));
      cells.add(new int[] {v.row(), v.col()});
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < cells.size()) {
      int j = i;
      while (j + 1 < cells.size() && next(cells.get(j), cells.get(j + 1))) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(ref(cells.get(i)));
      if (j > i) {
        sb.append(':').append(ref(cells.get(j)));
      }
      i = j + 1;
    }
    return sb.toString();
  }

  private static boolean next(int[] a, int[] b) {
    return (a[0] == b[0] && b[1] == a[1] + 1) || (a[1] == b[1] && b[0] == a[0] + 1);
  }

  private static String ref(int[] rc) {
    return Location.columnName(rc[1]) + (rc[0] + 1);
  }

  /**
   * {@code IF(COUNT(B5:B6,B28,C30)<4,"",IF(SUM(B5:B6)=SUM(B28:B29),"✓","✗ 相差 "&TEXT(ABS(SUM(B5:B6)-SUM(B28:B29)),"0")))}:
   * blank until every input the check depends on (through the live totals too) holds a number, then ✓, or ✗ with
   * the difference as a positive number, the convention of the CLI's messages (「相差 1」). SUM rather than {@code +}
   * so that a 「/」 typed in a cell does not turn every check into #VALUE!; the validator reports the 「/」 itself.
   */
  private String checkFormula(ReportSpec.Identity id, ReportSpec.Line other) {
    String left = "SUM(" + refs(id, id.left(), other) + ")";
    String right = "SUM(" + refs(id, id.right(), other) + ")";
    java.util.Set<List<Integer>> inputs = new java.util.TreeSet<>(java.util.Comparator.<List<Integer>>comparingInt(
        l -> l.get(1)).thenComparingInt(l -> l.get(0)));
    for (String line : id.left()) {
      inputsOf(values.get(cellOf(id, line, other)), inputs, 0);
    }
    for (String line : id.right()) {
      inputsOf(values.get(cellOf(id, line, other)), inputs, 0);
    }
    return "IF(" + count(inputs) + "<" + inputs.size() + ",\"\",IF(" + left + "=" + right
        + ",\"✓\",\"✗ 相差 \"&TEXT(ABS(" + left + "-" + right + "),\"0\")))";
  }

  /** The typed cells behind {@code v}: itself when it is an input, the inputs of its sum when it is a total. */
  private void inputsOf(Value v, java.util.Set<List<Integer>> into, int depth) {
    if (v.formula() == null || depth > 8) {
      into.add(List.of(v.row(), v.col()));
      return;
    }
    String inner = v.formula().substring("SUM(".length(), v.formula().length() - 1);
    for (String part : inner.split(",")) {
      String[] ends = part.split(":");
      int[] a = parse(ends[0]);
      int[] b = ends.length > 1 ? parse(ends[1]) : a;
      for (int r = Math.min(a[0], b[0]); r <= Math.max(a[0], b[0]); r++) {
        for (int c = Math.min(a[1], b[1]); c <= Math.max(a[1], b[1]); c++) {
          Value at = at(r, c);
          if (at == null) {
            into.add(List.of(r, c));
          } else {
            inputsOf(at, into, depth + 1);
          }
        }
      }
    }
  }

  /**
   * {@code COUNT(B5:B9,D5:E9)}: the cells as rectangles (vertical runs, merged across neighbouring columns with
   * the same run), in COUNTs of at most 30 arguments added up (the .xls limit).
   */
  private static String count(java.util.Set<List<Integer>> cells) {
    List<int[]> runs = new ArrayList<>(); // {firstRow, lastRow, firstCol, lastCol}
    for (List<Integer> cell : cells) { // by column, then row
      int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last[2] == cell.get(1) && last[3] == cell.get(1) && last[1] + 1 == cell.get(0)) {
        last[1]++;
      } else {
        runs.add(new int[] {cell.get(0), cell.get(0), cell.get(1), cell.get(1)});
      }
    }
    List<int[]> rects = new ArrayList<>();
    for (int[] run : runs) {
      int[] prev = rects.isEmpty() ? null : rects.get(rects.size() - 1);
      if (prev != null && prev[0] == run[0] && prev[1] == run[1] && prev[3] + 1 == run[2]) {
        prev[3] = run[3];
      } else {
        rects.add(run);
      }
    }
    List<String> parts = new ArrayList<>();
    for (int[] q : rects) {
      String a = ref(new int[] {q[0], q[2]});
      parts.add(q[0] == q[1] && q[2] == q[3] ? a : a + ":" + ref(new int[] {q[1], q[3]}));
    }
    List<String> counts = new ArrayList<>();
    for (int i = 0; i < parts.size(); i += 30) {
      counts.add("COUNT(" + String.join(",", parts.subList(i, Math.min(parts.size(), i + 30))) + ")");
    }
    return String.join("+", counts);
  }

  private Value at(int row, int col) {
    for (Value v : values.values()) {
      if (v.row() == row && v.col() == col) {
        return v;
      }
    }
    return null;
  }

  /** {@code B5} → {row 4, col 1}. */
  private static int[] parse(String ref) {
    int i = 0;
    int col = 0;
    while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
      col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
      i++;
    }
    return new int[] {Integer.parseInt(ref.substring(i)) - 1, col - 1};
  }

  private static boolean samePrefix(List<String> a, List<String> b, int depth) {
    if (a.size() <= depth || b.size() <= depth) {
      return false;
    }
    return a.subList(0, depth + 1).equals(b.subList(0, depth + 1));
  }
}
