package org.docmerge.workbook;

import static org.docmerge.spec.Labels.norm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellRangeAddress;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Reads one statistical table sheet of the spec. Cells are found by labels, never by position, so rows and columns
 * staff insert do not shift values: a block's caption (if any) bounds its region of the sheet, each column is a
 * path of header labels (each one below the previous), each row a path of row labels (each one to the right),
 * and the value sits where the row meets the column. A label that is missing or repeated is reported once; a
 * merge that swallows two or more value cells is an error ({@code WB.MERGED_DATA}), since only its top-left value
 * survives.
 */
final class TableSheetReader {
  private final String file;
  private final Diagnostics d;
  private final CellReader cells;
  private final ReportData.Builder out;

  TableSheetReader(String file, Diagnostics d, CellReader cells, ReportData.Builder out) {
    this.file = file;
    this.d = d;
    this.cells = cells;
    this.out = out;
  }

  /** Every cell of the table, by block: caption → region, column and row label paths → position → value. */
  void read(SheetIndex s, ReportSpec.Table t) {
    Set<String> reported = new HashSet<>();
    Map<String, int[]> positions = new LinkedHashMap<>();
    // Caption rows split the sheet into block regions (table 二); a table without captions is one region.
    List<int[]> regions = new ArrayList<>();
    List<ReportSpec.Block> blocks = t.blocks();
    for (ReportSpec.Block b : blocks) {
      if (b.caption() == null) {
        regions.add(new int[] {0, Integer.MAX_VALUE});
        continue;
      }
      List<SheetIndex.Span> hits = s.find(norm(b.caption()), 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
      if (hits.size() != 1) {
        labelProblem(s, hits.isEmpty(), "标题", b.caption(), reported);
        regions.add(null);
        continue;
      }
      regions.add(new int[] {hits.get(0).lastRow() + 1, Integer.MAX_VALUE});
    }
    // A block's region ends where the next block's caption starts.
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i) == null) {
        continue;
      }
      for (int j = 0; j < regions.size(); j++) {
        int[] o = regions.get(j);
        if (j != i && o != null && blocks.get(j).caption() != null && o[0] - 1 >= regions.get(i)[0]) {
          regions.get(i)[1] = Math.min(regions.get(i)[1], o[0] - 2);
        }
      }
    }
    for (int i = 0; i < blocks.size(); i++) {
      int[] reg = regions.get(i);
      if (reg == null) {
        continue;
      }
      ReportSpec.Block b = blocks.get(i);
      Map<String, SheetIndex.Span> cols = new HashMap<>();
      int headerBottom = -1;
      for (ReportSpec.Line c : b.columns()) {
        SheetIndex.Span span = path(s, c.label(), reg, true, reported);
        if (span != null) {
          cols.put(c.id(), span);
          headerBottom = Math.max(headerBottom, span.lastRow());
        }
      }
      for (ReportSpec.Line r : b.rows()) {
        int row;
        if (r.label().isEmpty()) {
          // Table 四's single data row has no official label: init marks it 「数量」; without that mark it is
          // the row right below the header.
          if (headerBottom < 0) {
            continue;
          }
          int firstValueCol = cols.values().stream().mapToInt(SheetIndex.Span::firstCol).min().orElse(1);
          List<SheetIndex.Span> marked = s.find(norm(TableLayout.UNLABELLED_ROW), headerBottom + 1, reg[1], 0,
              firstValueCol - 1);
          row = marked.size() == 1 ? marked.get(0).firstRow() : headerBottom + 1;
        } else {
          SheetIndex.Span span = path(s, r.label(), reg, false, reported);
          if (span == null) {
            continue;
          }
          row = span.firstRow();
        }
        for (ReportSpec.Line c : b.columns()) {
          SheetIndex.Span col = cols.get(c.id());
          if (col != null) {
            positions.put(ReportSpec.cellId(t.id(), r.id(), c.id()), new int[] {row, col.firstCol()});
          }
        }
      }
    }
    // A merge over two or more value cells keeps only its top-left value: the others would silently read as
    // that same number (a merge over one value cell, as init lays out some cells of a multi-block table, is fine).
    Map<CellRangeAddress, Integer> perMerge = new HashMap<>();
    for (int[] p : positions.values()) {
      CellRangeAddress m = s.mergeAt(p[0], p[1]);
      if (m != null) {
        perMerge.merge(m, 1, Integer::sum);
      }
    }
    perMerge.forEach((m, n) -> {
      if (n > 1) {
        d.error("WB.MERGED_DATA", Location.cell(file, s.name, m.getFirstRow(), m.getFirstColumn()),
            s.name + " 的 " + m.formatAsString() + " 把 " + n + " 个数据单元格合并成了一个：合并后只有左上角的值存在。"
                + "请取消合并（开始 → 合并后居中 → 取消单元格合并），每格填一个数字。");
      }
    });
    positions.forEach((id, p) -> out.value(id, cells.value(s, p[0], p[1])));
  }

  /**
   * Finds a label path: the first label anywhere in the region, each next one inside the previous one's span
   * (below it for columns, to its right for rows). Reports a missing or repeated label once.
   */
  private SheetIndex.Span path(SheetIndex s, List<String> path, int[] reg, boolean column, Set<String> reported) {
    SheetIndex.Span cur = null;
    for (int depth = 0; depth < path.size(); depth++) {
      List<SheetIndex.Span> hits;
      if (cur == null) {
        hits = s.find(norm(path.get(0)), reg[0], reg[1], 0, Integer.MAX_VALUE);
      } else if (column) {
        hits = s.find(norm(path.get(depth)), cur.lastRow() + 1, reg[1], cur.firstCol(), cur.lastCol());
      } else {
        hits = s.find(norm(path.get(depth)), cur.firstRow(), cur.lastRow(), cur.lastCol() + 1, Integer.MAX_VALUE);
      }
      if (hits.size() != 1) {
        String shown = String.join("/", path.subList(0, depth + 1));
        labelProblem(s, hits.isEmpty(), column ? "列标题" : "行标题", shown, reported);
        return null;
      }
      cur = hits.get(0);
    }
    return cur;
  }

  private void labelProblem(SheetIndex s, boolean missing, String what, String label, Set<String> reported) {
    if (!reported.add(what + label)) {
      return;
    }
    if (missing) {
      d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
          s.name + " 中找不到" + what + "「" + label + "」，请不要修改表格中的标题文字（可以重新运行 docmerge init 对照原样）。");
    } else {
      d.error("WB.LABEL_DUPLICATE", Location.sheet(file, s.name),
          s.name + " 中" + what + "「" + label + "」出现了不止一次，无法确定数字该从哪里读取。请删除多余的那一处。");
    }
  }
}
