package org.docmerge.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.PublishedReport.Block;
import org.docmerge.report.PublishedReport.Paragraph;
import org.docmerge.spec.Labels;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Section;

/**
 * Maps a published report to the data of a report kind. Cover facts come from the title and the intro (机关名称,
 * year, URL, and a closing date as the publication date); the six parts are found by their 「一、」…「六、」
 * headings, whatever their wording (so the variants of the format document are accepted); part 一's subjects by
 * their run-in 「（一）」…「（五）」 (text that cannot be told apart stays in the overview). Tables are found by
 * their labels, never by position; a table split over several tables is joined; rows are found by their own
 * label and columns checked by their header labels. A value is read only from a cell that is there: a missing row
 * or column is reported ({@code EXTRACT.TABLE_INCOMPLETE}), never filled with 0.
 *
 * <p>Codes: {@code EXTRACT.TABLE_MISSING}, {@code EXTRACT.TABLE_INCOMPLETE} (errors); {@code EXTRACT.NOT_REPORT} (no
 * title, no part heading and no table: no value); {@code EXTRACT.SECTION_MISSING}, {@code EXTRACT.NO_TITLE}, {@code
 * EXTRACT.DRAFT} (warnings); {@code EXTRACT.GUESSED} (note). A docmerge draft is read without its banner and problem
 * list, with a warning that it is a draft. Stateless.
 */
public final class Extractor {
  private static final Pattern PART = Pattern.compile("^([一二三四五六])、");
  private static final Pattern SUBJECT = Pattern.compile("^[(（]([一二三四五])[)）]");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
  private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~:/?#\\[\\]@!$&'*+,;=%-]+");
  private static final Pattern DATE =
      Pattern.compile("^(\\d{4})(?:年|-|/|\\.)(\\d{1,2})(?:月|-|/|\\.)(\\d{1,2})日?$");
  /**
   * A page's date line. Not a 「更新时间」/「修改日期」: when a page (or a mirror copying it, 「来源:中国电子政务网
   * 更新时间:2020-05-25」) was last changed says nothing of when the report was published.
   */
  private static final Pattern PAGE_DATE = Pattern.compile(
      "(?:发布|发文|公开|成文)?(?<!更新|修改|废止|失效|截止)(?:日期|时间)\\s*[:：]\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})"
          // a metadata block's label and value set apart by spaces only: 「发布日期 2021-02-20 09:00」
          + "|发布(?:日期|时间)\\s+(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
  /** A sentence opening with its year: 「2024年，我局…」, also 「2019年度街道受理…」 (年度 and the subject, no comma). */
  private static final Pattern OPENING_YEAR =
      Pattern.compile("(?:^|[。；;])\\s*(\\d{4})(?:年度?[,，]|年度(?=\\p{IsHan}))");
  private static final Pattern BYLINE_DATE = Pattern.compile("(?<!更新|修改)(?:日期|时间|時間)\\s*[:：]\\s*\\d{4}\\s*[-/.年]");
  private static final Pattern INTRO_REPORT = Pattern.compile(
      "([^，。；：、,;:()“”《》\\s]{2,40}?)(\\d{4})年度?政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况(?:的)?(?:报告)?|(?:的)?报告)");
  /**
   * The intro naming the report with the year before the agency: 「特公布2022年温州市…局信息公开工作年度报告」, or
   * opening with that name (「2024年丽水市政府信息公开工作年度报告根据…编制并向社会公布」).
   */
  private static final Pattern INTRO_YEAR_FIRST = Pattern.compile(
      "(?:^|公布|公开|发布)(\\d{4})年度?([^，。；：、,;:()“”《》\\s]{2,40}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告");
  /**
   * A paragraph opening with the year and the agency as its subject: 「2020年,上海市人民政府办公厅坚持…」,
   * 「2020年度,北京市东城区以…」, 「2022年,郑州高新技术产业开发区管委会城市管理局深入贯彻…」 — the name ends right before
   * one of the verbs such sentences go on with, and must end as an agency's does (or be a region's).
   */
  private static final Pattern OPENING_AGENCY = Pattern.compile("^\\s*\\d{4}年度?[,，]\\s*([^，。；：、,;:()（）“”《》\\s]{2,30}?)"
      + "(?:坚持|深入|严格|认真|始终|全面|紧紧|紧密|按照|围绕|继续|持续|贯彻|立足|积极|扎实|高度|不断|进一步|以习近平|以)");
  private static final Pattern COMPILING_OFFICE =
      Pattern.compile("(.{2,}?)(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:领导小组)?办公室");
  private static final Pattern INTRO_BY = Pattern.compile("由([^，。；：、,;:()“”《》\\s]{2,30}?)(?:结合|根据|按照|依据|依照|综合|编制|负责)");
  private static final Pattern PERIOD =
      Pattern.compile("(?:统计期限|统计时限|统计时间|时间范围|统计区间|数据的?期限|数据的?时限)[^。]{0,12}?(\\d{4})年1月1日");
  /** A date as a page stamps it, 2023-01-28 (with a time of day or not), not inside a longer number. */
  private static final Pattern STAMP =
      Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?(?![\\d-])");
  private static final Pattern TITLE_YEAR_ALONE =
      Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?=\\s*(?:年度)?政府信息公开(?:工作)?(?:年度)?报告)");
  /** A date alone on its line, with its time of day after a space or run into a two-digit day (「2021-03-2918:26」). */
  private static final Pattern BARE_DATE = Pattern.compile(
      "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?|(?<=-\\d\\d)\\d{2}:\\d{2}(?::\\d{2})?)?$");
  private static final Pattern AGENCY_END = Pattern.compile(
      "(局|委员会|委|办公室|办公厅|办|政府|厅|院|中心|所|处|署|会|站|队|馆|部|街道|街道办事处|街|镇|乡|苏木|管委会|集团|公司|社|行|监狱|支队|大队|分局)$");
  private static final String NUMERALS = "一二三四五六";
  /** The mark on a draft's first paragraph and on its problem list's heading (written by template.Extra). */
  static final String DRAFT_MARK = "【草稿，不得发布】";
  static final String DRAFT_PROBLEMS = "问题清单";
  /** Warning: the report is a docmerge draft. */
  public static final String DRAFT = "EXTRACT.DRAFT";

  private Extractor() {}

  public static Result<ReportData> extract(PublishedReport report, ReportSpec spec) {
    Diagnostics d = new Diagnostics();
    ReportData.Builder out = new ReportData.Builder(spec.kind(), report.source());
    List<String> paragraphs = new ArrayList<>();
    List<PublishedReport.Table> tables = new ArrayList<>();
    boolean draft = false;
    boolean problemList = false;
    for (Block b : report.blocks()) {
      if (b instanceof Paragraph p) {
        String text = p.text().strip();
        if (text.startsWith(DRAFT_MARK)) {
          // The draft's banner, and the heading of its problem list: what follows is not the report.
          draft = true;
          // the banner on page 1 mentions the list too (「问题清单见文末」): only a line that starts with it heads it
          problemList |= text.substring(DRAFT_MARK.length()).strip().startsWith(DRAFT_PROBLEMS);
        } else if (!problemList) {
          paragraphs.add(text);
        }
      } else if (b instanceof PublishedReport.Table t && !problemList) {
        tables.add(t);
      }
    }
    if (draft) {
      d.warning(DRAFT, Location.file(report.source()), "这是 docmerge 生成的草稿（标有「草稿，不得发布」），不是已发布的报告；"
          + "文末的问题清单没有读入。请改正问题后用正式生成的报告");
    }
    // A page's metadata laid out as a row of cells (「来源:原创    发布时间:2023-01-31 13:24    浏览次数:」) holds the
    // publication date in a cell, not a paragraph.
    // A 发布 cell first; else a byline's bare 「时间:2023-01-17」 (「时间:…   作者:…   来源:…」).
    List<String> cellTexts = tables.stream().flatMap(t -> t.rows().stream()).flatMap(List::stream)
        .map(PublishedReport.Cell::text).toList();
    List<String> dateCells = new ArrayList<>(cellTexts.stream().filter(c -> c.contains("发布") || c.contains("發布")).toList());
    cellTexts.stream().filter(c -> BYLINE_DATE.matcher(c.strip()).lookingAt()).forEach(dateCells::add);
    // a metadata cell with its label: 「发文日期:2025-01-10」 (after any 发布 date)
    cellTexts.stream().filter(c -> c.strip().matches("(?s)(公开|成文|发文)(日期|时间)\\s*[:：].*")).forEach(dateCells::add);
    // A metadata row with the label and the date in cells of their own: 「发布日期 | 2023-01-30 | 文 号 |」, also a
    // list of one-cell rows, each label followed by its value (「• 发布日期」「2026-01-21」). A cell labelled 名称 or 标题
    // holding a title is the page's title (「| 名称 | 2025年度阳新县枫林镇人民政府信息公开工作年度报告 |」).
    String metadataTitle = null;
    for (PublishedReport.Table t : tables) {
      List<PublishedReport.Cell> cells = t.rows().stream().flatMap(List::stream).toList();
      for (int k = 0; k + 1 < cells.size(); k++) {
        String label = cells.get(k).text().replaceAll("[\\s:：]", "").replaceFirst("^[•·●▪◦・\\-]+", "");
        String value = cells.get(k + 1).text().strip();
        if (label.matches("(发布|發布)(日期|时间|時間)")) {
          dateCells.add(0, label + ":" + value); // before a 成文日期
        } else if (label.matches("(公开|成文|发文)(日期|时间|時間)")) {
          dateCells.add(label + ":" + value);
        } else if (label.matches("(信息|文件)?(名称|标题|名稱|標題)") && metadataTitle == null && titleLike(value)) {
          metadataTitle = value;
        }
      }
    }
    if (metadataTitle != null
        && paragraphs.stream().limit(15).noneMatch(p -> titleLike(p) && YEAR.matcher(p).find())) {
      paragraphs.add(0, metadataTitle);
    }
    prose(report.source(), paragraphs, dateCells, spec, out, d);
    // The text ends inside a table (an excerpt or a copy that stopped mid-row): its last row may be cut.
    boolean endsInTable = !report.blocks().isEmpty()
        && report.blocks().get(report.blocks().size() - 1) instanceof PublishedReport.Table last && !last.spansKnown();
    Tables.read(report.source(), tables, spec, endsInTable, out, d);
    List<Diagnostic> found = d.sorted();
    // No title, none of the part headings and none of the tables: whatever this is, it is not a report, and an
    // empty workbook would only hide that.
    long headings = spec.sections().stream().filter(s -> s.heading() != null).count();
    if (count(found, "EXTRACT.NO_TITLE") > 0 && count(found, "EXTRACT.SECTION_MISSING") >= headings
        && count(found, "EXTRACT.TABLE_MISSING") >= spec.tables().size()) {
      return Result.failed(Diagnostic.error("EXTRACT.NOT_REPORT", Location.file(report.source()),
          "这个文件不是政府信息公开工作年度报告：找不到报告标题、「一、总体情况」等部分标题，也找不到任何一张表格。"
              + "请确认选对了文件；文字报告请用 UTF-8 或 GB18030 编码保存"));
    }
    return Result.of(out.build(), found);
  }

  private static long count(List<Diagnostic> ds, String code) {
    return ds.stream().filter(x -> x.code().equals(code)).count();
  }

  // ------------------------------------------------------------------ cover and prose

  private static void prose(String file, List<String> all, List<String> dateCells, ReportSpec spec,
      ReportData.Builder out, Diagnostics d) {
    List<String> ps = new ArrayList<>(all.stream().filter(s -> !s.isBlank()).toList());
    // Title: the first short line naming the report (a page's navigation before it is skipped), the lines
    // after it that name the report or hold the agency in brackets.
    int i = 0;
    boolean titled = false;
    // The title is looked for in the first 15 lines, and further by as many short lines as a site's menu put before
    // the first sentence (「• 网站首页」「• 政府信息公开」…「打印」: twenty of them before a province office's title).
    int menu = 0;
    for (int k = 0; k < Math.min(ps.size(), 40) && ps.get(k).strip().length() <= 40 && !ps.get(k).contains("。"); k++) {
      menu += ps.get(k).strip().length() <= 12 ? 1 : 0;
    }
    for (int pass = 0; pass < 2 && !titled; pass++) {
      for (int k = 0; k < Math.min(ps.size(), 15 + menu); k++) {
        // First a title with its year (a page's breadcrumb 「… > 公开年报」 is not the title), else any.
        if (titleLike(ps.get(k)) && (pass == 1 || YEAR.matcher(ps.get(k)).find())) {
          i = k;
          titled = true;
          break;
        }
      }
    }
    int start = i;
    List<String> title = new ArrayList<>();
    while (titled && i < ps.size() && i < start + 3 && ps.get(i).length() <= 80 && !ps.get(i).contains("。")
        && (titleLike(ps.get(i)) || bracketed(ps.get(i)) != null && !title.isEmpty())) {
      title.add(ps.get(i));
      i++;
    }
    Location titleAt = Location.detail(file, "标题");
    String agency = "";
    String year = "";
    for (String t : title) {
      String inner = bracketed(t);
      if (inner != null) {
        agency = inner;
        continue;
      }
      String[] fact = titleFacts(t);
      if (fact != null && year.isEmpty()) {
        year = fact[1];
        agency = agency.isEmpty() ? fact[0] : agency;
      }
    }
    // A title wrapped in the middle of a word: 「西咸新区底张街道办事处2023年度政府」「信息公开工作年度报告」.
    if (year.isEmpty() && titled && start > 0 && ps.get(start - 1).length() <= 40 && !ps.get(start - 1).contains("。")
        && !titleLike(ps.get(start - 1))) {
      String[] fact = titleFacts(ps.get(start - 1) + ps.get(start));
      if (fact != null && titleLike(ps.get(start - 1) + ps.get(start))) {
        year = fact[1];
        agency = agency.isEmpty() ? fact[0] : agency;
      }
    }
    // A title in two lines, the agency above it: 「孝感市人民政府办公室」「2020年政府信息公开工作年度报告」.
    if (agency.isEmpty() && titled && start > 0 && ps.get(start - 1).length() <= 40) {
      agency = agencyOf(Normalizer.normalize(Labels.simplify(ps.get(start - 1)), Normalizer.Form.NFKC));
    }
    // The title printed again under the page's own (a page header, then the document): 「关于2021年度政府信息公开工作
    // 的年度报告」 first alone, then under 「盐边县新九镇人民政府」.
    for (int k = start + 1; agency.isEmpty() && titled && k < Math.min(ps.size(), 15); k++) {
      if (tight(ps.get(k)).equals(tight(ps.get(start))) && ps.get(k - 1).length() <= 40) {
        agency = agencyOf(Normalizer.normalize(Labels.simplify(ps.get(k - 1)), Normalizer.Form.NFKC));
      }
    }
    // The intro's first sentences say it too: 「现将信访局2021年度政府信息公开工作报告如下」, 「统计期限自2021年1月1日
    // 起」, 「由信访局结合有关统计数据编制」.
    Location introAt = Location.detail(file, "导语");
    Location factAt = titleAt;
    for (int k = i; k < Math.min(ps.size(), i + 4) && (agency.isEmpty() || year.isEmpty()); k++) {
      String p = tight(Normalizer.normalize(Labels.simplify(ps.get(k)), Normalizer.Form.NFKC));
      Matcher m = INTRO_REPORT.matcher(p);
      while (m.find() && (agency.isEmpty() || year.isEmpty())) {
        String who = agencyOf(m.group(1));
        if (agency.isEmpty() && !who.isEmpty()) {
          agency = who;
          factAt = introAt;
        }
        if (year.isEmpty()) {
          year = m.group(2);
          factAt = introAt;
        }
      }
      Matcher first = INTRO_YEAR_FIRST.matcher(p);
      if (agency.isEmpty() && first.find() && !agencyOf(first.group(2)).isEmpty()) {
        agency = agencyOf(first.group(2)); // 「特公布2022年温州市人力资源和社会保障局信息公开工作年度报告」
        factAt = introAt;
      }
      Matcher by = INTRO_BY.matcher(p);
      if (agency.isEmpty() && by.find() && !agencyOf(by.group(1)).isEmpty()) {
        agency = agencyOf(by.group(1));
        // compiled by the agency's own open-government office (「由福州市商务局信息公开工作办公室编制」): the report is the
        // agency's, named before that office
        Matcher office = COMPILING_OFFICE.matcher(agency);
        if (office.matches() && !agencyOf(office.group(1)).isEmpty()) {
          agency = agencyOf(office.group(1));
        }
        factAt = introAt;
      }
      Matcher period = PERIOD.matcher(p);
      if (year.isEmpty() && period.find()) {
        year = period.group(1);
        factAt = introAt;
      }
    }
    // No title, no period: the year the overview's sentences open with (「（一）主动公开情况。2024年，我局共主动公开…」),
    // when they all name the same one.
    if (year.isEmpty()) {
      Set<String> opening = new LinkedHashSet<>();
      // the overview's first paragraphs, past its sub-headings and numbered items (「(二)政府信息依申请公开情况」
      // 「2020年度我街办未接到…申请」 as the sixth paragraph)
      for (int k = i; k < Math.min(ps.size(), i + 8); k++) {
        Matcher m = OPENING_YEAR.matcher(tight(Normalizer.normalize(ps.get(k), Normalizer.Form.NFKC)));
        while (m.find()) {
          opening.add(m.group(1));
        }
      }
      if (opening.size() == 1) {
        year = opening.iterator().next();
        factAt = introAt;
      }
    }
    // Else the first paragraph that opens with the year, when its subject is an agency (past an intro and a contact
    // block: 「2025年,厦门市人民政府办公厅坚持…」 after 「地址:…」「电话:…」「邮编:…」); only that paragraph.
    for (int k = i; agency.isEmpty() && k < Math.min(ps.size(), i + 12); k++) {
      String p = tight(Normalizer.normalize(Labels.simplify(ps.get(k)), Normalizer.Form.NFKC));
      Matcher opening = OPENING_AGENCY.matcher(p);
      if (!p.matches("\\s*\\d{4}年度?[,，][\\s\\S]*")) {
        continue;
      }
      if (opening.find() && !agencyOf(opening.group(1)).isEmpty()) {
        agency = agencyOf(opening.group(1));
        factAt = introAt;
      }
      break;
    }
    if (title.isEmpty() && year.isEmpty()) {
      d.warning("EXTRACT.NO_TITLE", titleAt, "没有读到报告标题（如「2021年政府信息公开工作年度报告」），年度和机关名称"
          + "无法从标题读出，与它们有关的检查（R18、R10）没有运行。生成工作簿后请在「封面」中填写");
    }
    if (!agency.isEmpty()) {
      out.field("agency", agency, factAt);
    }
    if (!year.isEmpty()) {
      out.field("year", year, factAt);
    }
    // The publication date: a page's 「发布日期：2022-01-28」 line, else the closing date (落款日期). A closing
    // agency line before the closing date is dropped from the prose.
    String published = null;
    // a page's date line among the paragraphs, else in a metadata cell
    List<String> dateLines = new ArrayList<>(ps);
    dateLines.addAll(dateCells);
    for (String line : dateLines) {
      Matcher m = PAGE_DATE.matcher(Normalizer.normalize(Labels.simplify(line), Normalizer.Form.NFKC));
      published = !m.find() ? null
          : m.group(1) != null ? date(m.group(1), m.group(2), m.group(3)) : date(m.group(4), m.group(5), m.group(6));
      if (published != null) {
        out.field("published", published, Location.detail(file, "发布日期"));
        break;
      }
    }
    for (int k = Math.max(0, start - 3); published == null && titled && k < Math.min(ps.size(), start + 4); k++) {
      // a page's date under its title: 「2021-01-22 08:37」, also as an item of a list of the page's metadata
      // (「• 听全文」「• 2024-02-21」「• 来源:荔湾区」)
      Matcher m = BARE_DATE.matcher(ps.get(k).strip().replaceFirst("^[•·●▪◦・]\\s*", ""));
      if (!m.matches()) {
        // a byline of the page's date and its source: 「2021-02-07 18:07     来源:…办公厅」, 「银川市人民政府门户网站
        // www.yinchuan.gov.cn 2023-01-28」 — one date written as a page stamps it, no sentence, not a change's date
        String line = Normalizer.normalize(ps.get(k), Normalizer.Form.NFKC).strip();
        m = STAMP.matcher(line);
        if (!(line.length() <= 80 && !line.matches(".*[。，,;；].*") && !line.matches(".*(更新|修改|废止|失效|截止).*")
            && m.find() && !STAMP.matcher(line.substring(m.end())).find() && !titleLike(line))) {
          continue;
        }
      }
      {
        published = date(m.group(1), m.group(2), m.group(3));
        if (published != null) {
          out.field("published", published, Location.detail(file, "发布日期"));
        }
      }
    }
    int end = ps.size();
    for (int k = ps.size() - 1; k >= Math.max(i, ps.size() - 4); k--) {
      Matcher m = DATE.matcher(Normalizer.normalize(ps.get(k), Normalizer.Form.NFKC).replaceAll("\\s", ""));
      if (!m.matches()) {
        continue;
      }
      String closing = date(m.group(1), m.group(2), m.group(3));
      if (published == null && closing != null) {
        out.field("published", closing, Location.detail(file, "落款日期"));
      }
      end = k; // the date, and a page's footer after it, are not prose
      if (end > i && !agency.isEmpty() && CellText.norm(ps.get(end - 1)).equals(CellText.norm(agency))) {
        end--;
      }
      break;
    }
    // Parts by their headings, in order.
    Map<String, List<String>> sections = new LinkedHashMap<>();
    spec.sections().forEach(s -> sections.put(s.id(), new ArrayList<>()));
    Map<Character, Section> partSections = new HashMap<>();
    for (Section s : spec.sections()) {
      if (s.heading() != null && !s.heading().isEmpty()) {
        partSections.put(s.heading().charAt(0), s);
      }
    }
    List<Section> subjects = spec.sections().stream()
        .filter(s -> s.subjectOf() != null).toList();
    Optional<Section> intro = spec.sections().stream()
        .filter(s -> s.heading() == null && s.subjectOf() == null).findFirst();
    String current = intro.map(Section::id).orElse(null);
    int part = -1;
    int subject = -1;
    Set<Character> seenParts = new LinkedHashSet<>();
    for (int k = i; k < end; k++) {
      String p = ps.get(k);
      Character heading = heading(p, part, spec);
      if (heading != null) {
        part = NUMERALS.indexOf(heading);
        seenParts.add(heading);
        Section s = partSections.get(heading);
        current = s == null ? null : s.id(); // parts 二–四 hold tables; their notes are not prose
        subject = -1;
        continue;
      }
      if (part == 0 && !subjects.isEmpty()) {
        Matcher m = SUBJECT.matcher(Normalizer.normalize(p, Normalizer.Form.NFKC).replace('(', '（').replace(')', '）'));
        if (m.find()) {
          int n = "一二三四五".indexOf(m.group(1));
          if (n > subject && n < subjects.size()) {
            subject = n;
            current = subjects.get(n).id();
          }
        }
      }
      if (current != null) {
        sections.get(current).add(p);
      }
    }
    for (Section s : spec.sections()) {
      if (s.heading() != null && !seenParts.contains(s.heading().charAt(0))) {
        d.warning("EXTRACT.SECTION_MISSING", Location.detail(file, "「" + s.heading() + "」"),
            "找不到标题「" + s.heading() + "」（或以「" + s.heading().charAt(0) + "、」开头的同类标题），这一部分没有读出内容");
      }
      out.prose(s.id(), sections.get(s.id()), Location.detail(file, "「" + s.label() + "」"));
    }
    // URL from the intro; the unit type is not printed: guessed from the agency's name.
    String introText = intro.map(s -> String.join("", sections.get(s.id()))).orElse("");
    Matcher u = URL.matcher(Normalizer.normalize(introText, Normalizer.Form.NFKC));
    if (u.find() && spec.field("url").isPresent()) {
      out.field("url", u.group().replaceAll("[.,;)]+$", ""), Location.detail(file, "导语"));
    }
    if (spec.field("unitType").isPresent() && !agency.isEmpty()) {
      // a town or township named without 「人民政府」 (「北坡镇」, Inner Mongolia's 「扎格斯台苏木」) is its government too
      String named = Labels.simplify(firstName(agency)); // 「高新区(新市区)」 is typed by 「高新区」
      // and so is a region named for its government (「北京市」「上海市黄浦区」)
      String type = named.endsWith("人民政府") || named.matches(".{1,12}(?:[镇乡]|苏木)") || REGION.matcher(named).matches()
          ? "本级政府" : "部门";
      out.field("unitType", type, titleAt);
      d.info("EXTRACT.GUESSED", titleAt, "报告中没有写明单位类型，按机关名称「" + agency + "」推定为「" + type
          + "」（决定发布期限）。如不对，请在工作簿「封面」中改正");
    }
  }

  private static boolean titleLike(String p) {
    String n = Labels.simplify(p);
    return n.length() <= 80 && !n.contains("。") && !breadcrumb(n) && (n.contains("年度报告") || n.contains("年报")
        || n.contains("政府信息公开") && n.contains("报告") && YEAR.matcher(n).find());
  }

  /** A page's 「当前位置：首页 > 政务公开 > 政府信息公开年报」: the column's name, not the report's title. */
  private static boolean breadcrumb(String n) {
    return n.matches(".*(当前位置|您的位置|您现在的位置|所在位置|当前栏目).*") || n.matches(".*[>＞»→].*")
        // or a path of short names between slashes: 「首页/ 政府信息公开 / 政府信息公开年报 / 镇街 / 2022年 / 正文」
        || n.matches("\\s*(?:[^/／]{1,12}\\s*[/／]\\s*){3,}[^/／]{0,12}");
  }

  /** The agency and year a title line names, or null: 「XX局2021年…」, 「2019年XX市人民政府办公厅政府信息公开…」. */
  /** Without the spaces a PDF's text puts between Chinese and digits (「办公室 2023 年」). */
  static String tight(String s) {
    return s.replaceAll("(?<=[\\p{IsHan}，。、（(])\\s+(?=\\d)|(?<=\\d)\\s+(?=[\\p{IsHan}])", "");
  }

  static String[] titleFacts(String line) {
    String t = tight(Normalizer.normalize(Labels.simplify(line), Normalizer.Form.NFKC).strip());
    Matcher y = YEAR.matcher(t);
    if (!y.find()) {
      // the year without its 年, right before the report's name (「2022政府信息公开工作年度报告」)
      y = TITLE_YEAR_ALONE.matcher(t);
      if (!y.find()) {
        return null;
      }
    }
    String before = t.substring(0, y.start()).strip().replaceAll("^关于", "").replaceAll("关于$", "");
    String agency = agencyOf(before);
    if (agency.isEmpty()) {
      Matcher after = Pattern.compile("^度?(.{2,40}?)(?:\\d{4}年度?)?政府信息公开").matcher(t.substring(y.end()));
      if (after.find()) {
        agency = agencyOf(after.group(1));
        if (agency.isEmpty() && after.group(1).endsWith("人民")) {
          // 「…枫林镇人民政府信息公开工作年度报告」: the government's 政府 is also the 政府 of 政府信息公开
          agency = agencyOf(after.group(1) + "政府");
        }
      }
    }
    if (agency.isEmpty()) {
      Matcher tail = Pattern.compile("[(]([^()]+)[)]\\s*$").matcher(t);
      if (tail.find()) {
        agency = tail.group(1).strip();
      }
    }
    return new String[] {agency, y.group(1)};
  }

  /** The year of a report's title, if it has one. */
  static Optional<Integer> titleYear(PublishedReport report) {
    int seen = 0;
    for (Block b : report.blocks()) {
      if (b instanceof Paragraph p && !p.text().isBlank() && seen++ < 15 && titleLike(p.text().strip())) {
        String[] f = titleFacts(p.text());
        if (f != null) {
          return Optional.of(Integer.parseInt(f[1]));
        }
      }
    }
    return Optional.empty();
  }

  /** A name that looks like an agency's (ends as one does), cleaned of leading words; else empty. */
  static String agencyOf(String s) {
    String n = s.strip().replaceFirst("^(信息|文件)?(名称|标题)[:：]", "").replaceAll("^.*[\\s>»|_\\-–—]", "").replaceAll("^(现特向社会公布|特向社会公布|现将|现把|特将|特编制|编制|现向社会公布|向社会公布|现予公布|现公布|公布|现公开|公开|现发布|发布|根据|关于|我|本)+", "")
        .replaceAll("^(19|20)\\d{2}(年度?)?(?=\\D)", "").replaceAll("[“”\"《》]", "").strip();
    if (n.length() < 2 || n.length() > 40 || n.matches(".*[，。；：、,;:].*")) {
      return "";
    }
    if (REGION.matcher(n).matches()) {
      return n; // a region for its government (「临夏回族自治州永靖县2024年政府信息公开工作年度报告」)
    }
    if (AGENCY_END.matcher(n).find()) {
      return n;
    }
    // One body under two names, its other name in brackets after the first (一个机构两块牌子):
    // 「…临空先进制造业发展局(临空先进制造业区管委会)」, 「高新区(新市区)」. Both names must be an agency's or a
    // region's as they stand; a bracket holding anything else (「(本级)」「(2022年)」) is no second name.
    Matcher two = TWO_NAMES.matcher(n);
    if (two.matches()) {
      String first = agencyOf(two.group(1));
      String second = two.group(2).strip();
      if (!first.isEmpty() && first.length() >= 2 && agencyOf(second).equals(second) && !second.isEmpty()) {
        return first + two.group(0).substring(two.group(1).length());
      }
    }
    return "";
  }

  private static final Pattern TWO_NAMES = Pattern.compile("(.+?)[(（]([^()（）]{2,30})[)）]");

  /** An agency's first name without the other name a body has in brackets after it (「高新区(新市区)」 → 「高新区」). */
  static String firstName(String agency) {
    Matcher two = TWO_NAMES.matcher(agency.strip());
    return two.matches() ? two.group(1) : agency;
  }

  /**
   * A region's name standing for its government in a title or an intro: 「永靖县」, 「临夏回族自治州永靖县」, 「上海市」
   * (not 「全县」「本市」「我区」, nor a name with a subject's words: it names a place only).
   */
  private static final Pattern REGION = Pattern.compile(
      "(?![全本我各该])(?:(?!.*(?:专区|园区|社区|辖区|景区|城区|片区|校区|街区|小区|城市|都市|超市|集市)$)"
          + "[\\p{IsHan}]{1,12}(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区)"
          // a district under its city's name is a region whatever its own name ends with (「北京市东城区」)
          + "|[\\p{IsHan}]{1,8}(?:省|市|自治州)[\\p{IsHan}]{1,6}?(?<!市)(?:区|县))");

  private static String date(String y, String m, String d) {
    try {
      return java.time.LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The text inside a line that is only 「（…）」, else null. */
  private static String bracketed(String line) {
    Matcher m = Pattern.compile("^[（(]([^（）()]+)[）)]$").matcher(line.strip());
    return m.matches() ? m.group(1).strip() : null;
  }

  /**
   * The part numeral when {@code p} is a part heading after part {@code after}, else null: any short line
   * beginning 「一、」…「六、」, or a part's official wording (or a known variant) without its numeral.
   */
  private static Character heading(String p, int after, ReportSpec spec) {
    String n = CellText.norm(p);
    if (n.length() > 40 || n.contains("。")) {
      return null;
    }
    Character c = null;
    Matcher m = PART.matcher(n);
    if (m.find()) {
      c = m.group(1).charAt(0);
    } else {
      List<String> official = new ArrayList<>();
      spec.sections().stream().map(Section::heading).filter(h -> h != null).forEach(official::add);
      spec.tables().forEach(t -> official.add(t.heading()));
      for (String h : official) {
        if (h != null && h.length() > 2 && CellText.norm(h.substring(2)).equals(n)) {
          c = h.charAt(0);
        }
      }
      if (c == null) { // as published with Word's automatic numbering: the numeral is not in the text
        for (Map.Entry<String, List<String>> v : spec.headingVariants().entrySet()) {
          if (v.getValue().stream().anyMatch(w -> CellText.norm(w).equals(n))) {
            c = v.getKey().charAt(0);
          }
        }
      }
    }
    return c != null && NUMERALS.indexOf(c) > after ? c : null;
  }
}
