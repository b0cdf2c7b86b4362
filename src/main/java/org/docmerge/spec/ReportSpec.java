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
 * @param title the words of the report's title after 「机关名称 + 年度 + 年」, also used for output names; null in an
 *     older spec (then the kind's {@link #name})
 * @param prose the claims the prose makes about the tables (R11–R15); null when the kind declares none
 * @param carryForward what next year's report takes from this year's (init --from, R07, R08); null for nothing
 * @param summary the columns a batch or aggregate summary shows for each unit; null for none
 * @param headingVariants part headings as published without their numeral (Word's automatic numbering), by the
 *     part's numeral: 「五」 → its wordings; null for none
 * @param tableWords words that make a published table one of this kind's even when every cell is blank; null for
 *     none
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
    String title,
    Prose prose,
    Carry carryForward,
    List<Summary> summary,
    Map<String, List<String>> headingVariants,
    List<String> tableWords,
    List<ListSheet> lists,
    List<Computed> computed,
    List<Bound> bounds) {

  public ReportSpec {
    headingVariants = headingVariants == null ? Map.of() : Map.copyOf(headingVariants);
    tableWords = tableWords == null ? List.of() : List.copyOf(tableWords);
    summary = summary == null ? List.of() : List.copyOf(summary);
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
        null, null, null, null, null, null, null, null, null);
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
   * a non-negative whole number), {@code money} (a non-negative decimal: in 万元, or in the unit a label states, see {@link CellSpec#unit()}) or {@code signed} (a whole number
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

    /**
     * The unit the cell's labels state, row first (「平均办理时间（单位：天）」 → 天); else {@value #MONEY_UNIT} for a
     * money cell (the annual report's fee, whose 2019 label states none); else null. Messages say this unit.
     */
    public String unit() {
      for (Line line : List.of(row, column)) {
        for (String label : line.label()) {
          java.util.regex.Matcher m = UNIT.matcher(label);
          if (m.find()) {
            return m.group(1).strip();
          }
        }
      }
      return "money".equals(type()) ? MONEY_UNIT : null;
    }

    /** The unit of a money cell whose labels state none. */
    public static final String MONEY_UNIT = "万元";

    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("[（(]\\s*单位\\s*[:：]\\s*([^）)]+)[）)]");
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

  /** The words after 「机关名称 + 年度 + 年」 in the report's title and file names. */
  public String titleWords() {
    return title != null ? title : name;
  }

  /**
   * A summary column: its heading and the cells whose sum it shows (blank when one is missing or not a number).
   */
  public record Summary(String label, List<String> cells) {
    public Summary {
      cells = List.copyOf(cells);
    }
  }

  /**
   * What carries from one year to the next. {@code fields}: cover fields kept as they were. {@code columns}: along
   * each column of {@code table}'s first block, last year's row {@code from} becomes this year's row {@code to}
   * (checked by {@code rule}). {@code balances}: a running count, last year's {@code balance} + this year's
   * {@code plus} − {@code minus} = this year's {@code balance}, carried only between reports of the same kind.
   */
  public record Carry(List<String> fields, List<CarriedRow> columns, List<Balance> balances) {
    public Carry {
      fields = fields == null ? List.of() : List.copyOf(fields);
      columns = columns == null ? List.of() : List.copyOf(columns);
      balances = balances == null ? List.of() : List.copyOf(balances);
    }
  }

  /** Last year's row {@code from} of {@code table} = this year's row {@code to}, column by column. */
  public record CarriedRow(String rule, String table, String from, String to) {}

  /** A running count along {@code rows} of {@code table}; see {@link Carry}. */
  public record Balance(
      String rule, String table, List<String> rows, String balance, String plus, String minus) {
    public Balance {
      rows = List.copyOf(rows);
    }
  }

  /**
   * What the prose says about the tables. Patterns are Java regular expressions in which {@code {N}} stands for a
   * number (digits or Chinese numerals, captured) and {@code {GAP}} for a few words within one clause.
   *
   * @param claims phrases stating the sum of some cells (R11, R12)
   * @param scopeTotals the sums a sentence may be about before a {@code scoped} claim (「办结518件，其中<result>…」)
   * @param received 「共受理 N 件」: either of two sums
   * @param noneReceived 「未收到申请」 while cells say otherwise
   * @param noCases 「未发生…」 while the cases' cells say otherwise
   * @param allUpheld 「均维持」 while the cells of other outcomes say otherwise
   * @param rowCounts counts that must be one of a row's numbers (R13)
   * @param mentions a section that must mention a word when cells are non-zero (R15)
   * @param mustWrite sections that may not be left empty, nor say only a placeholder (R17); other required
   *     sections that are empty are R16
   */
  public record Prose(
      List<Claim> claims, List<List<String>> scopeTotals, Received received, Mention noneReceived,
      NoCases noCases, Mention allUpheld, List<RowCount> rowCounts, List<Required> mentions,
      List<MustWrite> mustWrite) {
    public Prose {
      mustWrite = mustWrite == null ? List.of() : List.copyOf(mustWrite);
      claims = claims == null ? List.of() : List.copyOf(claims);
      scopeTotals = scopeTotals == null ? List.of() : List.copyOf(scopeTotals);
      rowCounts = rowCounts == null ? List.of() : List.copyOf(rowCounts);
      mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
  }

  /**
   * A phrase stating the sum of {@code cells}: {@code tight} (the number follows directly: an error when wrong)
   * and {@code loose} (words between: a warning). {@code scoped}: the phrase may be about a subset named earlier in
   * its sentence. {@code what} names the sum in messages.
   */
  public record Claim(String rule, String what, String tight, String loose, List<String> cells, boolean scoped) {
    public Claim {
      cells = List.copyOf(cells);
    }
  }

  /** 「共受理 N 件」: N may be the sum of {@code fresh} or of {@code both}; {@code message} has {both}, {fresh}. */
  public record Received(
      String rule, String tight, String loose, List<String> fresh, List<String> both, String message) {
    public Received {
      fresh = List.copyOf(fresh);
      both = List.copyOf(both);
    }
  }

  /** A phrase contradicted when the sum of {@code cells} is above zero; {@code message} has {n}. */
  public record Mention(String rule, String pattern, List<String> cells, String message) {
    public Mention {
      cells = List.copyOf(cells);
    }
  }

  /**
   * 「未发生…X…」: {@code pattern} has two groups (the words before X, the words after); the phrase is tight when
   * the words before match {@code gap}; it says nothing about counts when the words after match {@code skipAfter}.
   */
  public record NoCases(String rule, String pattern, String gap, String skipAfter, List<Case> cases) {
    public NoCases {
      cases = List.copyOf(cases);
    }
  }

  /** One kind of case of {@link NoCases}: checked always, or when {@code word} appears around X. */
  public record Case(String word, boolean always, List<String> cells, String name) {
    public Case {
      cells = List.copyOf(cells);
    }
  }

  /**
   * A section that may not be empty ({@code rule}); when {@code notOnly} is set, nor say only that (「无」), and
   * {@code message} then says what to write instead.
   */
  public record MustWrite(String rule, String section, String notOnly, String message) {}

  /** A count stated by {@code pattern} that must be one of the numbers of row {@code row} of {@code table}. */
  public record RowCount(String rule, String pattern, String table, String row, String name) {}

  /**
   * When the sum of {@code cells} is above zero, section {@code section} must contain {@code word}; {@code message}
   * has {n}. {@code notRun}, when set, says why the rule cannot run for this kind (reported as CHECK.NOT_RUN).
   */
  public record Required(
      String rule, List<String> cells, String section, String word, String message, String notRun) {
    public Required {
      cells = cells == null ? List.of() : List.copyOf(cells);
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
