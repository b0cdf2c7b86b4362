package org.docmerge.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.output.SafeOutput;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;
import org.docmerge.workbook.SheetTable;
import org.docmerge.workbook.WorkbookWriter;

/**
 * {@code docmerge aggregate}: sums every value of every table of the member workbooks into one new workbook of
 * the same kind (annual-report-format.md §7), ready to be checked, completed by hand (the narrative is written
 * afresh, never concatenated) and merged. Values are summed exactly as decimals; the identities are linear, so
 * the sum checks clean whenever every member does.
 *
 * <p>The aggregate is refused (nothing written) rather than silently incomplete or double-counted when: a member
 * cannot be read; a member has errors (unless {@code allowErrors}, which counts what it reported and marks it);
 * a member reports another year than {@code year} (default: the year most members report); the same unit
 * appears twice; or a unit on the explicit member list was not found. Workbooks not on an explicit list are
 * listed as not counted. The member sheet 「成员单位」 in the output lists every workbook found, its status and
 * its key totals, so the office can see exactly what went in.
 *
 * <p>Memory is flat: each member is read, added to the running sum of its year, and dropped.
 */
public final class Aggregate {
  /** The member sheet's name in the output workbook. */
  public static final String MEMBER_SHEET = "成员单位";

  private Aggregate() {}

  /**
   * @param agency the 机关名称 of the aggregate report
   * @param year the year every member must report; empty: the year most members report
   * @param members an explicit member list (file names, with or without folder or extension, or 机关名称)
   */
  public record Options(
      int jobs, boolean allowErrors, Optional<Integer> year, Optional<List<String>> members, String agency,
      boolean overwrite) {
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), false, Optional.empty(), Optional.empty(), "汇总", false);
    }
  }

  public enum Status {
    INCLUDED("已计入"),
    INCLUDED_WITH_ERRORS("有错误，仍已计入（--allow-errors）"),
    ERRORS("有错误，未计入"),
    UNREADABLE("无法读取，未计入"),
    OTHER_YEAR("报告年度不同，未计入"),
    NO_YEAR("报告年度无法识别，未计入"),
    DUPLICATE("同一单位重复，未计入"),
    NOT_LISTED("不在成员名单中，未计入");

    private final String chinese;

    Status(String chinese) {
      this.chinese = chinese;
    }

    public String chinese() {
      return chinese;
    }

    public boolean counted() {
      return this == INCLUDED || this == INCLUDED_WITH_ERRORS;
    }

    /** A status that makes the whole aggregate refused. */
    public boolean refuses() {
      return this == ERRORS || this == UNREADABLE || this == OTHER_YEAR || this == NO_YEAR || this == DUPLICATE;
    }
  }

  /** One workbook found, and what became of it. */
  public record Member(
      String file, String agency, Integer year, Status status, int errors, List<String> firstErrors,
      Map<String, BigDecimal> totals) {
    Member with(Status s) {
      return new Member(file, agency, year, s, errors, firstErrors, totals);
    }
  }

  /**
   * @param members every workbook found, in input order
   * @param missing entries of the explicit list that matched no workbook
   * @param problems why the aggregate was refused (empty when it was written)
   * @param output the workbook written
   * @param sum the summed data (also when refused, for inspection), absent when nothing could be summed
   */
  public record Outcome(
      List<Member> members, List<String> missing, List<Inputs.Skipped> skipped, List<Diagnostic> problems,
      Optional<Path> output, Optional<ReportData> sum) {
    public boolean anyUnreadable() {
      return members.stream().anyMatch(m -> m.status() == Status.UNREADABLE)
          || problems.stream().anyMatch(d -> d.code().startsWith("OUT.") || d.code().startsWith("FILE.")
              || d.code().startsWith("MEMBERS."));
    }
  }

  /** Running sums of one year's members. */
  private static final class Sums {
    final Map<String, BigDecimal> values = new HashMap<>();
    /** Each member's list rows by its file, so the concatenation follows file order, not thread timing. */
    final Map<String, Map<String, List<Map<String, CellValue>>>> lists = new java.util.TreeMap<>();

    synchronized void add(ReportData d, Set<String> cells) {
      for (String id : cells) {
        d.number(id).ifPresent(v -> values.merge(id, v, BigDecimal::add));
      }
      if (!d.lists().isEmpty()) {
        lists.put(d.source(), d.lists());
      }
    }

    /** Every member's rows of each list, one member after another in file order. */
    synchronized Map<String, List<Map<String, CellValue>>> concatenated() {
      Map<String, List<Map<String, CellValue>>> out = new java.util.LinkedHashMap<>();
      lists.values().forEach(m -> m.forEach((id, rows) -> out.computeIfAbsent(id, k -> new ArrayList<>()).addAll(rows)));
      return out;
    }
  }

  public static Outcome run(Docmerge engine, Path inputDir, Path output, Options options, Batch.Progress progress) {
    Optional<Diagnostic> refused = Batch.Folders.check(inputDir, output, false);
    if (refused.isEmpty() && Batch.Folders.real(output).startsWith(Batch.Folders.real(inputDir))) {
      refused = Optional.of(Diagnostic.error("OUT.INSIDE_INPUT", Location.file(output.toString()),
          "汇总工作簿不能放在输入文件夹里：下次汇总时它会被当作成员重复计入。请换一个位置，如 -o 全区汇总.xlsx"));
    }
    if (refused.isEmpty()) {
      refused = SafeOutput.preflight(output, new SafeOutput.Options(options.overwrite()));
    }
    if (refused.isPresent()) {
      return new Outcome(List.of(), List.of(), List.of(), List.of(refused.get()), Optional.empty(), Optional.empty());
    }
    Inputs.Walk walk;
    try {
      walk = Inputs.walk(inputDir, Optional.empty());
    } catch (IOException e) {
      return new Outcome(List.of(), List.of(), List.of(), List.of(Diagnostic.error("FILE.UNREADABLE",
          Location.file(inputDir.toString()), "无法读取输入文件夹" + org.docmerge.diag.Technical.of(e))),
          Optional.empty(), Optional.empty());
    }
    ReportSpec spec = engine.kind().spec();
    Set<String> cells = spec.cells().keySet();
    List<Path> inputs = walk.inputs();
    int n = inputs.size();
    Map<Integer, Sums> sums = new java.util.concurrent.ConcurrentHashMap<>();
    Set<String> listed = options.members().map(Aggregate::keys).orElse(null);
    Set<String> matched = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Member[] members;
    try {
      members = Workers.run(n, options.jobs(), "docmerge-aggregate", new Workers.Task<Member>() {
        @Override
        public Member run(int i) {
          return one(engine, inputDir, inputs.get(i), options, listed, matched, sums, cells);
        }

        @Override
        public Member fault(int i, Diagnostic fault) {
          return new Member(inputs.get(i).toString(), "", null, Status.UNREADABLE, 1, List.of(fault.message()), Map.of());
        }
      }, progress).toArray(Member[]::new);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(List.of(), List.of(), walk.skipped(),
          List.of(Diagnostic.error("BATCH.INTERRUPTED", Location.NONE, "任务被中断，没有生成汇总")), Optional.empty(), Optional.empty());
    }

    List<Diagnostic> problems = new ArrayList<>();
    // The year: as asked, else the one most members report (a tie cannot be decided for the office).
    Map<Integer, Integer> byYear = new HashMap<>();
    for (Member m : members) {
      if (m.status().counted() && m.year() != null) {
        byYear.merge(m.year(), 1, Integer::sum);
      }
    }
    Integer year = options.year().orElse(null);
    if (year == null && !byYear.isEmpty()) {
      int max = byYear.values().stream().max(Integer::compare).get();
      List<Integer> top = byYear.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).sorted().toList();
      if (top.size() == 1) {
        year = top.get(0);
      } else {
        problems.add(Diagnostic.error("AGG.YEAR_UNCLEAR", Location.file(inputDir.toString()),
            "成员单位报告的年度不一致（" + top + " 年各有 " + max + " 个），无法判断要汇总哪一年。请用 --year 指定年度"));
      }
    }
    // Another year's members, then the same unit twice among what is counted.
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Member m = members[i];
      if (!m.status().counted()) {
        continue;
      }
      if (year != null && !year.equals(m.year())) {
        members[i] = m.with(Status.OTHER_YEAR);
        continue;
      }
      String key = normName(m.agency());
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        members[i] = m.with(Status.DUPLICATE);
        problems.add(Diagnostic.error("AGG.DUPLICATE", Location.file(m.file()),
            "「" + m.agency() + "」出现了两次：" + members[first].file() + " 和 " + m.file()
                + "。重复计入会使合计翻倍；请删去多余的一份（或用 --members 列出成员）后重新运行"));
      }
    }
    for (Member m : members) {
      switch (m.status()) {
        case ERRORS -> problems.add(Diagnostic.error("AGG.MEMBER_ERRORS", Location.file(m.file()),
            "成员「" + name(m) + "」的工作簿有 " + m.errors() + " 个错误，未计入。请让该单位改正后重新汇总（用 docmerge check 查看错误）；"
                + "如确需按现有数据汇总，加 --allow-errors"));
        case UNREADABLE -> problems.add(Diagnostic.error("AGG.MEMBER_UNREADABLE", Location.file(m.file()),
            "无法读取这个成员的工作簿：" + String.join("；", m.firstErrors())));
        case OTHER_YEAR -> problems.add(Diagnostic.error("AGG.OTHER_YEAR", Location.file(m.file()),
            "成员「" + name(m) + "」报告的是 " + m.year() + " 年，而汇总的是 " + year + " 年。请换成该单位 " + year
                + " 年的工作簿，或把这个文件移出输入文件夹"));
        case NO_YEAR -> problems.add(Diagnostic.error("AGG.NO_YEAR", Location.file(m.file()),
            "成员「" + name(m) + "」的报告年度无法识别。请在「基本信息」中填写四位数的年度"));
        default -> { }
      }
    }
    List<String> missing = new ArrayList<>();
    if (options.members().isPresent()) {
      for (String entry : options.members().get()) {
        if (!matched.contains(normName(entry)) && !matched.contains(normName(stripExt(entry)))) {
          missing.add(entry);
          problems.add(Diagnostic.error("AGG.MEMBER_MISSING", Location.file(entry),
              "成员名单中的「" + entry + "」在输入文件夹中没有找到对应的工作簿（按文件名或机关名称查找）。请补上它的工作簿，或从名单中删去"));
        }
      }
    }
    if (problems.isEmpty()
        && java.util.Arrays.stream(members).noneMatch(m -> m.status().counted())) {
      problems.add(Diagnostic.error("AGG.NO_MEMBERS", Location.file(inputDir.toString()),
          "输入文件夹中没有可汇总的工作簿（.xlsx 或 .xls）"));
    }
    Optional<ReportData> sum = Optional.empty();
    if (year != null && sums.containsKey(year)) {
      sum = Optional.of(sumData(spec, sums.get(year).values, sums.get(year).concatenated(), options.agency(), year));
    }
    List<Member> list = List.of(members);
    problems.sort(Diagnostic.ORDER);
    if (!problems.isEmpty() || sum.isEmpty()) {
      return new Outcome(list, missing, walk.skipped(), problems, Optional.empty(), sum);
    }
    byte[] bytes = WorkbookWriter.write(spec, sum.get(), memberTable(spec, list, sum.get()));
    Optional<Diagnostic> failed = SafeOutput.publish(output, bytes, new SafeOutput.Options(options.overwrite()));
    if (failed.isPresent()) {
      return new Outcome(list, missing, walk.skipped(), List.of(failed.get()), Optional.empty(), sum);
    }
    return new Outcome(list, missing, walk.skipped(), List.of(), Optional.of(output), sum);
  }

  private static Member one(
      Docmerge engine, Path root, Path input, Options options, Set<String> listed, Set<String> matched,
      Map<Integer, Sums> sums, Set<String> cells) {
    String file = input.toString();
    Set<String> fileKeys = fileKeys(root, input);
    Docmerge.Checked c = engine.check(input, Validator.Options.DEFAULT);
    int errors = (int) c.diagnostics().stream().filter(Diagnostic::isError).count();
    List<String> first = c.diagnostics().stream().filter(Diagnostic::isError).limit(3).map(Diagnostic::toString).toList();
    if (c.data().isEmpty()) {
      boolean onList = listed == null || fileKeys.stream().anyMatch(listed::contains);
      if (onList && listed != null) {
        fileKeys.stream().filter(listed::contains).forEach(matched::add);
      }
      return new Member(file, "", null, onList ? Status.UNREADABLE : Status.NOT_LISTED, Math.max(1, errors), first, Map.of());
    }
    ReportData data = c.data().get();
    String agency = data.field("agency");
    Integer year = data.year().orElse(null);
    Map<String, BigDecimal> totals = Totals.of(engine.kind().spec(), data);
    if (listed != null) {
      Set<String> keys = new HashSet<>(fileKeys);
      keys.add(normName(agency));
      List<String> hits = keys.stream().filter(listed::contains).toList();
      if (hits.isEmpty()) {
        return new Member(file, agency, year, Status.NOT_LISTED, errors, first, totals);
      }
      matched.addAll(hits);
    }
    if (errors > 0 && !options.allowErrors()) {
      return new Member(file, agency, year, Status.ERRORS, errors, first, totals);
    }
    if (year == null) {
      return new Member(file, agency, null, Status.NO_YEAR, errors, first, totals);
    }
    sums.computeIfAbsent(year, y -> new Sums()).add(data, cells);
    return new Member(file, agency, year, errors > 0 ? Status.INCLUDED_WITH_ERRORS : Status.INCLUDED, errors, first, totals);
  }

  /** The summed report: cover from the options, prose blank for staff to write, every cell the exact sum. */
  static ReportData sumData(ReportSpec spec, Map<String, BigDecimal> values, String agency, int year) {
    return sumData(spec, values, Map.of(), agency, year);
  }

  /** The summed report; each list holds every member's rows, concatenated in file order. */
  static ReportData sumData(ReportSpec spec, Map<String, BigDecimal> values,
      Map<String, List<Map<String, CellValue>>> lists, String agency, int year) {
    ReportData.Builder b = new ReportData.Builder(spec.kind(), "汇总");
    b.field("agency", agency, Location.NONE);
    b.field("year", String.valueOf(year), Location.NONE);
    b.field("unitType", "本级政府", Location.NONE);
    for (String id : spec.cells().keySet()) {
      b.value(id, CellValue.of(values.getOrDefault(id, BigDecimal.ZERO), Location.NONE));
    }
    lists.forEach(b::list);
    return b.build();
  }

  static SheetTable memberTable(ReportSpec spec, List<Member> members, ReportData sum) {
    List<String> headers = new ArrayList<>(List.of("序号", "文件", "机关名称", "年度", "状态", "错误数"));
    headers.addAll(Totals.labels(spec));
    List<List<Object>> rows = new ArrayList<>();
    int i = 0;
    for (Member m : members) {
      List<Object> line = new ArrayList<>(List.of(++i, m.file(), m.agency(), m.year() == null ? "" : m.year(),
          m.status().chinese(), m.errors()));
      Totals.labels(spec).forEach(l -> line.add(m.totals().get(l)));
      rows.add(line);
    }
    List<Object> total = new ArrayList<>(List.of("合计", "", "", sum.field("year"),
        members.stream().filter(m -> m.status().counted()).count() + " 个单位已计入", ""));
    Map<String, BigDecimal> t = Totals.of(spec, sum);
    Totals.labels(spec).forEach(l -> total.add(t.get(l)));
    rows.add(total);
    return new SheetTable(MEMBER_SHEET, headers, rows);
  }

  private static String name(Member m) {
    return m.agency().isBlank() ? m.file() : m.agency();
  }

  /** How a list entry and a found file or unit are compared: NFC, case-folded, without spaces. */
  static String normName(String s) {
    return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static Set<String> keys(List<String> entries) {
    Set<String> out = new LinkedHashSet<>();
    for (String e : entries) {
      out.add(normName(e));
      out.add(normName(stripExt(e)));
    }
    return out;
  }

  /** A file matches a list entry by its path under the input folder or its bare name, with or without extension. */
  private static Set<String> fileKeys(Path root, Path input) {
    Set<String> out = new HashSet<>();
    String rel = root.relativize(input).toString().replace('\\', '/');
    String base = input.getFileName().toString();
    for (String s : List.of(rel, base, stripExt(rel), stripExt(base))) {
      out.add(normName(s));
    }
    return out;
  }

  private static String stripExt(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    if (l.endsWith(".xlsx")) {
      return s.substring(0, s.length() - 5);
    }
    if (l.endsWith(".xls")) {
      return s.substring(0, s.length() - 4);
    }
    return s;
  }
}
