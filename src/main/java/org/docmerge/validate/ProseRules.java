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
import org.docmerge.spec.ReportSpec.Section;

/**
 * Rules that read the prose: R09 (one year), R11–R14 (numbers in the prose against the tables and against
 * themselves), R15 (信息处理费), R16–R17 (sections present and not empty).
 *
 * <p>Prose rules must not cry wolf on ordinary prose. A number that follows its phrase directly (「本年新收
 * 1件」) is unambiguous and a mismatch is an error; a number separated from its phrase by other words (「本年新
 * 收自然人申请5件」) may mean something else, so a mismatch is only a warning. Stateless.
 */
final class ProseRules {
  private static final String N = "(" + ChineseNumbers.PATTERN + ")";
  private static final String GAP = "[^，。；,;：:！？]{0,14}?";

  /** A phrase of the prose that states the value of some cells. */
  private record Claim(String rule, String what, Pattern tight, Pattern loose, List<String> cells) {}

  private static final String T3_NEW = "t3.new.total";
  private static final String T3_CARRIED = "t3.carried.total";
  private static final String T3_CARRYOVER = "t3.carryover.total";

  private static final List<Claim> CLAIMS = List.of(
      new Claim("R11", "本年新收申请",
          Pattern.compile("本年度?(?:共)?新收(?:到)?(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:数量)?(?:为|共)?" + N + "件"),
          Pattern.compile("本年度?" + GAP + "新收" + GAP + N + "件"),
          List.of(T3_NEW)),
      new Claim("R11", "上年结转申请",
          Pattern.compile("上年度?结转(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:数量)?(?:为|共)?" + N + "件"),
          Pattern.compile("上年度?结转" + GAP + N + "件"),
          List.of(T3_CARRIED)),
      new Claim("R11", "结转下年度继续办理的申请",
          Pattern.compile("结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:为|共)?" + N + "件"),
          Pattern.compile("结转(?:至|到)?下一?年" + GAP + N + "件"),
          List.of(T3_CARRYOVER)),
      new Claim("R11", "予以公开的申请",
          Pattern.compile("(?<!主动)(?<!依法)予以公开(?:的)?(?:申请)?(?:共|为)?" + N + "件"),
          Pattern.compile("(?<![主动依法])予以公开" + GAP + N + "件"),
          List.of("t3.open.total")),
      new Claim("R11", "部分公开的申请",
          Pattern.compile("部分公开(?:的)?(?:申请)?(?:共|为)?" + N + "件"),
          Pattern.compile("部分公开" + GAP + N + "件"),
          List.of("t3.partial.total")),
      new Claim("R11", "不予公开的申请",
          Pattern.compile("不予公开(?:的)?(?:申请)?(?:共|为)?" + N + "件"),
          Pattern.compile("不予公开" + GAP + N + "件"),
          List.of("t3.deny1.total", "t3.deny2.total", "t3.deny3.total", "t3.deny4.total", "t3.deny5.total",
              "t3.deny6.total", "t3.deny7.total", "t3.deny8.total")),
      new Claim("R11", "无法提供的申请",
          Pattern.compile("无法提供(?:的)?(?:申请)?(?:共|为)?" + N + "件"),
          Pattern.compile("无法提供" + GAP + N + "件"),
          List.of("t3.unable1.total", "t3.unable2.total", "t3.unable3.total")),
      new Claim("R11", "不予处理的申请",
          Pattern.compile("不予处理(?:的)?(?:申请)?(?:共|为)?" + N + "件"),
          Pattern.compile("不予处理" + GAP + N + "件"),
          List.of("t3.reject1.total", "t3.reject2.total", "t3.reject3.total", "t3.reject4.total",
              "t3.reject5.total")),
      new Claim("R12", "行政复议",
          Pattern.compile("行政复议(?:案件|案|申请)?(?:共|为)?" + N + "(?:件|起|宗)"),
          Pattern.compile("行政复议" + GAP + N + "(?:件|起|宗)"),
          List.of("t4.count.review_total")),
      new Claim("R12", "行政诉讼",
          Pattern.compile("行政诉讼(?:案件|案)?(?:共|为)?" + N + "(?:件|起|宗)"),
          Pattern.compile("行政诉讼" + GAP + N + "(?:件|起|宗)"),
          List.of("t4.count.direct_total", "t4.count.after_total")));

  /** 共受理/共收到 N 件: staff mean either 一 + 二 or 一 alone; only a number matching neither is wrong. */
  private static final Pattern RECEIVED_TIGHT = Pattern.compile(
      "共(?:受理|收到|接收|办理)(?:了)?(?:各类)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共)?" + N + "件");
  private static final Pattern RECEIVED_LOOSE = Pattern.compile("共(?:受理|收到|接收)" + GAP + N + "件");

  private static final Pattern NONE_RECEIVED = Pattern.compile(
      "(?:未|没有)(?:收到|接到|受理)(?:过)?(?:任何|各类)?(?:政府信息公开|依申请公开)(?:的)?申请");

  private static final Pattern NO_CASES = Pattern.compile("(?:未|没有)(?:发生|出现)([^。；;]{0,40}?)行政复议([^。；;，,]{0,16})");
  private static final Pattern NO_CASES_GAP =
      Pattern.compile("(?:因|有关|与|涉及|政府信息公开|工作|而|引发|引起|的|被申请|申请|提起|相关|事项|方面)*");

  private static final Pattern ALL_UPHELD =
      Pattern.compile("行政复议[^。]{0,20}?(?:均|全部|都)(?:被|予以|得到|获|获得)?(?:了)?维持");

  /** Counts of table 二 stated in the prose (R13): pattern, the row whose values may match. */
  private static final List<Object[]> T2_CLAIMS = List.of(
      new Object[] {Pattern.compile("(?<!规范性文件)规章(?:共)?" + N + "(?:件|部|个)"), "rules", "规章"},
      new Object[] {Pattern.compile("规范性文件(?:共)?" + N + "(?:件|个|份)"), "normative", "行政规范性文件"},
      new Object[] {Pattern.compile("行政许可(?:事项|决定|案件)?(?:共)?" + N + "(?:件|个|项)"), "license", "行政许可"},
      new Object[] {Pattern.compile("行政处罚(?:决定|案件)?(?:共)?" + N + "(?:件|起|个)"), "penalty", "行政处罚"});

  private static final Pattern PERIOD = Pattern.compile("(\\d{4})年1月1日(?:起)?(?:至|到|—|-|～|~)(?:(\\d{4})年)?12月31日");
  private static final Pattern REPORT_TITLE = Pattern.compile("(\\d{4})年度?政府信息公开工作年度报告");
  private static final Pattern YEAR_LEAD = Pattern.compile("^(\\d{4})年度?[，,]");

  private static final Pattern ITEM = Pattern.compile(N + "(条|件|个|项)");
  private static final Pattern BARE_NUMBER = Pattern.compile("(?<![\\d.])\\d+(?=[，,、])");
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]");
  private static final Pattern PARTIAL_LIST = Pattern.compile("其余|余下|剩余|另有|等[，。；、,]|等$|等(?:多|若干|方面|类型|内容)");

  private ProseRules() {}

  static void check(ReportSpec spec, ReportData data, Diagnostics d) {
    sections(spec, data, d);
    for (Section s : spec.sections()) {
      List<String> paragraphs = data.paragraphs(s.id());
      for (int i = 0; i < paragraphs.size(); i++) {
        Location at = data.proseLocation(s.id()).withDetail("「" + s.label() + "」第" + (i + 1) + "段");
        String p = paragraphs.get(i);
        year(data, p, at, d);
        claims(data, p, at, d);
        tableTwo(data, p, at, d);
        itemised(p, at, d);
      }
    }
    infoFee(data, d);
  }

  /** R16 and R17: the sections are there and say something. */
  private static void sections(ReportSpec spec, ReportData data, Diagnostics d) {
    for (Section s : spec.sections()) {
      List<String> ps = data.paragraphs(s.id());
      Location at = data.proseLocation(s.id());
      boolean empty = ps.isEmpty();
      if (s.heading() != null && s.heading().startsWith("五") || s.heading() != null && s.heading().startsWith("六")) {
        if (empty) {
          d.warning("R17", at, "「" + s.label() + "」没有内容。这一部分不能空着，请填写");
        } else if (s.heading().startsWith("五") && String.join("", ps).replaceAll("[\\s。.]", "").equals("无")) {
          d.warning("R17", at, "「" + s.label() + "」只写了「无」。请写明存在的主要问题和改进措施");
        }
      } else if (empty && s.required() && (s.subjectOf() != null || s.heading() == null)) {
        String what = s.subjectOf() != null ? "总体情况须涵盖「" + s.label().replaceAll("^一（.）", "") + "」方面，" : "";
        d.warning("R16", at, "「" + s.label() + "」没有内容。" + what + "请在「正文」表中填写");
      }
    }
  }

  /** R09: the statistical period and any mention of the report itself name the report year. */
  private static void year(ReportData data, String p, Location at, Diagnostics d) {
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
    m = REPORT_TITLE.matcher(p);
    while (m.find()) {
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

  /** R11, R12: phrases that state cells of tables 三 and 四. */
  private static void claims(ReportData data, String p, Location at, Diagnostics d) {
    for (Claim c : CLAIMS) {
      Optional<BigDecimal> actual = sum(data, c.cells());
      if (actual.isEmpty()) {
        continue;
      }
      boolean perResult = c.cells().get(0).startsWith("t3.") && !c.cells().get(0).matches("t3\\.(new|carried|carryover)\\..*");
      List<int[]> tightSpans = new ArrayList<>();
      Matcher m = c.tight().matcher(p);
      while (m.find()) {
        tightSpans.add(new int[] {m.start(), m.end()});
        if (perResult && otherScope(data, p, m)) {
          continue;
        }
        compare(p, c.rule(), c.what(), m, actual.get(), true, at, d);
      }
      m = c.loose().matcher(p);
      while (m.find()) {
        if (inside(tightSpans, m.start(), m.end()) || perResult && otherScope(data, p, m)) {
          continue;
        }
        compare(p, c.rule(), c.what(), m, actual.get(), false, at, d);
      }
    }
    received(data, p, at, d);
    noneReceived(data, p, at, d);
    noCases(data, p, at, d);
    allUpheld(data, p, at, d);
  }

  private static final Pattern COUNT = Pattern.compile(N + "件");

  /**
   * Whether the sentence of a per-result claim (「予以公开 N 件」) is about another set of requests: an earlier count
   * in it (「办结518件，其中予以公开300件」) that is none of the table's totals (new, new + carried, handled).
   */
  private static boolean otherScope(ReportData data, String p, Matcher claim) {
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
    for (List<String> cells : List.of(List.of(T3_NEW), List.of(T3_NEW, T3_CARRIED), List.of("t3.total.total"))) {
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

  private static void received(ReportData data, String p, Location at, Diagnostics d) {
    Optional<BigDecimal> fresh = sum(data, List.of(T3_NEW));
    Optional<BigDecimal> both = sum(data, List.of(T3_NEW, T3_CARRIED));
    if (fresh.isEmpty() || both.isEmpty()) {
      return;
    }
    List<int[]> tightSpans = new ArrayList<>();
    for (Pattern pattern : List.of(RECEIVED_TIGHT, RECEIVED_LOOSE)) {
      boolean tight = pattern == RECEIVED_TIGHT;
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
        String msg = "正文写「" + quote(p, m) + "」，表三第一项与第二项之和为 " + both.get().toPlainString()
            + "（本年新收 " + fresh.get().toPlainString() + "）。请使正文与表格一致";
        if (tight) {
          d.error("R11", at, msg);
        } else {
          d.warning("R11", at, msg + "（若这里说的不是申请总数，可忽略）");
        }
      }
    }
  }

  private static void noneReceived(ReportData data, String p, Location at, Diagnostics d) {
    Optional<BigDecimal> fresh = sum(data, List.of(T3_NEW));
    Matcher m = NONE_RECEIVED.matcher(p);
    if (fresh.isPresent() && fresh.get().signum() > 0 && m.find()) {
      d.error("R11", at, "正文写「" + quote(p, m) + "」，但表三本年新收申请为 " + fresh.get().toPlainString()
          + " 件。请使正文与表格一致");
    }
  }

  /** 「未发生…行政复议…行政诉讼」 while table 四 shows cases. */
  private static void noCases(ReportData data, String p, Location at, Diagnostics d) {
    Matcher m = NO_CASES.matcher(p);
    while (m.find()) {
      boolean tight = NO_CASES_GAP.matcher(m.group(1)).matches();
      String after = m.group(2);
      if (after.matches("^(?:被|败诉|纠错|纠正|撤销|确认违法).*")) {
        continue; // 「未发生行政复议被纠错的情况」 says nothing about the number of cases
      }
      check(data, List.of("t4.count.review_total"), "行政复议", m.group(), tight, at, d);
      if (after.contains("行政诉讼") || m.group(1).contains("行政诉讼")) {
        check(data, List.of("t4.count.direct_total", "t4.count.after_total"), "行政诉讼", m.group(), tight, at, d);
      }
    }
  }

  private static void check(
      ReportData data, List<String> cells, String what, String phrase, boolean tight, Location at, Diagnostics d) {
    Optional<BigDecimal> n = sum(data, cells);
    if (n.isEmpty() || n.get().signum() == 0) {
      return;
    }
    String msg = "正文写「" + phrase + "」，但表四" + what + "总计为 " + n.get().toPlainString() + " 件。请使正文与表格一致";
    if (tight) {
      d.error("R12", at, msg);
    } else {
      d.warning("R12", at, msg);
    }
  }

  private static void allUpheld(ReportData data, String p, Location at, Diagnostics d) {
    Matcher m = ALL_UPHELD.matcher(p);
    if (!m.find()) {
      return;
    }
    Optional<BigDecimal> others =
        sum(data, List.of("t4.count.review_corrected", "t4.count.review_other", "t4.count.review_pending"));
    if (others.isPresent() && others.get().signum() > 0) {
      d.warning("R12", at, "正文写「" + quote(p, m) + "」，但表四行政复议有 " + others.get().toPlainString()
          + " 件结果纠正、其他结果或尚未审结。请使正文与表格一致");
    }
  }

  /** R13: counts of table 二 quoted in the prose must be one of that row's numbers. */
  private static void tableTwo(ReportData data, String p, Location at, Diagnostics d) {
    for (Object[] claim : T2_CLAIMS) {
      Matcher m = ((Pattern) claim[0]).matcher(p);
      while (m.find()) {
        OptionalLong stated = ChineseNumbers.parse(m.group(1));
        if (stated.isEmpty()) {
          continue;
        }
        String prefix = "t2." + claim[1] + ".";
        List<BigDecimal> row = data.values().entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix) && e.getValue().isNumber())
            .map(e -> e.getValue().number())
            .toList();
        if (row.isEmpty() || row.stream().anyMatch(v -> v.compareTo(BigDecimal.valueOf(stated.getAsLong())) == 0)) {
          continue;
        }
        d.warning("R13", at, "正文写「" + m.group() + "」，表二「" + claim[2] + "」行的数字是 "
            + String.join("、", row.stream().map(BigDecimal::toPlainString).toList()) + "，没有与之相符的。请核对");
      }
    }
  }

  /** R14: 「17条…其中A类3条，B类3条…」: the items add up to the total. */
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
      String s = sentences.get(i);
      int at1 = s.indexOf("其中");
      if (at1 < 0) {
        continue;
      }
      String before = s.substring(0, at1);
      if (before.isBlank() && i > 0) {
        before = sentences.get(i - 1);
      }
      MatchResult total = lastItem(before);
      if (total == null) {
        continue;
      }
      String unit = total.group(2);
      long stated = ChineseNumbers.parse(total.group(1)).orElse(-1);
      String items = s.substring(at1 + 2);
      int semicolon = items.replace('；', ';').indexOf(';');
      if (semicolon >= 0) {
        items = items.substring(0, semicolon); // the list ends at a semicolon: what follows is another subject
      }
      if (PARTIAL_LIST.matcher(items).find()) {
        continue; // 「其中予以公开5件，部分公开3件，其余…」 lists only some items: no sum to check
      }
      if (BARE_NUMBER.matcher(items).find()) {
        continue; // an item without its unit (「政务微信公开政府信息数170，」): the sum cannot be told
      }
      long sum = 0;
      int count = 0;
      int prev = 0;
      Matcher m = ITEM.matcher(items);
      while (m.find()) {
        String clause = items.substring(prev, m.start());
        prev = m.end();
        if (!m.group(2).equals(unit) || clause.contains("下年") || clause.contains("下一年")) {
          continue;
        }
        OptionalLong n = ChineseNumbers.parse(m.group(1));
        if (n.isEmpty()) {
          continue;
        }
        sum += n.getAsLong();
        count++;
      }
      if (count >= 2 && stated >= 0 && sum != stated) {
        d.warning("R14", at, "正文写总数「" + total.group() + "」，其后「其中」列出的各项之和为 " + sum + unit
            + "，相差 " + Math.abs(sum - stated) + unit + "。请核对各项数字或总数");
      }
    }
  }

  private static MatchResult lastItem(String text) {
    Matcher m = ITEM.matcher(text);
    MatchResult last = null;
    while (m.find()) {
      last = m.toMatchResult();
    }
    return last;
  }

  /** R15: fee notices were issued (三（六）2), so part 六 should say what 信息处理费 was collected. */
  private static void infoFee(ReportData data, Diagnostics d) {
    Optional<BigDecimal> notices = sum(data, List.of("t3.otherproc2.total"));
    if (notices.isEmpty() || notices.get().signum() == 0) {
      return;
    }
    String six = String.join("", data.paragraphs("other"));
    if (!six.contains("信息处理费")) {
      d.warning("R15", data.proseLocation("other"), "表三（六）其他处理第 2 项（逾期未缴费）为 " + notices.get().toPlainString()
          + "，说明发出过收费通知。请在「六、其他需要报告的事项」中说明信息处理费的收取情况");
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
