package org.docmerge.extract;

import java.util.ArrayList;
import java.util.List;
import org.docmerge.report.PublishedReport;

/**
 * Writes a published report in the plain-text form of the seed: a paragraph per line; each table row a run of
 * tab-lines, one per cell, with a cell covered by a merge from above as a blank tab-line; a blank line after
 * each row and after each table. What copying a Word report's text gives.
 */
final class SeedForm {
  private SeedForm() {}

  static String write(PublishedReport r) {
    StringBuilder sb = new StringBuilder();
    for (PublishedReport.Block b : r.blocks()) {
      if (b instanceof PublishedReport.Paragraph p) {
        sb.append(p.text()).append('\n');
      } else if (b instanceof PublishedReport.Table t) {
        for (List<String> row : rows(t)) {
          for (String c : row) {
            sb.append('\t').append(c).append('\n');
          }
          sb.append('\n');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** Per row, one entry per cell origin (colspans once); a cell merged from above is blank. */
  static List<List<String>> rows(PublishedReport.Table t) {
    List<List<int[]>> grid = new ArrayList<>(); // {id, startRow}
    List<String> texts = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
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
        for (int dr = 0; dr < c.rowspan() && r + dr < t.rows().size(); dr++) {
          while (grid.size() <= r + dr) {
            grid.add(new ArrayList<>());
          }
          for (int dc = 0; dc < c.colspan(); dc++) {
            List<int[]> g = grid.get(r + dr);
            while (g.size() <= col + dc) {
              g.add(null);
            }
            g.set(col + dc, new int[] {id, r});
          }
        }
        col += c.colspan();
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (int r = 0; r < grid.size(); r++) {
      List<String> row = new ArrayList<>();
      int last = -1;
      for (int[] g : grid.get(r)) {
        if (g != null && g[0] != last) {
          row.add(g[1] == r ? texts.get(g[0]) : "");
          last = g[0];
        }
      }
      out.add(row);
    }
    return out;
  }
}
