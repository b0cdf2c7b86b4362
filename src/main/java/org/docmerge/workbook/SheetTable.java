package org.docmerge.workbook;

import java.util.List;

/**
 * A plain table for a sheet docmerge writes for people to read (a batch's summary, an aggregate's member list):
 * a header row and rows of cells. A cell is a {@link String}, a {@link Number} (written as a number, so Excel
 * can sum it; a {@link java.math.BigDecimal} keeps its exact digits in the display) or null (blank).
 * Immutable when its lists are.
 */
public record SheetTable(String sheet, List<String> headers, List<List<Object>> rows) {
  public SheetTable {
    headers = List.copyOf(headers);
  }
}
