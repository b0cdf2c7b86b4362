package org.docmerge.workbook;

import static org.docmerge.spec.Labels.norm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One worksheet prepared for finding cells by their labels: every visible text cell (a merge counts as its whole
 * area; text hidden under a merge does not count) indexed by its normalised text ({@link
 * org.docmerge.spec.Labels#norm}), and the sheet's merged regions, so that a sheet reader can ask where a label
 * lies within given rows and columns and which merge covers a cell. Built once per sheet per read; not shared.
 */
final class SheetIndex {
  record Span(int firstRow, int lastRow, int firstCol, int lastCol) {}

  final Sheet sheet;
  final String name;
  private final Map<String, List<Span>> labels = new HashMap<>();
  private final Map<Long, CellRangeAddress> mergeTopLeft = new HashMap<>();
  private final List<CellRangeAddress> merges;

  SheetIndex(Sheet sheet) {
    this.sheet = sheet;
    this.name = sheet.getSheetName().trim();
    // Kept as a list: a hostile merge over a million cells must not become a million map entries.
    this.merges = sheet.getMergedRegions();
    for (CellRangeAddress m : merges) {
      mergeTopLeft.put(key(m.getFirstRow(), m.getFirstColumn()), m);
    }
    for (Row row : sheet) {
      for (Cell c : row) {
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (type != CellType.STRING) {
          continue;
        }
        String n = norm(c.getRichStringCellValue().getString());
        if (n.isEmpty()) {
          continue;
        }
        CellRangeAddress m = mergeTopLeft.get(key(c.getRowIndex(), c.getColumnIndex()));
        if (m == null && mergeAt(c.getRowIndex(), c.getColumnIndex()) != null) {
          continue; // text hidden under a merge is not what staff see
        }
        Span span = m == null
            ? new Span(c.getRowIndex(), c.getRowIndex(), c.getColumnIndex(), c.getColumnIndex())
            : new Span(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn());
        labels.computeIfAbsent(n, k -> new ArrayList<>()).add(span);
      }
    }
  }

  /** Label cells with this normalised text whose top-left lies in the given rows and columns (inclusive). */
  List<Span> find(String normText, int fromRow, int toRow, int fromCol, int toCol) {
    List<Span> out = new ArrayList<>();
    for (Span s : labels.getOrDefault(normText, List.of())) {
      if (s.firstRow() >= fromRow && s.firstRow() <= toRow && s.firstCol() >= fromCol && s.firstCol() <= toCol) {
        out.add(s);
      }
    }
    out.sort((a, b) -> a.firstRow() != b.firstRow() ? a.firstRow() - b.firstRow() : a.firstCol() - b.firstCol());
    return out;
  }

  CellRangeAddress mergeAt(int row, int col) {
    for (CellRangeAddress m : merges) {
      if (m.isInRange(row, col)) {
        return m;
      }
    }
    return null;
  }

  Cell cell(int row, int col) {
    Row r = sheet.getRow(row);
    return r == null ? null : r.getCell(col);
  }

  private static long key(int r, int c) {
    return ((long) r << 20) | c;
  }
}
