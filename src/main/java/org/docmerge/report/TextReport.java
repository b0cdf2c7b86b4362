package org.docmerge.report;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the plain-text forms of a report, whatever copied or converted it. Paragraphs are one per line; table rows
 * come in any of these layouts, mixed freely within one text:
 *
 * <ul>
 *   <li>one cell per line, each beginning with a tab, rows separated by one blank line (a copy from Word; a line
 *       without a tab right after a cell continues that cell, as in 「商业」「企业」);</li>
 *   <li>one row per line, cells separated by tabs (a copy from a browser, Word's "save as plain text");</li>
 *   <li>cells separated by 「|」 (Markdown, scrapers), one row per line or one cell per line;</li>
 *   <li>cells separated by runs of spaces ({@code pdftotext -layout}); a blank cell leaves no trace there, so such
 *       a table is marked {@code blanksVisible = false};</li>
 *   <li>one cell per line or per paragraph with nothing marking a cell (a page's table copied as paragraphs): a
 *       blank cell leaves no trace there either, so such a table is {@code blanksVisible = false} too, unless its
 *       cells are closed by 「|」 lines (a blank cell is then a 「|」 line of its own).</li>
 * </ul>
 *
 * <p>Inside a table, a short line that is not a sentence is a one-cell row (a label wrapped onto its own line); a
 * sentence or a part heading (「四、……情况」) ends the table. Spans are not in these
 * forms: a merged-away cell is a blank cell or absent. Stateless.
 */
public final class TextReport {
  private TextReport() {}

  private static final Pattern SPACES = Pattern.compile("[ \\u3000\\u00A0]{2,}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})*(\\.\\d+)?件?|[+-]?\\d+(\\.\\d+)?件?");
  private static final Pattern PART_HEADING =
      Pattern.compile("^[一二三四五六七八][、.．].*(情况|问题|事项|总体|改进|其他需要)");
  /**
   * Words of the shipped kinds' tables ({@code tableWords} in their spec.json): a table with one of them is a
   * statistics table even when every cell is blank.
   */
  private static final List<String> TABLE_WORDS = org.docmerge.spec.SpecReader.shippedSpecs().stream()
      .flatMap(s -> s.tableWords().stream()).distinct().toList();
  /**
   * A character's pinyin in brackets right after it, as some mirror sites print (「統(tǒng)計期限」「拖市鎮(zhèn)」): not
   * the publisher's text. Only a bracket of latin letters with a tone mark directly after a Chinese character.
   */
  private static final Pattern PINYIN = Pattern.compile(
      "(?<=\\p{IsHan})[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]*[)）]");
  private static final Pattern SEPARATOR = Pattern.compile("^[|｜:：\\-— +]+$");

  /** The table being built. */
  private static final class Open {
    final List<List<PublishedReport.Cell>> rows = new ArrayList<>();
    boolean blanksVisible = true;
    /** Values on lines of their own with nothing marking a cell (a page's cells one per paragraph). */
    int bareValues;
    /** Lone 「|」 lines closing the cell on the line before (where a blank cell is a 「|」 line of its own). */
    int closers;
  }

  public static PublishedReport read(String text, String source) {
    List<PublishedReport.Block> blocks = new ArrayList<>();
    Open table = null;
    List<StringBuilder> row = null; // a row of the one-cell-per-line (leading tab) layout
    boolean lastWasCell = false;
    boolean previousPiped = true;
    boolean tabRows = false; // the last row was a line of tab-separated cells (a browser copy)
    boolean afterBlank = true;
    for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1)) {
      String line = PINYIN.matcher(raw.startsWith("\uFEFF") ? raw.substring(1) : raw).replaceAll("");
      if (row == null && line.matches("\t+") && (line.length() >= 2 || tabRows || table != null && !afterBlank)) {
        // A browser copy's row of blank cells (Word's copy puts a blank line before a row's first cell): nothing
        // to read, the table goes on.
        line = "";
      }
      afterBlank = line.isBlank();
      if (line.startsWith("\t") && line.strip().contains("\t")) {
        // A row of tab-separated cells that begins with a blank cell: a browser copy, not a cell per line.
        line = "\u0000" + line;
      }
      if (line.startsWith("\t") && row == null && table == null && paragraph(line.strip())) {
        // A page's paragraph indented with a tab (「\t(一)主动公开信息情况。2024年,我局…」), outside any table: not
        // a cell of Word's one-cell-per-line copy, whose cells are labels and values.
        line = line.strip();
      }
      if (line.startsWith("\t")) {
        if (table == null) {
          table = new Open();
        }
        if (row == null) {
          row = new ArrayList<>();
        }
        row.add(new StringBuilder(line.substring(1).strip()));
        lastWasCell = true;
        continue;
      }
      line = line.replace("\u0000", "");
      if (line.isBlank()) {
        if (row != null) {
          table.rows.add(cells(row));
          row = null;
        }
        lastWasCell = false;
        continue;
      }
      if (lastWasCell && row != null) {
        row.get(row.size() - 1).append('\n').append(line.strip());
        continue;
      }
      if (row != null) {
        table.rows.add(cells(row));
        row = null;
      }
      lastWasCell = false;
      if (table != null && line.strip().matches("[|｜]") && !previousPiped) {
        table.closers++;
        previousPiped = true;
        continue; // the 「|」 that closes a cell whose text ended on the line before (「行政规范性文件」「|」)
      }
      previousPiped = line.strip().endsWith("|") || line.strip().endsWith("｜");
      List<String> cells = split(line, table != null);
      if (cells != null) {
        if (table == null) {
          table = new Open();
          lookBack(blocks, table, cells.stream().anyMatch(TextReport::number));
        }
        if (!cells.isEmpty()) {
          table.rows.add(cells.stream().map(PublishedReport.Cell::of).toList());
        }
        if (cells.size() == 1 && line.indexOf('\t') < 0 && line.indexOf('|') < 0 && line.indexOf('｜') < 0
            && (number(cells.get(0)) || cells.get(0).matches("[/／—\\-－]{1,2}|无"))) {
          table.bareValues++;
        }
        tabRows = line.contains("\t");
        if (line.contains("\t") || line.contains("|") || line.contains("｜")) {
          continue;
        }
        if (cells.size() > 1) {
          table.blanksVisible = false;
        }
        continue;
      }
      String agencyLine = null;
      if (table != null && title(line.strip()) && !table.rows.isEmpty()) {
        // The line above a title is the title's agency line (「盐边县新九镇人民政府」 under a page's metadata row),
        // not the table's last cell.
        List<PublishedReport.Cell> last = table.rows.get(table.rows.size() - 1);
        if (last.size() == 1 && AGENCY_LINE.matcher(last.get(0).text().strip()).matches()) {
          agencyLine = last.get(0).text().strip();
          table.rows.remove(table.rows.size() - 1);
        }
      }
      if (table != null) {
        if (!table.rows.isEmpty()) {
          close(blocks, table);
        }
        table = null;
      }
      if (agencyLine != null) {
        blocks.add(new PublishedReport.Paragraph(agencyLine));
      }
      blocks.add(new PublishedReport.Paragraph(line.strip()));
    }
    if (row != null) {
      table.rows.add(cells(row));
    }
    if (table != null) {
      close(blocks, table);
    }
    return new PublishedReport(source, "text", blocks);
  }

  /** Whether a table's cells hold a digit or a word of the report's tables (else it is a page's layout). */
  public static boolean statistics(List<List<PublishedReport.Cell>> rows) {
    boolean digits = rows.stream().flatMap(List::stream).anyMatch(c -> c.text().chars().anyMatch(Character::isDigit));
    return digits || rows.stream().flatMap(List::stream)
        .map(c -> org.docmerge.spec.Labels.simplify(c.text())).anyMatch(t -> TABLE_WORDS.stream().anyMatch(t::contains));
  }

  /**
   * A finished table; one without a single digit nor any word of the report's tables is no statistics table but a
   * page's layout (「文件名称: | |||」 above a title): its lines stay paragraphs, so that a title or an agency line
   * inside it is not lost.
   */
  private static void close(List<PublishedReport.Block> blocks, Open table) {
    if (statistics(table.rows) && !titleBlock(table.rows)) {
      // Cells one per paragraph, nothing marking a cell: a blank cell leaves no trace there either.
      boolean blanks = table.blanksVisible && !(table.bareValues > 0 && table.closers == 0);
      blocks.add(new PublishedReport.Table(table.rows, false, blanks));
      return;
    }
    for (List<PublishedReport.Cell> row : table.rows) {
      String text = String.join(" ", row.stream().map(PublishedReport.Cell::text).filter(t -> !t.isBlank()).toList());
      if (!text.isBlank()) {
        blocks.add(new PublishedReport.Paragraph(text.strip()));
      }
    }
  }

  /**
   * The cells of a table row, or null when the line is not one. {@code inTable}: a table is open, so a short line
   * that is not a sentence is a one-cell row.
   */
  static List<String> split(String line, boolean inTable) {
    String s = line.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (heading(s) || title(s)) {
      return null;
    }
    if (s.indexOf('\t') >= 0 || inTable && line.indexOf('\t') >= 0 || captionRow(line, s)) {
      // (in a table also a row whose only tabs close it: 「第二十条 第（五）项\t\t\t」, a label and its blank cells;
      // outside one, a line with a stray tab at its end is a paragraph)
      return Arrays.stream(line.split("\t", -1)).map(TextReport::trim).toList();
    }
    if (s.indexOf('|') >= 0 || s.indexOf('｜') >= 0) {
      if (SEPARATOR.matcher(s).matches() && s.contains("--")) {
        return List.of(); // a Markdown rule under a header row (「|---|---|」; 「- |」 is a cell printed 「-」)
      }
      if (s.matches("[|｜]+")) {
        // A scraper's empty cells, one per 「|」, on a line of their own
        return java.util.Collections.nCopies(s.length(), "");
      }
      List<String> cells = new ArrayList<>(Arrays.stream(s.split("[|｜]", -1)).map(TextReport::trim).toList());
      if (s.startsWith("|") || s.startsWith("｜")) {
        cells.remove(0);
      }
      if (!cells.isEmpty() && (s.endsWith("|") || s.endsWith("｜"))) {
        cells.remove(cells.size() - 1);
      }
      return cells;
    }
    String[] words = s.split("[ \\u3000\\u00A0]+");
    int numbers = 0;
    while (numbers < words.length && number(words[words.length - 1 - numbers])) {
      numbers++;
    }
    if (numbers >= 2 && numbers >= words.length - 3 && !sentence(s) && SPACES.split(s).length < 2) {
      // A PDF's text with single spaces between cells: 「四、结转下年度继续办理 0 0 0 0 0 0 0」
      List<String> row = new ArrayList<>();
      if (numbers < words.length) {
        row.add(String.join(" ", Arrays.copyOfRange(words, 0, words.length - numbers)));
      }
      row.addAll(Arrays.asList(words).subList(words.length - numbers, words.length));
      return row;
    }
    String[] fields = SPACES.split(s);
    if (fields.length >= 2 && Arrays.stream(fields).allMatch(f -> f.length() <= 40 && !sentence(f))
        && (inTable || fields.length >= 3 || Arrays.stream(fields).anyMatch(TextReport::number))) {
      return Arrays.stream(fields).map(TextReport::trim).toList();
    }
    if (inTable && s.length() <= 40 && !sentence(s) || number(s) || s.matches("[/／—\\-－]{1,2}")) {
      return List.of(trim(s)); // a label on a line of its own, or one value per line (cells one per paragraph)
    }
    return null;
  }

  /**
   * A row of a label and its blank cells right after a page's lines, outside a table: 「第二十条第（六）项\t\t\t」 (a
   * block caption) or any short label closed by two or more tabs. A paragraph with one stray tab at its end is not.
   */
  private static boolean captionRow(String line, String s) {
    int tabs = 0;
    for (int k = line.length() - 1; k >= 0 && (line.charAt(k) == '\t' || line.charAt(k) == ' '); k--) {
      tabs += line.charAt(k) == '\t' ? 1 : 0;
    }
    if (tabs == 0 || s.length() > 40 || sentence(s)) {
      return false;
    }
    return tabs >= 2 || CAPTION.matcher(org.docmerge.spec.Labels.norm(s)).matches();
  }

  /** Table 二's block captions: 「第二十条第（一）项」, also without the second 第. */
  private static final Pattern CAPTION = Pattern.compile("第[一二三四五六七八九十]+条第?\\([一二三四五六七八九十]+\\)[项項]");

  /** A line that names an agency only: 「盐边县新九镇人民政府」, 「XX市交通运输局」 (not a table's label or value). */
  private static final Pattern AGENCY_LINE = Pattern.compile(
      "[^\\d\\s，。；：、,;:|｜]{2,36}(人民政府|政府|办公厅|办公室|委员会|管委会|街道办事处|街道|局|厅|镇|乡)");

  /** A report's title line (「2020年政府信息公开工作年度报告」), which is never part of a table. */
  /**
   * A page's title laid out as a one-column row (「天津港保税区2022年度政府信息公开工作报告 |」, then the title again):
   * one cell a row, no cell a number, and a cell naming the report with its year. A statistics table has numbers in
   * cells of their own; this one's only digits are the title's year, so its lines stay paragraphs (the title).
   */
  static boolean titleBlock(List<List<PublishedReport.Cell>> rows) {
    boolean oneColumn = rows.stream().allMatch(r -> r.stream().filter(c -> !c.text().isBlank()).count() <= 1);
    boolean numbers = rows.stream().flatMap(List::stream).anyMatch(c -> number(c.text().strip()));
    boolean named = rows.stream().flatMap(List::stream).map(c -> org.docmerge.spec.Labels.simplify(c.text().strip()))
        .anyMatch(n -> n.length() <= 80 && !n.contains("。") && n.matches(".*\\d{4}\\s*年.*")
            && (n.contains("年度报告") || n.contains("年报") || n.contains("政府信息公开") && n.contains("报告")));
    return oneColumn && !numbers && named;
  }

  static boolean title(String s) {
    String n = org.docmerge.spec.Labels.simplify(s);
    return n.length() <= 80 && (n.contains("年度报告") || n.contains("年报")) && n.matches(".*\\d{4}\\s*年.*");
  }

  /**
   * A table that begins with a row of numbers may have its header in the short lines right before it (a PDF's
   * text layer gives every header line as a line of words): those lines join the table, word by word.
   */
  private static void lookBack(List<PublishedReport.Block> blocks, Open table, boolean numbers) {
    int from = blocks.size();
    if (numbers && from > 0 && blocks.get(from - 1) instanceof PublishedReport.Paragraph last && last.text().length() <= 40
        && !sentence(last.text()) && !heading(last.text()) && !title(last.text())
        && "，,、".indexOf(last.text().charAt(last.text().length() - 1)) < 0 && last.text().indexOf(':') < 0
        && last.text().indexOf('：') < 0) { // (not a page's 「发布时间：2021-01-07」)
      // The row label right before the first numbers (cells one per paragraph: 「一、本年新收政府信息公开申请数量」
      // then its numbers), whatever its length
      from--;
    }
    while (from > 0 && blocks.size() - from < 12 && blocks.get(from - 1) instanceof PublishedReport.Paragraph p
        && p.text().length() <= 80 && !sentence(p.text()) && !heading(p.text()) && !p.text().endsWith("，")
        && !p.text().endsWith(",")
        && Arrays.stream(p.text().strip().split("[ \\u3000\\u00A0]+")).allMatch(w -> w.length() <= 8)) {
      from--;
    }
    for (int k = from; k < blocks.size(); k++) {
      String text = ((PublishedReport.Paragraph) blocks.get(k)).text();
      table.rows.add(Arrays.stream(text.strip().split("[ \\u3000\\u00A0]+")).map(PublishedReport.Cell::of).toList());
    }
    blocks.subList(from, blocks.size()).clear();
  }

  /** A part heading, which ends a table: 「四、……情况」, not a row label. */
  static boolean heading(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    String simple = org.docmerge.spec.Labels.simplify(n);
    return n.length() <= 40 && (PART_HEADING.matcher(simple).find()
        || (simple.endsWith("情况") || simple.endsWith("事项"))
            && (simple.contains("公开") || simple.contains("报告") || simple.contains("总体")));
  }

  /** A paragraph of prose or a part heading, never a table's cell. */
  private static boolean paragraph(String s) {
    return heading(s) || s.length() > 40 && s.contains("。");
  }

  private static boolean sentence(String s) {
    return s.endsWith("。") || s.endsWith("；") || s.contains("。") || s.endsWith("：") && s.length() > 12;
  }

  private static boolean number(String s) {
    return NUMBER.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\u200B-\u200F\u2060\uFEFF]", "")
        .strip()).matches();
  }

  private static String trim(String s) {
    return s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
  }

  private static List<PublishedReport.Cell> cells(List<StringBuilder> row) {
    return row.stream().map(sb -> PublishedReport.Cell.of(sb.toString())).toList();
  }
}
