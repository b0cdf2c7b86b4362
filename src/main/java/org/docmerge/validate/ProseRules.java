package org.docmerge.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Case;
import org.docmerge.spec.ReportSpec.Claim;
import org.docmerge.spec.ReportSpec.Mention;
import org.docmerge.spec.ReportSpec.MustWrite;
import org.docmerge.spec.ReportSpec.NoCases;
import org.docmerge.spec.ReportSpec.Prose;
import org.docmerge.spec.ReportSpec.Received;
import org.docmerge.spec.ReportSpec.Required;
import org.docmerge.spec.ReportSpec.RowCount;
import org.docmerge.spec.ReportSpec.Section;

/**
 * Rules that read the prose: R09 (one year), R11–R14 (numbers in the prose against the tables and against
 * themselves), R15 (a section that must mention something), R16–R17 (sections present and not empty). The phrases
 * and the cells they speak of are the kind's ({@code prose} in its spec.json); this class keeps the mechanisms.
 *
 * <p>Prose rules must not cry wolf on ordinary prose. A number that follows its phrase directly (「本年新收
 * 1件」) is unambiguous and a mismatch is an error; a number separated from its phrase by other words (「本年新
 * 收自然人申请5件」) may mean something else, so a mismatch is only a warning. Stateless.
 */
final class ProseRules {
  private static final String N = "(" + ChineseNumbers.PATTERN + ")";
  private static final String GAP = "[^，。；,;：:！？]{0,14}?";

  private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

  /** A pattern of the kind's spec, with {N} and {GAP} filled in, compiled once. */
  static Pattern pattern(String spec) {
    return COMPILED.computeIfAbsent(spec, s -> Pattern.compile(s.replace("{N}", N).replace("{GAP}", GAP)));
  }

  private static final Pattern PERIOD = Pattern.compile("(\\d{4})年1月1日(?:起)?(?:至|到|—|-|～|~)(?:(\\d{4})年)?12月31日");
  private static final Pattern YEAR_LEAD = Pattern.compile("^(\\d{4})年度?[，,]");

  private static final Pattern ITEM = Pattern.compile(N + "(条|件|个|项|篇)");
  /** A listed item counted in another measure word (「征集调查16期」). */
  private static final Pattern OTHER_ITEM = Pattern.compile(N + "(条|件|个|项|期|篇|次|场|份|宗|部|批|张|封)");
  private static final Pattern BARE_NUMBER = Pattern.compile("(?<![\\d.])\\d+(?=[，,、])");
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]");
  private static final Pattern ROUNDED_ITEM = Pattern.compile("\\d(?:余|多)(?:条|件|个|项)|(?:近|约|超过?)\\d");
  private static final Pattern PARTIAL_LIST = Pattern.compile("其余|余下|剩余|另有|等[，。；、,]|等$|等(?:多|若干|方面|类型|内容)");

  private ProseRules() {}

  static void check(ReportSpec spec, ReportData data, Diagnostics d) {
    Prose prose = spec.prose() == null ? EMPTY : spec.prose();
    sections(spec, prose, data, d);
    Pattern title = pattern("(\\d{4})年度?" + Pattern.quote(spec.titleWords()));
    for (Section s : spec.sections()) {
      List<String> paragraphs = data.paragraphs(s.id());
      for (int i = 0; i < paragraphs.size(); i++) {
        Location at = data.proseLocation(s.id()).withDetail("「" + s.label() + "」第" + (i + 1) + "段");
        String p = paragraphs.get(i);
        year(data, p, title, at, d);
        claims(prose, data, p, at, d);
        rowCounts(spec, prose, data, p, at, d);
        itemised(p, at, d);
      }
    }
    mentions(prose, data, d);
  }

  private static final Prose EMPTY = new Prose(null, null, null, null, null, null, null, null, null);

  /**
   * The rules a kind declares that cannot run for it, each with why (for {@code CHECK.NOT_RUN}); empty when all
   * can.
   */
  static List<String> notRunnable(ReportSpec spec) {
    List<String> out = new ArrayList<>();
    if (spec.prose() == null) {
      return out;
    }
    for (Required r : spec.prose().mentions()) {
      if (r.notRun() != null) {
        out.add(r.notRun());
      } else if (r.cells().stream().anyMatch(c -> !spec.cells().containsKey(c))) {
        out.add(r.rule() + "（本报告类型没有它需要的格：" + String.join("、", r.cells()) + "）");
      }
    }
    return out;
  }

  /** R16 and R17: the sections are there and say something; which must be written is the kind's. */
  private static void sections(ReportSpec spec, Prose prose, ReportData data, Diagnostics d) {
    for (Section s : spec.sections()) {
      List<String> ps = data.paragraphs(s.id());
      Location at = data.proseLocation(s.id());
      boolean empty = ps.isEmpty();
      Optional<MustWrite> must = prose.mustWrite().stream().filter(m -> m.section().equals(s.id())).findFirst();
      if (must.isPresent()) {
        MustWrite m = must.get();
        if (empty) {
          d.warning(m.rule(), at, "「" + s.label() + "」没有内容。这一部分不能空着，请填写");
        } else if (m.notOnly() != null && String.join("", ps).replaceAll("[\\s。.]", "").equals(m.notOnly())) {
          d.warning(m.rule(), at, "「" + s.label() + "」只写了「" + m.notOnly() + "」。" + m.message());
        }
      } else if (empty && s.required() && (s.subjectOf() != null || s.heading() == null)) {
        String what = s.subjectOf() != null ? "总体情况须涵盖「" + s.label().replaceAll("^一（.）", "") + "」方面，" : "";
        d.warning("R16", at, "「" + s.label() + "」没有内容。" + what + "请在「正文」表中填写");
      }
    }
  }

  /**
   * Whether the report title mentioned at {@code at} is last year's report named as something published this year
   * (「公开发布《XX局2021年政府信息公开工作年度报告》」), not this report calling itself (「现发布《…》」「本报告」).
   */
  static boolean lastYearsReportPublished(String p, int at) {
    String before = p.substring(Math.max(0, at - 24), at);
    int cut = Math.max(before.lastIndexOf('。'), Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')));
    before = before.substring(cut + 1);
    // 「本」 as this report's own word (本报告, 本年度, 本机关), not inside another word (「单位基本信息、2022年…年度报告」)
    return before.matches(".*(发布|公开|印发|公布).*")
        && !before.matches(".*(现|特|本(?:报告|年度|年报|机关|单位|局|办|委)|予以公布|如下).*");
  }

  /** R09: the statistical period and any mention of the report itself name the report year. */
  private static void year(ReportData data, String p, Pattern reportTitle, Location at, Diagnostics d) {
    Optional<Integer> year = data.year();
    if (year.isEmpty()) {
      return;
    }
    int y = year.get();
    Matcher m = PERIOD.matcher(p);
    while (m.find()) {
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (from != y || to != y) {
        d.error("R09", at, "统计期限写的是「" + m.group() + "」，报告年度是 " + y + " 年。请改为 " + y + "年1月1日到12月31日");
      }
    }
    m = reportTitle.matcher(p);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) == y - 1 && lastYearsReportPublished(p, m.start())) {
        continue; // 「公开发布《国家新闻出版署2021年政府信息公开工作年度报告》」 in the 2022 report: work done this year
      }
      if (Integer.parseInt(m.group(1)) != y) {
        d.error("R09", at, "正文提到「" + m.group() + "」，报告年度是 " + y + " 年。请统一年度");
      }
    }
    m = YEAR_LEAD.matcher(p);
    // next year's plans (y+1) are normal in parts 一 and 五; an earlier year is usually last year's text
    if (m.find() && (Integer.parseInt(m.group(1)) < y || Integer.parseInt(m.group(1)) > y + 1)) {
      d.warning("R09", at, "这一段以「" + m.group(1) + "年」开头，报告年度是 " + y + " 年。是否沿用了往年的文字？请核对");
    }
  }

  /** R11, R12: phrases that state the sums of cells, as the kind declares them. */
  private static void claims(Prose prose, ReportData data, String p, Location at, Diagnostics d) {
    for (Claim c : prose.claims()) {
      Optional<BigDecimal> actual = sum(data, c.cells());
      if (actual.isEmpty()) {
        continue;
      }
      boolean perResult = c.scoped();
      List<int[]> tightSpans = new ArrayList<>();
      Matcher m = pattern(c.tight()).matcher(p);
      while (m.find()) {
        tightSpans.add(new int[] {m.start(), m.end()});
        if (perResult && otherScope(prose, data, p, m)) {
          continue;
        }
        compare(p, c.rule(), c.what(), m, actual.get(), true, at, d);
      }
      m = pattern(c.loose()).matcher(p);
      while (m.find()) {
        if (inside(tightSpans, m.start(), m.end()) || perResult && otherScope(prose, data, p, m)) {
          continue;
        }
        compare(p, c.rule(), c.what(), m, actual.get(), false, at, d);
      }
    }
    if (prose.received() != null) {
      received(prose.received(), data, p, at, d);
    }
    if (prose.noneReceived() != null) {
      contradicted(prose.noneReceived(), data, p, at, d, true);
    }
    if (prose.noCases() != null) {
      noCases(prose.noCases(), data, p, at, d);
    }
    if (prose.allUpheld() != null) {
      contradicted(prose.allUpheld(), data, p, at, d, false);
    }
  }

  private static final Pattern COUNT = Pattern.compile(N + "件");

  /**
   * Whether the sentence of a scoped claim (「<result> N 件」) is about another set of requests: an earlier count
   * in it (「办结518件，其中<result>300件」) that is none of the kind's {@code scopeTotals}.
   */
  private static boolean otherScope(Prose prose, ReportData data, String p, Matcher claim) {
    int from = claim.start();
    while (from > 0 && "。；;！？!?\n".indexOf(p.charAt(from - 1)) < 0) {
      from--;
    }
    Matcher c = COUNT.matcher(p.substring(from, claim.start()));
    if (!c.find()) {
      return false;
    }
    OptionalLong n = ChineseNumbers.parse(c.group(1));
    if (n.isEmpty()) {
      return true;
    }
    BigDecimal stated = BigDecimal.valueOf(n.getAsLong());
    for (List<String> cells : prose.scopeTotals()) {
      Optional<BigDecimal> v = sum(data, cells);
      if (v.isPresent() && v.get().compareTo(stated) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The sentence around a match, as the finding quotes it (a long sentence clipped around the match). */
  static String quote(String p, Matcher m) {
    int from = m.start();
    while (from > 0 && "。；;！？!?\n".indexOf(p.charAt(from - 1)) < 0) {
      from--;
    }
    int to = m.end();
    while (to < p.length() && "。；;！？!?\n".indexOf(p.charAt(to)) < 0) {
      to++;
    }
    if (to < p.length()) {
      to++;
    }
    from = Math.max(from, m.start() - 40);
    to = Math.min(to, m.end() + 40);
    return (from > 0 && "。；;！？!?\n".indexOf(p.charAt(from - 1)) < 0 ? "…" : "") + p.substring(from, to).strip();
  }

  private static void compare(String p,
      String rule, String what, Matcher m, BigDecimal actual, boolean tight, Location at, Diagnostics d) {
    OptionalLong stated = ChineseNumbers.parse(m.group(1));
    if (stated.isEmpty() || BigDecimal.valueOf(stated.getAsLong()).compareTo(actual) == 0) {
      return;
    }
    String msg = "正文写「" + quote(p, m) + "」，表中" + what + "合计为 " + actual.toPlainString() + "，相差 "
        + BigDecimal.valueOf(stated.getAsLong()).subtract(actual).abs().toPlainString() + "。请使正文与表格一致";
    if (tight) {
      d.error(rule, at, msg);
    } else {
      d.warning(rule, at, msg + "（若这里说的不是合计数，可忽略）");
    }
  }

  private static void received(Received r, ReportData data, String p, Location at, Diagnostics d) {
    Optional<BigDecimal> fresh = sum(data, r.fresh());
    Optional<BigDecimal> both = sum(data, r.both());
    if (fresh.isEmpty() || both.isEmpty()) {
      return;
    }
    List<int[]> tightSpans = new ArrayList<>();
    for (Pattern pattern : List.of(pattern(r.tight()), pattern(r.loose()))) {
      boolean tight = pattern == pattern(r.tight());
      Matcher m = pattern.matcher(p);
      while (m.find()) {
        if (!tight && inside(tightSpans, m.start(), m.end())) {
          continue;
        }
        tightSpans.add(new int[] {m.start(), m.end()});
        OptionalLong n = ChineseNumbers.parse(m.group(1));
        if (n.isEmpty()) {
          continue;
        }
        BigDecimal stated = BigDecimal.valueOf(n.getAsLong());
        if (stated.compareTo(both.get()) == 0 || stated.compareTo(fresh.get()) == 0) {
          continue;
        }
        String msg = "正文写「" + quote(p, m) + "」，" + r.message().replace("{both}", both.get().toPlainString())
            .replace("{fresh}", fresh.get().toPlainString()) + "。请使正文与表格一致";
        if (tight) {
          d.error(r.rule(), at, msg);
        } else {
          d.warning(r.rule(), at, msg + "（若这里说的不是申请总数，可忽略）");
        }
      }
    }
  }

  /**
   * A phrase the cells contradict when their sum is above zero: an error stated in a sentence of its own (「…。请使
   * 正文与表格一致」) when {@code error}, else a warning.
   */
  private static void contradicted(Mention c, ReportData data, String p, Location at, Diagnostics d, boolean error) {
    Matcher m = pattern(c.pattern()).matcher(p);
    if (!m.find()) {
      return;
    }
    Optional<BigDecimal> n = sum(data, c.cells());
    if (n.isPresent() && n.get().signum() > 0) {
      String msg = "正文写「" + quote(p, m) + "」，" + c.message().replace("{n}", n.get().toPlainString())
          + "。请使正文与表格一致";
      if (error) {
        d.error(c.rule(), at, msg);
      } else {
        d.warning(c.rule(), at, msg);
      }
    }
  }

  /** 「未发生…」 while the cases' cells show cases. */
  private static void noCases(NoCases rule, ReportData data, String p, Location at, Diagnostics d) {
    Matcher m = pattern(rule.pattern()).matcher(p);
    while (m.find()) {
      boolean tight = pattern(rule.gap()).matcher(m.group(1)).matches();
      String after = m.group(2);
      if (after.matches(rule.skipAfter())) {
        continue; // 「未发生…被纠错的情况」 says nothing about the number of cases
      }
      for (Case c : rule.cases()) {
        if (c.always() || after.contains(c.word()) || m.group(1).contains(c.word())) {
          check(rule.rule(), data, c.cells(), c.name(), m.group(), tight, at, d);
        }
      }
    }
  }

  private static void check(String rule,
      ReportData data, List<String> cells, String name, String phrase, boolean tight, Location at, Diagnostics d) {
    Optional<BigDecimal> n = sum(data, cells);
    if (n.isEmpty() || n.get().signum() == 0) {
      return;
    }
    String msg = "正文写「" + phrase + "」，但" + name + "为 " + n.get().toPlainString() + " 件。请使正文与表格一致";
    if (tight) {
      d.error(rule, at, msg);
    } else {
      d.warning(rule, at, msg);
    }
  }

  /** R13: counts quoted in the prose must be one of the numbers of the row the kind names. */
  private static void rowCounts(ReportSpec spec, Prose prose, ReportData data, String p, Location at, Diagnostics d) {
    for (RowCount claim : prose.rowCounts()) {
      Matcher m = pattern(claim.pattern()).matcher(p);
      while (m.find()) {
        OptionalLong stated = ChineseNumbers.parse(m.group(1));
        if (stated.isEmpty()) {
          continue;
        }
        String prefix = claim.table() + "." + claim.row() + ".";
        List<BigDecimal> row = data.values().entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix) && e.getValue().isNumber())
            .map(e -> e.getValue().number())
            .toList();
        if (row.isEmpty() || row.stream().anyMatch(v -> v.compareTo(BigDecimal.valueOf(stated.getAsLong())) == 0)) {
          continue;
        }
        d.warning(claim.rule(), at, "正文写「" + m.group() + "」，" + claim.name() + "的数字是 "
            + String.join("、", row.stream().map(BigDecimal::toPlainString).toList()) + "，没有与之相符的。请核对");
      }
    }
  }

  private static final Pattern NESTED = Pattern.compile("[（(][^（）()]*(?:其中|含|包括)[^（）()]*[）)]");

  /** R14: 「17条…其中A类3条，B类3条…」 (or 「…包括：」): the items add up to the total. */
  private static void itemised(String p, Location at, Diagnostics d) {
    List<String> sentences = new ArrayList<>();
    Matcher end = SENTENCE_END.matcher(p);
    int start = 0;
    while (end.find()) {
      sentences.add(p.substring(start, end.end()));
      start = end.end();
    }
    if (start < p.length()) {
      sentences.add(p.substring(start));
    }
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i).replaceAll("(\\d)[ \u3000\u00A0]+(?=[条件个项])", "$1"); // 「225 条」 is 225条
      // 「其中」 or 「包括」 opens the list (「共计3437条，包括：人事信息12条，政务动态1740条，…」)
      int at1 = s.indexOf("其中");
      int incl = s.indexOf("包括");
      if (at1 < 0 || incl >= 0 && incl < at1) {
        at1 = incl;
      }
      if (at1 < 0) {
        continue;
      }
      String before = s.substring(0, at1);
      if (before.isBlank() && i > 0) {
        before = sentences.get(i - 1);
      }
      // A bracketed remark on the total is not the total (「办结…177件(含2022年结转的3件),其中…」)
      before = before.replaceAll("[（(][^（）()]*[）)]", "");
      MatchResult total = lastItem(before);
      if (total == null) {
        continue;
      }
      if (before.substring(Math.max(0, total.start() - 3), total.start()).matches(".*(约|近|超过?|逾|大约)$")) {
        continue; // 「共发布信息约1543条,其中…」: an approximate total, no sum can be checked against it
      }
      String unit = total.group(2);
      long stated = ChineseNumbers.parse(total.group(1)).orElse(-1);
      String items = s.substring(at1 + 2).replaceFirst("^[:：]", "");
      String opened = s.substring(0, at1);
      if (opened.chars().filter(c -> c == '(' || c == '（').count() > opened.chars().filter(c -> c == ')' || c == '）').count()) {
        // 「14件（其中信件申请10件，网络申请4件），已办结12件」: a bracketed list ends with its bracket
        int close = items.replace('）', ')').indexOf(')');
        items = close >= 0 ? items.substring(0, close) : items;
      }
      int semicolon = items.replace('；', ';').indexOf(';');
      if (semicolon >= 0) {
        items = items.substring(0, semicolon); // the list ends at a semicolon: what follows is another subject
      }
      // An item's own breakdown in brackets (「部门财务信息2条（其中部门预算1条、部门决算1条）」) is inside that item,
      // not another item of the list.
      items = NESTED.matcher(items).replaceAll("");
      if (ROUNDED_ITEM.matcher(items).find()) {
        continue; // 「…报送信息100余条」: a rounded item, the sum cannot be told
      }
      if (PARTIAL_LIST.matcher(items).find()) {
        continue; // 「其中A类5件，B类3件，其余…」 lists only some items: no sum to check
      }
      // A number without its unit after the list has moved on to another unit's items (「…16条、…共43件（…），
      // 建议提案涉及道路硬化26、…」) is not one of the listed items.
      int lastSame = -1;
      int otherAfter = -1;
      Matcher q = ITEM.matcher(items);
      while (q.find()) {
        if (q.group(2).equals(unit)) {
          lastSame = q.end();
          otherAfter = -1;
        } else if (lastSame >= 0 && otherAfter < 0) {
          otherAfter = q.start();
        }
      }
      if (BARE_NUMBER.matcher(otherAfter >= 0 ? items.substring(0, otherAfter) : items).find()
          || items.strip().matches("(?s).*\\d")) {
        // (also a list cut off by the end of the text in the middle of an item: 「…部分公开5件、不予公开28」)
        continue; // an item without its unit (「政务微信公开政府信息数170，」): the sum cannot be told
      }
      long sum = 0;
      long nextYear = 0; // items carried to next year: part of a total of requests received, not of those answered
      long otherUnit = 0; // items in another measure word inside the list (「…政策解读44条、征集调查16期、其他类信息1141条」)
      int count = 0;
      int prev = 0;
      // A list whose items are joined by 、 may end at a comma, where another clause with its own verb begins
      // (「200条,其中发布工作动态192条、通知(公告)8条,公开财政信息81条」): its sum up to that comma is a reading too.
      List<Long> untilComma = new ArrayList<>();
      boolean joinedByDunhao = true; // (only a list whose items are joined by 、 may end at a comma)
      // Items that are appeals (「申请28件,其中,…复议1件、…诉讼0件」) say what followed the requests, not how
      // they divide: no sum, unless the total itself counts appeals.
      boolean appeals = true;
      Matcher m = ITEM.matcher(items);
      while (m.find()) {
        String clause = items.substring(prev, m.start());
        prev = m.end();
        if (!m.group(2).equals(unit)) {
          continue;
        }
        OptionalLong n = ChineseNumbers.parse(m.group(1));
        if (n.isEmpty()) {
          continue;
        }
        if (clause.contains("下年") || clause.contains("下一年")) {
          nextYear += n.getAsLong();
          continue;
        }
        boolean comma = clause.contains(",") || clause.contains("，");
        if (count >= 2 && comma && joinedByDunhao) {
          untilComma.add(sum);
        }
        if (count >= 1 && (comma || !clause.contains("、"))) {
          joinedByDunhao = false; // the list's own separator is the comma: a comma ends nothing
        }
        appeals &= clause.matches("(?s).*(复议|诉讼).*");
        sum += n.getAsLong();
        count++;
      }
      if (appeals && count >= 2 && !before.substring(Math.max(0, before.lastIndexOf(total.group()) - 12))
          .matches("(?s).*(复议|诉讼).*")) {
        continue;
      }
      Matcher o = OTHER_ITEM.matcher(lastSame >= 0 ? items.substring(0, lastSame) : "");
      while (o.find()) {
        if (!o.group(2).equals(unit)) { // (「309条,其中工作动态信息306条,有效规范性文件2件,通知公告1条」)
          otherUnit += ChineseNumbers.parse(o.group(1)).orElse(0);
        }
      }
      // Either reading of a carried-over item and of an item in another measure word is the publisher's to choose;
      // only a list that adds up in none of them is a finding.
      boolean adds = false;
      for (long reading : new long[] {sum, sum + nextYear, sum + otherUnit, sum + nextYear + otherUnit}) {
        adds |= reading == stated;
      }
      adds |= untilComma.contains(stated);
      if (count >= 2 && stated >= 0 && !adds && sum != joinedTotal(before, unit)) {
        d.warning("R14", at, "正文写总数「" + total.group() + "」，其后「" + s.substring(at1, at1 + 2) + "」列出的各项之和为 " + sum + unit
            + "，相差 " + Math.abs(sum - stated) + unit + "。请核对各项数字或总数");
      }
    }
  }

  private static final Pattern JOINED = Pattern.compile("[^，。；,;：:、]*?(?:和|及|与|以及)[^，。；,;：:、]*");

  /**
   * The sum of the totals joined by 和/及/与 right before a 「其中」 (「A类案件6件和B类案件3件，其中A类维持5件，
   * 尚未审结1件，B类维持3件」): the list then breaks down all of them, 9. -1 when there is no such joining.
   */
  private static long joinedTotal(String before, String unit) {
    List<MatchResult> items = new ArrayList<>();
    Matcher m = ITEM.matcher(before);
    while (m.find()) {
      items.add(m.toMatchResult());
    }
    long sum = -1;
    for (int k = items.size() - 1; k >= 0 && items.get(k).group(2).equals(unit); k--) {
      OptionalLong n = ChineseNumbers.parse(items.get(k).group(1));
      if (n.isEmpty()) {
        return -1;
      }
      sum = Math.max(sum, 0) + n.getAsLong();
      if (k == 0 || !JOINED.matcher(before.substring(items.get(k - 1).end(), items.get(k).start())).matches()) {
        break;
      }
    }
    return items.size() >= 2 && sum >= 0 && sum != ChineseNumbers.parse(items.get(items.size() - 1).group(1)).orElse(-1)
        ? sum : -1;
  }

  private static MatchResult lastItem(String text) {
    Matcher m = ITEM.matcher(text);
    MatchResult last = null;
    while (m.find()) {
      last = m.toMatchResult();
    }
    return last;
  }

  /** R15 and the like: cells above zero mean a section must mention a word. */
  private static void mentions(Prose prose, ReportData data, Diagnostics d) {
    for (Required r : prose.mentions()) {
      if (r.notRun() != null || r.cells().isEmpty()) {
        continue; // said by CHECK.NOT_RUN (notRunnable)
      }
      Optional<BigDecimal> n = sum(data, r.cells());
      if (n.isEmpty() || n.get().signum() == 0) {
        continue;
      }
      if (!String.join("", data.paragraphs(r.section())).contains(r.word())) {
        d.warning(r.rule(), data.proseLocation(r.section()), r.message().replace("{n}", n.get().toPlainString()));
      }
    }
  }

  private static Optional<BigDecimal> sum(ReportData data, List<String> cells) {
    BigDecimal total = BigDecimal.ZERO;
    for (String c : cells) {
      Optional<BigDecimal> n = data.number(c);
      if (n.isEmpty() || n.get().signum() < 0) { // R01 reports it; comparing prose with it would only repeat that
        return Optional.empty();
      }
      total = total.add(n.get());
    }
    return Optional.of(total);
  }

  private static boolean inside(List<int[]> spans, int start, int end) {
    return spans.stream().anyMatch(s -> start < s[1] && end > s[0]);
  }
}
