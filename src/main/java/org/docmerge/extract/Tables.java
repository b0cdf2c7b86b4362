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
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Block;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/** The tables of a published report, found by their labels and read into a report's values. Stateless. */
final class Tables {
  private Tables() {}

  /** A published row with merges undone: one text per cell, a cell spanning rows repeated in each. */
  record Row(List<String> cells, int number) {}

  static void read(String file, List<PublishedReport.Table> published, ReportSpec spec, ReportData.Builder out,
      Diagnostics d) {
    // Each published table goes to the spec table whose labels it shares most; parts of one table are joined.
    Map<String, List<Row>> joined = new LinkedHashMap<>();
    Map<String, Boolean> spans = new HashMap<>();
    for (PublishedReport.Table t : published) {
      List<List<String>> rows = t.spansKnown() ? expand(t) : plain(t);
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
      for (List<String> r : rows) {
        into.add(new Row(r, into.size() + 1));
      }
      spans.merge(best.id(), t.spansKnown(), Boolean::logicalAnd);
    }
    for (Table st : spec.tables()) {
      List<Row> rows = joined.get(st.id());
      if (rows == null) {
        d.error("EXTRACT.TABLE_MISSING", Location.detail(file, st.sheet()), "报告中找不到" + st.sheet() + "「"
            + st.heading() + "」（按表中的标题文字查找）。这张表的数字都没有读取，请核对报告是否完整");
        continue;
      }
      table(file, st, rows, spans.get(st.id()), out, d);
    }
  }

  /**
   * R18: a row the official format does not have, labelled 小计 or 合计 (some offices add subtotals for
   * （三）–（六）); its numbers are not read.
   */
  private static void subtotal(String file, Table st, Row r, List<String> cells, Map<String, Line> byLeaf,
      Diagnostics d) {
    for (String c : cells) {
      String n = CellText.norm(c);
      if (byLeaf.containsKey(n)) {
        return;
      }
      if (n.length() <= 12 && (n.contains("小计") || n.contains("合计"))) {
        d.error("R18", Location.detail(file, st.sheet() + " 第" + r.number() + "行"), st.sheet() + "中有官方格式没有的「"
            + CellText.strip(c) + "」行。年度报告格式不设小计行，请删除这一行（其中的数字没有读取）");
        return;
      }
    }
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

  static List<List<String>> plain(PublishedReport.Table t) {
    return t.rows().stream().map(r -> r.stream().map(PublishedReport.Cell::text).toList()).toList();
  }

  /** Spans undone: a cell spanning columns counts once per row, a cell spanning rows appears in each row. */
  static List<List<String>> expand(PublishedReport.Table t) {
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
      Integer last = null;
      for (Integer id : g) {
        if (id != null && !id.equals(last)) {
          row.add(texts.get(id));
        }
        last = id;
      }
      out.add(row);
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
          if (cap != null && r.cells().stream().anyMatch(c -> CellText.norm(c).equals(CellText.norm(cap)))) {
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
        if (!c.label().stream().allMatch(l -> texts.contains(CellText.norm(l)))) {
          missingColumns.add(c.path());
        }
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
          subtotal(file, st, r, cells, byLeaf, d);
          for (int k = 0; k < cells.size(); k++) {
            Line line = byLeaf.get(CellText.norm(cells.get(k)));
            if (line != null && !found.containsKey(line.id())) {
              found.put(line.id(), cells.subList(k + 1, Math.min(cells.size(), k + 1 + block.columns().size())));
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
          found.put(block.rows().get(0).id(), r.cells().subList(from, r.cells().size()));
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
        if (values.size() < block.columns().size()) {
          shortRows.add((row.label().isEmpty() ? "数据行" : row.leaf()) + "（只有 " + values.size() + " 个数）");
        }
        for (int c = 0; c < block.columns().size() && c < values.size(); c++) {
          Line col = block.columns().get(c);
          if (missingColumns.contains(col.path())) {
            continue;
          }
          Location at = Location.detail(file, st.sheet() + " 第" + foundRow.get(row.id()).number() + "行 第"
              + (foundAt.get(row.id()) + c + 1) + "格");
          out.value(ReportSpec.cellId(st.id(), row.id(), col.id()), CellText.value(values.get(c), at));
        }
      }
    }
    if (!missingRows.isEmpty() || !missingColumns.isEmpty() || !shortRows.isEmpty()) {
      StringBuilder msg = new StringBuilder(st.sheet() + "不完整");
      if (!missingRows.isEmpty()) {
        msg.append("：缺少 ").append(missingRows.size()).append(" 行「").append(String.join("」「", missingRows)).append("」");
      }
      if (!missingColumns.isEmpty()) {
        msg.append(missingRows.isEmpty() ? "：" : "；").append("缺少列「")
            .append(String.join("」「", missingColumns)).append("」");
      }
      if (!shortRows.isEmpty()) {
        msg.append(missingRows.isEmpty() && missingColumns.isEmpty() ? "：" : "；").append("这些行的数不全：")
            .append(String.join("、", shortRows));
      }
      msg.append("。缺少的数字没有读取，也没有当作 0。请核对原报告是否完整（表格是否被截断或拆开）");
      d.error("EXTRACT.TABLE_INCOMPLETE", Location.detail(file, st.sheet()), msg.toString());
    }
  }
}
