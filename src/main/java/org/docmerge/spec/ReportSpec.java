package org.docmerge.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One report kind, as read from its {@code spec.json}. Immutable and thread-safe.
 *
 * @param kind the kind's id, also its folder name, e.g. {@code gov-info-annual-2021}
 * @param name its Chinese name
 * @param basis the official document that defines the format
 * @param years the report years the format applies to
 * @param template the template file name inside the kind's folder
 * @param coverSheet the workbook sheet holding the cover fields
 * @param proseSheet the workbook sheet holding the prose sections
 * @param fields the cover fields, in order
 * @param sections the prose sections, in document order
 * @param tables the tables, in document order
 * @param identities the linear identities the tables must satisfy
 * @param lists list sheets (optional): a header row and any number of rows, such as a website's accounts
 * @param computed values computed from cells and list columns (optional), usable as tags
 * @param bounds inequalities between cells (optional), such as 办结 ≤ 收到
 */
public record ReportSpec(
    String kind,
    String name,
    String basis,
    Years years,
    String template,
    String coverSheet,
    String proseSheet,
    List<Field> fields,
    List<Section> sections,
    List<Table> tables,
    List<Identity> identities,
    List<ListSheet> lists,
    List<Computed> computed,
    List<Bound> bounds) {

  public ReportSpec {
    fields = List.copyOf(fields);
    sections = List.copyOf(sections);
    tables = List.copyOf(tables);
    identities = identities == null ? List.of() : List.copyOf(identities);
    lists = lists == null ? List.of() : List.copyOf(lists);
    computed = computed == null ? List.of() : List.copyOf(computed);
    bounds = bounds == null ? List.of() : List.copyOf(bounds);
  }

  /** The spec as it was before lists, computed values and bounds. */
  public ReportSpec(
      String kind, String name, String basis, Years years, String template, String coverSheet, String proseSheet,
      List<Field> fields, List<Section> sections, List<Table> tables, List<Identity> identities) {
    this(kind, name, basis, years, template, coverSheet, proseSheet, fields, sections, tables, identities,
        null, null, null);
  }

  /**
   * A list sheet: its header row holds the column labels, each further row is one item (an account, a
   * project). Tags {@code {{#id}}…{{/id}}} repeat a table row per item; {@code {{id.column}}} is a column.
   */
  public record ListSheet(String id, String sheet, String label, List<ListColumn> columns, Integer maxRows) {
    public ListSheet {
      columns = List.copyOf(columns);
    }

    public Optional<ListColumn> column(String columnId) {
      return columns.stream().filter(c -> c.id().equals(columnId)).findFirst();
    }
  }

  /**
   * A column of a list. Types: text, choice (one of {@code choices}), count (a non-negative whole number),
   * number. {@code min}/{@code max} bound a number; {@code required} refuses a blank cell.
   */
  public record ListColumn(
      String id, String label, String type, boolean required, List<String> choices, Long min, Long max, String hint) {
    public ListColumn {
      type = type == null ? "text" : type;
      choices = choices == null ? List.of() : List.copyOf(choices);
      hint = hint == null ? "" : hint;
    }

    public boolean numeric() {
      return "count".equals(type) || "number".equals(type);
    }
  }

  /**
   * A value computed from others: the sum of {@code sum}, each a cell id ({@code t1.visits.value}) or a list
   * column ({@code accounts.posts}: the column summed over every row). Used as a tag like any cell.
   */
  public record Computed(String id, String label, List<String> sum) {
    public Computed {
      sum = List.copyOf(sum);
    }
  }

  /**
   * An inequality: the sum of the {@code left} cells is at most the sum of the {@code right} cells (for example
   * 办结留言数量 ≤ 收到留言数量). Cells are named by id; leftName and rightName word the message, which is
   * reported at the first left cell.
   */
  public record Bound(String rule, List<String> left, List<String> right, String leftName, String rightName) {
    public Bound {
      left = List.copyOf(left);
      right = List.copyOf(right);
    }
  }

  public Optional<ListSheet> list(String id) {
    return lists.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The years a format applies to; {@code to} is null when open-ended. */
  public record Years(int from, Integer to) {
    public boolean contains(int year) {
      return year >= from && (to == null || year <= to);
    }
  }

  /** A cover fact such as 机关名称 or 报告年度. Types: text, year, date, choice. */
  public record Field(
      String id, String label, String type, boolean required, List<String> choices,
      @JsonProperty("default") String defaultValue, String hint) {
    public Field {
      choices = choices == null ? List.of() : List.copyOf(choices);
      hint = hint == null ? "" : hint;
    }
  }

  /**
   * A prose section. {@code heading} is the heading the document prints before it (null for the intro and
   * for subjects of a part); {@code subjectOf} names the part a subject belongs to; {@code empty} is the text
   * printed when staff leave the section blank.
   */
  public record Section(
      String id, String label, String heading, String subjectOf, boolean required, String empty, String hint) {
    public Section {
      hint = hint == null ? "" : hint;
    }
  }

  /** A table: one sheet in the workbook, one table in the document. */
  public record Table(String id, String sheet, String heading, String corner, List<Block> blocks) {
    public Table {
      blocks = List.copyOf(blocks);
    }

    /** Every cell of the table in reading order (block by block, row by row, column by column). */
    public List<CellSpec> cells() {
      List<CellSpec> out = new ArrayList<>();
      for (Block b : blocks) {
        for (Line r : b.rows()) {
          for (Line c : b.columns()) {
            out.add(new CellSpec(this, b, r, c));
          }
        }
      }
      return out;
    }

    /** The row with this id, searched in every block. */
    public Optional<Line> row(String rowId) {
      return blocks.stream().flatMap(b -> b.rows().stream()).filter(r -> r.id().equals(rowId)).findFirst();
    }

    /** The column with this id, searched in every block. */
    public Optional<Line> column(String columnId) {
      return blocks.stream().flatMap(b -> b.columns().stream()).filter(c -> c.id().equals(columnId)).findFirst();
    }
  }

  /**
   * A block of a table: its own caption (table 二 has four, tables 三 and 四 one without caption), the text of
   * the top-left header cell, its value columns and its rows.
   */
  public record Block(String caption, String corner, List<Line> columns, List<Line> rows) {
    public Block {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }

    /** How many header rows the column labels need. */
    public int headerDepth() {
      return columns.stream().mapToInt(c -> c.label().size()).max().orElse(0);
    }

    /** How many label columns the row labels need. */
    public int labelDepth() {
      return rows.stream().mapToInt(r -> r.label().size()).max().orElse(0);
    }
  }

  /**
   * A row or a column. {@code label} is its path of official labels from the outermost merged header to its
   * own (e.g. 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密). {@code type} is {@code count} (the default:
   * a non-negative whole number), {@code money} (a non-negative decimal in 万元) or {@code signed} (a whole number
   * that may be negative, such as the 2019 format's 本年增/减).
   */
  public record Line(String id, List<String> label, String type) {
    public Line {
      label = label == null ? List.of() : List.copyOf(label);
      type = type == null ? "count" : type;
    }

    /** The innermost label, or {@code ""} for a row without a label (table 四). */
    public String leaf() {
      return label.isEmpty() ? "" : label.get(label.size() - 1);
    }

    /** The label path joined for messages: 三、本年度办理结果/（三）不予公开/1.属于国家秘密. */
    public String path() {
      return String.join("/", label);
    }
  }

  /** One value cell of a table. Its id, {@code t3.new.natural}, names it in the model and in template tags. */
  public record CellSpec(Table table, Block block, Line row, Line column) {
    public String id() {
      return cellId(table.id(), row.id(), column.id());
    }

    /** money or signed when the row or column says so, else count. */
    public String type() {
      if ("money".equals(column.type()) || "money".equals(row.type())) {
        return "money";
      }
      return "signed".equals(column.type()) || "signed".equals(row.type()) ? "signed" : "count";
    }
  }

  /**
   * A linear identity: along every row ({@code along = rows}: left and right name columns) or every column
   * ({@code along = columns}: left and right name rows), the sum of the left cells equals the sum of the right
   * cells. When {@code formula} is true and left is a single line, the init workbook computes it as a live
   * formula. leftName, rightName and where word the message.
   */
  public record Identity(
      String rule, String table, String along, List<String> left, List<String> right, boolean formula,
      String leftName, String rightName, String where) {
    public Identity {
      left = List.copyOf(left);
      right = List.copyOf(right);
    }

    public boolean alongRows() {
      return "rows".equals(along);
    }
  }

  public static String cellId(String table, String row, String column) {
    return table + "." + row + "." + column;
  }

  public Optional<Table> table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<Field> field(String id) {
    return fields.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  public Optional<Section> section(String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Every value cell of every table, keyed by cell id, in reading order. */
  public Map<String, CellSpec> cells() {
    Map<String, CellSpec> out = new LinkedHashMap<>();
    for (Table t : tables) {
      for (CellSpec c : t.cells()) {
        out.put(c.id(), c);
      }
    }
    return out;
  }
}
