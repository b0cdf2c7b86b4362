package org.docmerge.validate;

import org.docmerge.spec.ReportSpec.CellSpec;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/** How messages name cells, rows and columns, in the words of the official tables. Stateless. */
final class Names {
  private Names() {}

  /**
   * A cell by its sheet and labels: {@code 表N「<row label>」行「<column label>」列}, or the column path alone when
   * the row has no label.
   */
  static String cell(CellSpec c) {
    StringBuilder sb = new StringBuilder(c.table().sheet());
    if (!c.row().label().isEmpty()) {
      sb.append("「").append(row(c.table(), c.row())).append("」行");
    }
    sb.append("「").append(column(c.table(), c.column())).append("」");
    sb.append(c.row().label().isEmpty() ? "" : "列");
    return sb.toString();
  }

  /** The row's own label, preceded by its group's when another row of the table has the same one. */
  static String row(Table table, Line row) {
    long same = table.blocks().stream().flatMap(b -> b.rows().stream()).filter(r -> r.leaf().equals(row.leaf())).count();
    return qualified(row, same > 1 || row.leaf().matches("^\\d+\\..*"));
  }

  /** The column's own label, preceded by its group's when another column of the table has the same one. */
  static String column(Table table, Line column) {
    long same =
        table.blocks().stream().flatMap(b -> b.columns().stream()).filter(c -> c.leaf().equals(column.leaf())).count();
    return qualified(column, same > 1 && table.blocks().size() == 1);
  }

  private static String qualified(Line line, boolean withGroup) {
    int n = line.label().size();
    return withGroup && n >= 2 ? line.label().get(n - 2) + " " + line.leaf() : line.leaf();
  }

  static String clip(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }
}
