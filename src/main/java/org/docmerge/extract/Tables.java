package org.docmerge.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.spec.Labels;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Block;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/** The tables of a published report, found by their labels and read into a report's values. Stateless. */
final class Tables {
  private Tables() {}

  /**
   * How many of {@code part}'s first rows repeat, cell for cell, the first rows already joined, when they hold no
   * number (header and caption rows, never values); 0 for a table's first part.
   */
  static int repeatedHead(List<Row> joined, List<List<String>> part) {
    int k = 0;
    while (k < joined.size() && k < part.size() && joined.get(k).cells().equals(part.get(k))
        && part.get(k).stream().noneMatch(c -> c.strip().matches("[0-9０-９][0-9０-９.,，]*"))) {
      k++;
    }
    return k;
  }

  /** A published row with merges undone: one text per cell, a cell spanning rows repeated in each. */
  record Row(List<String> cells, int number, List<int[]> spans) {
    /** The cell covering grid column {@code col}, or -1 (also when spans are unknown). */
    int cellAt(int col) {
      for (int i = 0; spans != null && i < spans.size(); i++) {
        if (spans.get(i)[0] <= col && col <= spans.get(i)[1]) {
          return i;
        }
      }
      return -1;
    }
  }

  static void read(String file, List<PublishedReport.Table> published, ReportSpec spec, ReportData.Builder out,
      Diagnostics d) {
    read(file, published, spec, false, out, d);
  }

  /**
   * {@code endsInText}: the text ends inside the last of {@code published} (a plain-text table), so the last row
   * of the spec table it ran into may be cut off by the end of the text.
   */
  static void read(String file, List<PublishedReport.Table> published, ReportSpec spec, boolean endsInText,
      ReportData.Builder out, Diagnostics d) {
    String cutTable = null;
    // A table with its spans (.docx, web page) goes whole to the spec table whose labels it shares most; parts of
    // one table are joined. A plain-text table goes row by row: a row holding a label only one spec table has
    // switches to that table (a copy may run tables 二 to 四 together with no line between them).
    Map<String, List<Row>> joined = new LinkedHashMap<>();
    Map<String, Boolean> spans = new HashMap<>();
    Map<String, Boolean> blanks = new HashMap<>();
    Map<String, Set<String>> unique = uniqueLabels(spec);
    for (PublishedReport.Table t : published) {
      // A table without spans whose rows are of unequal width (a web page whose editor dropped colspan and
      // rowspan) cannot be read by grid position; it is read as text is.
      if (!t.spansKnown() || ragged(t)) {
        String current = null;
        for (List<String> cells : plain(t)) {
          String switchTo = null;
          for (int k = 0; k < cells.size(); k++) {
            String c = cells.get(k);
            boolean first = cells.subList(0, k).stream().allMatch(String::isBlank);
            for (Map.Entry<String, Set<String>> e : unique.entrySet()) {
              java.util.Optional<String> hit = org.docmerge.spec.Labels.find(c, e.getValue());
              // A two-character label (「规章」, 「其他」) switches only where it begins its row: in a PDF's
              // header of single words, 「其他」 is part of table 四's 「其他结果」.
              if (hit.isPresent() && (hit.get().length() >= 3 || first)) {
                switchTo = switchTo == null ? e.getKey() : switchTo;
              }
            }
          }
          current = switchTo != null ? switchTo : current;
          if (current == null) {
            continue;
          }
          cutTable = endsInText && t == published.get(published.size() - 1) ? current : null;
          List<Row> into = joined.computeIfAbsent(current, k -> new ArrayList<>());
          into.add(new Row(cells, into.size() + 1, null));
          spans.merge(current, false, Boolean::logicalAnd);
          blanks.merge(current, t.blanksVisible(), Boolean::logicalAnd);
        }
        continue;
      }
      List<List<int[]>> gridSpans = new ArrayList<>();
      List<List<String>> rows = expand(t, gridSpans);
      Set<String> texts = texts(rows);
      Table best = null;
      int bestScore = 1;
      for (Table st : spec.tables()) {
        int score = (int) labels(st).stream().filter(texts::contains).count();
        if (score > bestScore) {
          best = st;
          bestScore = score;
        }
      }
      if (best == null) {
        continue;
      }
      List<Row> into = joined.computeIfAbsent(best.id(), k -> new ArrayList<>());
      // A later part that opens with the table's own first rows again (header rows copied by hand above a part
      // after a page break): the copy is no row of the table, so the part's rows go on in the block they are in.
      for (int k = repeatedHead(into, rows); k < rows.size(); k++) {
        into.add(new Row(rows.get(k), into.size() + 1, gridSpans.get(k)));
      }
      spans.merge(best.id(), true, Boolean::logicalAnd);
      blanks.merge(best.id(), true, Boolean::logicalAnd);
    }
    for (Table st : spec.tables()) {
      List<Row> rows = joined.get(st.id());
      if (rows == null) {
        d.warning("EXTRACT.TABLE_MISSING", Location.detail(file, st.sheet()), "没有读到" + st.sheet() + "「"
            + st.heading() + "」（按表中的标题文字查找）：这张表可能不在所给的文字中，或者版式无法识别。"
            + "这张表的数字没有读取、没有检查，也没有当作 0");
        continue;
      }
      if (spans.get(st.id())) {
        table(file, st, rows, true, out, d);
      } else {
        PlainTable.read(file, st, rows, blanks.get(st.id()), st.id().equals(cutTable), out, d);
      }
    }
  }

  /** Per spec table, the labels no other table of the spec has (comparison forms). */
  static Map<String, Set<String>> uniqueLabels(ReportSpec spec) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Table st : spec.tables()) {
      Set<String> own = new LinkedHashSet<>(labels(st));
      for (Table other : spec.tables()) {
        if (other != st) {
          own.removeAll(labels(other));
        }
      }
      own.removeIf(l -> l.length() < 2);
      out.put(st.id(), own);
    }
    return out;
  }

  /** The incomplete-table note, the same for every layout. */
  static void incomplete(String file, Table st, List<String> missingRows, Set<String> missingColumns,
      List<String> shortRows, Diagnostics d) {
    if (missingRows.isEmpty() && missingColumns.isEmpty() && shortRows.isEmpty()) {
      return;
    }
    StringBuilder msg = new StringBuilder("没有读全" + st.sheet());
    if (!missingRows.isEmpty()) {
      msg.append("：没有读到 ").append(missingRows.size()).append(" 行「").append(String.join("」「", missingRows))
          .append("」");
    }
    if (!missingColumns.isEmpty()) {
      msg.append(missingRows.isEmpty() ? "：" : "；").append("没有读到列「")
          .append(String.join("」「", missingColumns)).append("」");
    }
    if (!shortRows.isEmpty()) {
      msg.append(missingRows.isEmpty() && missingColumns.isEmpty() ? "：" : "；").append("这些行的数不全：")
          .append(String.join("、", shortRows));
    }
    msg.append("。所给的文字可能被截断，或表格版式无法完全识别；没有读到的数字没有检查，也没有当作 0。"
        + "如需完整检查，请用原报告（.docx、网页或 PDF）再运行一次");
    d.warning("EXTRACT.TABLE_INCOMPLETE", Location.detail(file, st.sheet()), msg.toString());
  }

  /**
   * R18.EXTRA_SUBTOTAL: a row the official format does not have, labelled 小计 or 合计 (some offices add subtotals for
   * （三）–（六）); its numbers are not read.
   */
  static void subtotal(String file, Table st, Row r, List<String> cells, Map<String, Line> byLeaf,
      Diagnostics d) {
    for (String c : cells) {
      String n = CellText.norm(c);
      if (byLeaf.containsKey(n)) {
        return;
      }
      if (n.length() <= 12 && (n.contains("小计") || n.contains("合计"))) {
        d.error("R18.EXTRA_SUBTOTAL", Location.detail(file, st.sheet() + " 第" + r.number() + "行"), st.sheet() + "中有官方格式没有的「"
            + CellText.strip(c) + "」行。年度报告格式不设小计行，请删除这一行（其中的数字没有读取）");
        return;
      }
    }
  }

  /**
   * Each column's grid offset from the block's first value column, found by its label path: the first label
   * anywhere in the region, each next one in a lower row within the previous one's columns. A column whose path
   * is not found is left out.
   */
  private static Map<String, Integer> offsets(Block block, List<Row> region) {
    Map<String, Integer> start = new LinkedHashMap<>();
    Set<String> claimed = new java.util.HashSet<>();
    for (Line c : block.columns()) {
      int row = -1;
      int from = 0;
      int to = Integer.MAX_VALUE;
      boolean ok = !c.label().isEmpty();
      for (String label : c.label()) {
        int[] hit = null;
        for (int r = row + 1; r < region.size() && hit == null; r++) {
          Row rr = region.get(r);
          for (int k = 0; k < rr.cells().size() && rr.spans() != null; k++) {
            int[] sp = rr.spans().get(k);
            if (sp[0] >= from && sp[0] <= to && CellText.norm(rr.cells().get(k)).equals(CellText.norm(label))) {
              hit = new int[] {r, sp[0], sp[1]};
              break;
            }
          }
        }
        // A header label cut short (「本年新 | 本年新 | 对外公开总数量」 for 本年新制作数量 and 本年新公开数量): the first
        // cut cell no earlier column took, in the format's order, as plain text is read by position.
        for (int r = row + 1; r < region.size() && hit == null; r++) {
          Row rr = region.get(r);
          for (int k = 0; k < rr.cells().size() && rr.spans() != null && header(rr); k++) {
            int[] sp = rr.spans().get(k);
            if (sp[0] >= from && sp[0] <= to && cut(rr.cells().get(k), label, block)
                && claimed.add(r + ":" + sp[0])) {
              hit = new int[] {r, sp[0], sp[1]};
              break;
            }
          }
        }
        if (hit == null) {
          ok = false;
          break;
        }
        row = hit[0];
        from = hit[1];
        to = hit[2];
      }
      if (ok) {
        start.put(c.id(), from);
      }
    }
    // Offsets count from a data row's first value cell, which is the block's first column: when that column's label
    // is not found, the leftmost column found is not where a row's values begin (「本年 | 本年 | 对外公开总数量」
    // would read 规章's 本年新制作数量 as its 对外公开总数量), so no column can be placed.
    if (!block.columns().isEmpty() && !start.containsKey(block.columns().get(0).id())) {
      return new LinkedHashMap<>();
    }
    int min = start.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    Map<String, Integer> out = new LinkedHashMap<>();
    start.forEach((k, v) -> out.put(k, v - min));
    return out;
  }

  /**
   * Whether {@code cell} is {@code label} cut short: at least three characters the label begins with, not itself a
   * whole label of the block (「本年新」 of 本年新制作数量; not 「本年」, not 「处理决定数量」).
   */
  static boolean cut(String cell, String label, Block block) {
    String c = CellText.norm(cell);
    String l = CellText.norm(label);
    return c.length() >= 3 && c.length() < l.length() && l.startsWith(c) && !headerLabels(block).contains(c);
  }

  /** A header row: no cell of it is a number. */
  private static boolean header(Row r) {
    return r.cells().stream().noneMatch(c -> CellText.norm(c).matches("[+-]?[0-9][0-9,.]*"));
  }

  /** The values of a data row whose first value cell is {@code first}, one per column (null when absent). */
  private static List<String> byOffset(Row r, int first, Block block, Map<String, Integer> offsets) {
    int base = r.spans().get(first)[0];
    List<String> out = new ArrayList<>();
    for (Line c : block.columns()) {
      Integer off = offsets.get(c.id());
      int at = off == null ? -1 : r.cellAt(base + off);
      out.add(at < first ? null : r.cells().get(at));
    }
    while (!out.isEmpty() && out.get(out.size() - 1) == null) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** R18.EXTRA_SUBTOTAL: a header column the official format does not have, labelled 小计 or 合计. */
  private static void inventedColumns(String file, Table st, Block block, List<Row> region, Diagnostics d) {
    Set<String> official = new java.util.HashSet<>();
    block.columns().forEach(c -> c.label().forEach(l -> official.add(CellText.norm(l))));
    block.rows().forEach(r -> r.label().forEach(l -> official.add(CellText.norm(l))));
    for (Row r : region) {
      for (String c : r.cells()) {
        String n = CellText.norm(c);
        if (!official.contains(n) && n.length() <= 8 && (n.contains("小计") || n.contains("合计"))) {
          d.error("R18.EXTRA_SUBTOTAL", Location.detail(file, st.sheet() + " 第" + r.number() + "行"), st.sheet() + "中有官方格式没有的「"
              + CellText.strip(c) + "」列。年度报告格式不设小计列，请删除这一列（其中的数字没有读取）");
          return;
        }
      }
    }
  }

  private static Set<String> headerLabels(Block block) {
    Set<String> out = new java.util.HashSet<>();
    block.columns().forEach(c -> c.label().forEach(l -> out.add(CellText.norm(l))));
    return out;
  }

  /** Every label of a spec table: captions, corner texts, column and row label paths. */
  static Set<String> labels(Table t) {
    Set<String> out = new LinkedHashSet<>();
    for (Block b : t.blocks()) {
      if (b.caption() != null) {
        out.add(CellText.norm(b.caption()));
      }
      b.columns().forEach(c -> c.label().forEach(l -> out.add(CellText.norm(l))));
      b.rows().forEach(r -> r.label().forEach(l -> out.add(CellText.norm(l))));
    }
    return out;
  }

  static Set<String> texts(List<List<String>> rows) {
    Set<String> out = new java.util.HashSet<>();
    rows.forEach(r -> r.forEach(c -> out.add(CellText.norm(c))));
    return out;
  }

  /**
   * Whether the table has no spans at all and rows of different widths: its merged cells were lost (or never
   * written), so its columns cannot be told by position. A table with spans is taken as its spans say.
   */
  static boolean ragged(PublishedReport.Table t) {
    boolean spanned = t.rows().stream().flatMap(List::stream).anyMatch(c -> c.colspan() > 1 || c.rowspan() > 1);
    return !spanned && t.rows().stream().mapToInt(List::size).distinct().count() > 1;
  }

  static List<List<String>> plain(PublishedReport.Table t) {
    return t.rows().stream().map(r -> r.stream().map(PublishedReport.Cell::text).toList()).toList();
  }

  /** Spans undone: a cell spanning columns counts once per row, a cell spanning rows appears in each row. */
  static List<List<String>> expand(PublishedReport.Table t, List<List<int[]>> spansOut) {
    List<List<Integer>> grid = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    int n = t.rows().size();
    for (int r = 0; r < n; r++) {
      while (grid.size() <= r) {
        grid.add(new ArrayList<>());
      }
      int col = 0;
      for (PublishedReport.Cell c : t.rows().get(r)) {
        while (col < grid.get(r).size() && grid.get(r).get(col) != null) {
          col++;
        }
        int id = texts.size();
        texts.add(c.text());
        int rows = Math.min(c.rowspan(), n - r);
        int cols = Math.min(c.colspan(), 200);
        for (int dr = 0; dr < rows; dr++) {
          while (grid.size() <= r + dr) {
            grid.add(new ArrayList<>());
          }
          List<Integer> g = grid.get(r + dr);
          for (int dc = 0; dc < cols; dc++) {
            while (g.size() <= col + dc) {
              g.add(null);
            }
            g.set(col + dc, id);
          }
        }
        col += cols;
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (List<Integer> g : grid) {
      List<String> row = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      Integer last = null;
      for (int col = 0; col < g.size(); col++) {
        Integer id = g.get(col);
        if (id != null && !id.equals(last)) {
          row.add(texts.get(id));
          spans.add(new int[] {col, col});
        } else if (id != null) {
          spans.get(spans.size() - 1)[1] = col;
        }
        last = id;
      }
      out.add(row);
      spansOut.add(spans);
    }
    return out;
  }

  private static void table(String file, Table st, List<Row> rows, boolean spansKnown, ReportData.Builder out,
      Diagnostics d) {
    // Regions: a captioned block runs from its caption to the next caption.
    List<Block> blocks = st.blocks();
    Map<Integer, List<Row>> regions = new LinkedHashMap<>();
    boolean captions = blocks.stream().anyMatch(b -> b.caption() != null);
    int current = captions ? -1 : 0;
    for (Row r : rows) {
      if (captions) {
        for (int b = 0; b < blocks.size(); b++) {
          String cap = blocks.get(b).caption();
          if (cap != null && r.cells().stream().anyMatch(c -> Labels.sameCaption(c, cap))) {
            current = b;
          }
        }
      }
      if (current >= 0) {
        regions.computeIfAbsent(current, k -> new ArrayList<>()).add(r);
      }
    }
    List<String> missingRows = new ArrayList<>();
    Set<String> missingColumns = new LinkedHashSet<>();
    List<String> shortRows = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      List<Row> region = regions.getOrDefault(b, List.of());
      Set<String> texts = texts(region.stream().map(Row::cells).toList());
      for (Line c : block.columns()) {
        if (!c.label().stream().allMatch(l -> texts.contains(CellText.norm(l))
            || spansKnown && texts.stream().anyMatch(t -> cut(t, l, block)))) {
          missingColumns.add(c.path());
        }
      }
      // With spans known, each column is located by its label path in the header (so an extra column, such as
      // an invented 小计, shifts nothing); its offset from the first value column applies to every data row.
      Map<String, Integer> offsets = spansKnown ? offsets(block, region) : null;
      if (offsets != null) {
        for (Line c : block.columns()) {
          if (!offsets.containsKey(c.id())) {
            missingColumns.add(c.path());
          }
        }
        inventedColumns(file, st, block, region, d);
      }
      Map<String, List<String>> found = new LinkedHashMap<>();
      Map<String, Row> foundRow = new HashMap<>();
      Map<String, Integer> foundAt = new HashMap<>();
      boolean labelled = block.rows().stream().anyMatch(r -> !r.label().isEmpty());
      if (labelled) {
        Map<String, Line> byLeaf = new HashMap<>();
        block.rows().forEach(r -> byLeaf.put(CellText.norm(r.leaf()), r));
        List<String> previous = List.of();
        for (Row r : region) {
          List<String> cells = new ArrayList<>(r.cells());
          if (!spansKnown) {
            // Plain text: a merged-away label cell is blank; it continues the label above it.
            for (int k = 0; k < cells.size() && cells.get(k).isBlank() && k < previous.size(); k++) {
              cells.set(k, previous.get(k));
            }
          }
          if (r.cells().stream().noneMatch(c -> headerLabels(block).contains(CellText.norm(c)))) {
            subtotal(file, st, r, cells, byLeaf, d);
          }
          for (int k = 0; k < cells.size(); k++) {
            Line line = org.docmerge.spec.Labels.find(cells.get(k), byLeaf.keySet()).map(byLeaf::get).orElse(null);
            if (line != null && !found.containsKey(line.id())) {
              found.put(line.id(), offsets != null && r.spans() != null && k + 1 < cells.size()
                  ? byOffset(r, k + 1, block, offsets)
                  : cells.subList(k + 1, Math.min(cells.size(), k + 1 + block.columns().size())));
              foundRow.put(line.id(), r);
              foundAt.put(line.id(), k + 1);
              break;
            }
          }
          previous = cells;
        }
      } else {
        // A row without a label (table 四): the row right below the last header row.
        int lastHeader = -1;
        Set<String> headerLabels = new java.util.HashSet<>();
        block.columns().forEach(c -> c.label().forEach(l -> headerLabels.add(CellText.norm(l))));
        for (int k = 0; k < region.size(); k++) {
          if (region.get(k).cells().stream().anyMatch(c -> headerLabels.contains(CellText.norm(c)))) {
            lastHeader = k;
          }
        }
        if (lastHeader >= 0 && lastHeader + 1 < region.size()) {
          Row r = region.get(lastHeader + 1);
          int n = block.columns().size();
          int from = Math.max(0, r.cells().size() - n);
          found.put(block.rows().get(0).id(), offsets != null && r.spans() != null && !r.cells().isEmpty()
              ? byOffset(r, 0, block, offsets) : r.cells().subList(from, r.cells().size()));
          foundRow.put(block.rows().get(0).id(), r);
          foundAt.put(block.rows().get(0).id(), from);
        }
      }
      for (Line row : block.rows()) {
        List<String> values = found.get(row.id());
        if (values == null) {
          missingRows.add(row.label().isEmpty() ? "数据行" : row.path());
          continue;
        }
        if (values.size() < block.columns().size() || values.contains(null)) {
          shortRows.add((row.label().isEmpty() ? "数据行" : row.leaf()) + "（只有 "
              + values.stream().filter(java.util.Objects::nonNull).count() + " 个数）");
        }
        for (int c = 0; c < block.columns().size() && c < values.size(); c++) {
          Line col = block.columns().get(c);
          if (missingColumns.contains(col.path()) || values.get(c) == null) {
            continue;
          }
          Location at = Location.detail(file, st.sheet() + " 第" + foundRow.get(row.id()).number() + "行 第"
              + (foundAt.get(row.id()) + c + 1) + "格");
          out.value(ReportSpec.cellId(st.id(), row.id(), col.id()), CellText.value(values.get(c), at,
              new ReportSpec.CellSpec(st, block, row, col).unit()));
        }
      }
    }
    incomplete(file, st, missingRows, missingColumns, shortRows, d);
  }
}
