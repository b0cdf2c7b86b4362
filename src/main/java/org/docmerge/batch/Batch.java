package org.docmerge.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docmerge.diag.Severity;
import org.docmerge.model.ReportData;
import org.docmerge.output.FolderLock;
import org.docmerge.render.PdfConverter;
import org.docmerge.output.SafeOutput;
import org.docmerge.validate.Validator;
import org.docmerge.workbook.SheetTable;
import org.docmerge.workbook.SummaryWriter;

/**
 * {@code docmerge batch}: every workbook of a folder to its report, plus {@value #SUMMARY}.
 *
 * <p>One pass, in parallel ({@code jobs} threads of {@link Workers}): the facade's merge of each workbook in memory
 * ({@link Docmerge#merge(Path, Validator.Options, boolean)}: read, check and, when no error stands, render), and the
 * document staged under a hidden temporary name in the output folder. With {@code --pdf} each staged document also
 * goes at once to a {@link PdfConverter.Session}, so LibreOffice converts while later workbooks are still being
 * read; a PDF is published beside its report, atomically, only after the report itself is. Only when every input is done and no two inputs
 * claim the same report name (same unit twice; names equal after NFC or case folding, which Windows and macOS
 * treat as one file) are the documents published under their names, each atomically and without replacing an
 * existing file unless {@code overwrite}. On a collision no report is published, only the summary (one line per
 * collision group is reported, not each input's list of all others). The summary workbook is
 * written last, atomically, and replaced on every run. A {@code kill -9} leaves only hidden temporary files,
 * which the next run removes. The output folder is locked for the run.
 *
 * <p>Memory is flat: each input's data and document live only while a worker handles it; what is kept is one
 * {@link Row} per input.
 */
public final class Batch {
  /** The summary workbook's file name in the output folder. */
  public static final String SUMMARY = "汇总结果.xlsx";

  private static final int FIRST_ERRORS = 3;

  private Batch() {}

  /**
   * @param jobs worker threads
   * @param overwrite replace reports that already exist in the output folder
   * @param fsync force each document to disk before publishing it (slower; survives a power cut)
   * @param check options of the check (previous year, deadline)
   */
  public record Options(int jobs, boolean overwrite, boolean fsync, Validator.Options check, boolean pdf) {
    public Options(int jobs, boolean overwrite, boolean fsync, Validator.Options check) {
      this(jobs, overwrite, fsync, check, false);
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), false, false, Validator.Options.DEFAULT);
    }
  }

  /** Called from worker threads after each input; must be thread-safe and quick. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (d, t) -> {};
  }

  /** What happened to one input. */
  public enum Status {
    OK("已生成"),
    ERRORS("有错误，未生成"),
    UNREADABLE("无法读取"),
    COLLISION("与其他输入重名，未生成"),
    HELD("没有错误，但因其他输入重名，本次未写入"),
    NOT_WRITTEN("写入失败");

    private final String chinese;

    Status(String chinese) {
      this.chinese = chinese;
    }

    public String chinese() {
      return chinese;
    }
  }

  /**
   * One input's line of the summary.
   *
   * @param input the input as found under the folder the user named
   * @param firstErrors the first few errors (or, for an unreadable file, why), as the CLI prints them
   * @param totals {@link Totals} of the data read (empty when unreadable)
   * @param output the report's name in the output folder (null when none)
   */
  public record Row(
      String input, String agency, String year, Status status, int errors, int warnings,
      List<String> firstErrors, Map<String, BigDecimal> totals, String output) {}

  /**
   * The whole run.
   *
   * @param rows one per input, in input order
   * @param skipped what the walk left out
   * @param problems why the run as a whole refused (lock held, collision, bad folders), else empty
   * @param summary the summary workbook, when written
   */
  public record Outcome(List<Row> rows, List<Inputs.Skipped> skipped, List<Diagnostic> problems, Optional<Path> summary) {
    public long count(Status s) {
      return rows.stream().filter(r -> r.status() == s).count();
    }
  }

  public static Outcome run(Docmerge engine, Path inputDir, Path outputDir, Options options, Progress progress) {
    Optional<Diagnostic> refused = Folders.check(inputDir, outputDir, true);
    if (refused.isPresent()) {
      return refused(refused.get());
    }
    var tpl = engine.template();
    if (tpl.value().isEmpty()) {
      return new Outcome(List.of(), List.of(), tpl.diagnostics().stream().filter(Diagnostic::isError).toList(), Optional.empty());
    }
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      return refused(Diagnostic.error("OUT.NO_FOLDER", Location.file(outputDir.toString()),
          "无法建立输出文件夹。请确认路径正确并有写入权限" + Technical.of(e)));
    }
    Optional<FolderLock> lock;
    try {
      lock = FolderLock.acquire(outputDir, java.time.Duration.ZERO);
    } catch (IOException e) {
      return refused(Diagnostic.error("OUT.NOT_WRITABLE", Location.file(outputDir.toString()),
          "输出文件夹不可写：" + outputDir + "。请换一个有写入权限的文件夹"));
    }
    if (lock.isEmpty()) {
      return refused(Diagnostic.error("OUT.LOCKED", Location.file(outputDir.toString()),
          "另一个任务正在写入该目录（" + outputDir + "）。请等它结束，或换一个输出文件夹"));
    }
    try (FolderLock held = lock.get()) {
      return locked(engine, inputDir, outputDir, options, progress);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // releasing a lock we hold does not fail in practice
    }
  }

  private static Outcome refused(Diagnostic d) {
    return new Outcome(List.of(), List.of(), List.of(d), Optional.empty());
  }

  private static Outcome locked(Docmerge engine, Path inputDir, Path outputDir, Options options, Progress progress) {
    SafeOutput.cleanStale(outputDir);
    Inputs.Walk walk;
    try {
      walk = Inputs.walk(inputDir, Optional.of(outputDir));
    } catch (IOException e) {
      return refused(Diagnostic.error("FILE.UNREADABLE", Location.file(inputDir.toString()),
          "无法读取输入文件夹" + Technical.of(e)));
    }
    List<Path> inputs = walk.inputs();
    int n = inputs.size();
    SafeOutput.Staged[] staged = new SafeOutput.Staged[n];
    // With --pdf, each report goes to LibreOffice as soon as it is rendered, so conversion overlaps rendering.
    PdfConverter.Session session = options.pdf() ? Docmerge.pdfConverter().session(options.jobs(), n) : null;
    @SuppressWarnings("unchecked")
    Future<StagedPdf>[] pdfs = new Future[n];
    Row[] rows;
    try {
      rows = Workers.run(n, options.jobs(), "docmerge-batch", new Workers.Task<Row>() {
        @Override
        public Row run(int i) {
          return one(engine, inputs.get(i), outputDir, options, staged, i, session, pdfs);
        }

        @Override
        public Row fault(int i, Diagnostic fault) {
          return new Row(inputs.get(i).toString(), "", "", Status.UNREADABLE, 1, 0, List.of(fault.message()), Map.of(), null);
        }
      }, progress).toArray(Row[]::new);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (session != null) {
        session.close(); // cancels: no LibreOffice keeps converting for a run that is over
      }
      discardAll(staged);
      discardPdfs(pdfs);
      return refused(Diagnostic.error("BATCH.INTERRUPTED", Location.NONE, "任务被中断，没有生成任何报告"));
    }
    if (session != null) {
      session.finish();
    }
    try {
      return publish(engine, outputDir, options, walk, rows, staged, pdfs);
    } finally {
      if (session != null) {
        session.close();
      }
      discardPdfs(pdfs); // PDFs of reports not published (held back, not written): never shown
    }
  }

  /** After every input is done: the collision check, then the reports, their PDFs and the summary. */
  private static Outcome publish(Docmerge engine, Path outputDir, Options options, Inputs.Walk walk, Row[] rows,
      SafeOutput.Staged[] staged, Future<StagedPdf>[] pdfs) {
    int n = rows.length;
    List<Diagnostic> problems = collisions(rows, staged);
    if (!problems.isEmpty()) {
      for (int i = 0; i < n; i++) {
        if (staged[i] != null && rows[i].status() == Status.OK) {
          Row r = rows[i];
          rows[i] = new Row(r.input(), r.agency(), r.year(), Status.HELD, 0, r.warnings(), List.of(), r.totals(), null);
        }
      }
      discardAll(staged);
      // The summary still tells every input's state: which collided, which were held back.
      List<Diagnostic> all = new ArrayList<>(problems);
      Optional<Path> written = writeSummary(engine.kind().spec(), rows, outputDir, all);
      return new Outcome(List.of(rows), walk.skipped(), all, written);
    }
    SafeOutput.Options publish = new SafeOutput.Options(options.overwrite());
    for (int i = 0; i < n; i++) {
      if (staged[i] != null) {
        Optional<Diagnostic> failed = staged[i].commit(publish);
        staged[i] = null;
        if (failed.isPresent()) {
          Row r = rows[i];
          rows[i] = new Row(r.input(), r.agency(), r.year(), Status.NOT_WRITTEN, r.errors() + 1, r.warnings(),
              List.of(failed.get().toString()), r.totals(), null);
        }
      }
    }
    List<Diagnostic> all = new ArrayList<>();
    if (options.pdf()) {
      pdfs(rows, outputDir, publish, pdfs, all);
    }
    Optional<Path> written = writeSummary(engine.kind().spec(), rows, outputDir, all);
    return new Outcome(List.of(rows), walk.skipped(), all, written);
  }

  /** The summary workbook, published under the folder lock this run holds; a failure is added to all. */
  private static Optional<Path> writeSummary(
      org.docmerge.spec.ReportSpec spec, Row[] rows, Path outputDir, List<Diagnostic> all) {
    Path summary = outputDir.resolve(SUMMARY);
    // this run holds the folder's lock already: stage and commit directly (publish would wait for the lock)
    Optional<Diagnostic> failed;
    try {
      failed = SafeOutput.stage(summary, out -> SummaryWriter.write(table(spec, rows), out), true)
          .commit(new SafeOutput.Options(true));
    } catch (IOException e) {
      failed = Optional.of(Diagnostic.error("OUT.WRITE_FAILED", Location.file(summary.toString()),
          "写入汇总结果失败，可能是磁盘已满；没有留下不完整的文件" + Technical.of(e)));
    }
    failed.ifPresent(all::add);
    return failed.isPresent() ? Optional.empty() : Optional.of(summary);
  }

  /**
   * A report's PDF as its conversion ended: staged under a hidden temporary name beside the report (so a batch of
   * any size never holds its PDFs in memory), or why there is none.
   */
  private record StagedPdf(SafeOutput.Staged staged, List<Diagnostic> problems) {}

  /** Stages a converted PDF beside its report; called on the converter's thread as each conversion ends. */
  private static StagedPdf stagePdf(Result<byte[]> pdf, Path docx) {
    if (pdf.value().isEmpty()) {
      return new StagedPdf(null, pdf.diagnostics());
    }
    Path target = Docmerge.pdfPath(docx);
    try {
      return new StagedPdf(SafeOutput.stage(target, out -> out.write(pdf.get()), false), List.of());
    } catch (IOException e) {
      return new StagedPdf(null, List.of(Diagnostic.error("OUT.WRITE_FAILED", Location.file(target.toString()),
          "Word 报告已生成（" + docx.getFileName() + "），只有 PDF 写入失败，可能是磁盘已满；没有留下不完整的文件" + Technical.of(e))));
    }
  }

  /**
   * A PDF beside each report written, published like the reports: complete or not at all, and only once the
   * report itself is published. The conversions were started as the reports were rendered ({@link
   * PdfConverter.Session}) and each PDF staged as it came; here each is awaited and published in input order. A
   * missing LibreOffice is said once, not once per report.
   */
  private static void pdfs(Row[] rows, Path outputDir, SafeOutput.Options publish, Future<StagedPdf>[] futures,
      List<Diagnostic> problems) {
    boolean saidMissing = false;
    for (int i = 0; i < rows.length; i++) {
      Row r = rows[i];
      if (r == null || r.status() != Status.OK || r.output() == null || futures[i] == null) {
        continue;
      }
      Path docx = outputDir.resolve(r.output());
      StagedPdf pdf = PdfConverter.Session.await(futures[i], docx.getFileName().toString(),
          failed -> new StagedPdf(null, failed.diagnostics()));
      futures[i] = null;
      if (pdf.staged() == null) {
        boolean missing = pdf.problems().stream().anyMatch(d -> d.code().equals(PdfConverter.NO_LIBREOFFICE));
        if (!missing || !saidMissing) {
          problems.addAll(pdf.problems());
        }
        saidMissing |= missing;
        continue;
      }
      pdf.staged().commit(publish).map(f -> Diagnostic.error(f.code(), f.location(),
          "Word 报告已生成（" + docx.getFileName() + "），只有 PDF 没有写成：" + f.message())).ifPresent(problems::add);
    }
  }

  /** Removes the staged PDFs not published; waits only for conversions already ended or cancelled. */
  private static void discardPdfs(Future<StagedPdf>[] futures) {
    for (int i = 0; i < futures.length; i++) {
      Future<StagedPdf> f = futures[i];
      if (f == null) {
        continue;
      }
      futures[i] = null;
      if (f.isDone() && !f.isCancelled()) {
        try {
          StagedPdf p = f.get();
          if (p.staged() != null) {
            p.staged().discard();
          }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
          // nothing was staged
        }
      }
    }
  }

  /**
   * One input: the facade's merge in memory ({@link Docmerge#merge(Path, Validator.Options, boolean)}), the
   * document staged under a hidden name in the output folder and, with --pdf, handed to the conversion session.
   * The counts and first errors are the workbook's own; the template's warnings are the run's, not each input's.
   */
  private static Row one(Docmerge engine, Path input, Path outputDir, Options options, SafeOutput.Staged[] staged, int i,
      PdfConverter.Session session, Future<StagedPdf>[] pdfs) {
    Docmerge.Rendered merged = engine.merge(input, options.check(), false);
    List<Diagnostic> template = engine.template().diagnostics();
    List<Diagnostic> diags = merged.diagnostics().stream().filter(d -> !template.contains(d)).toList();
    int errors = (int) diags.stream().filter(Diagnostic::isError).count();
    int warnings = (int) diags.stream().filter(d -> d.severity() == Severity.WARNING).count();
    List<String> first = diags.stream().filter(Diagnostic::isError).limit(FIRST_ERRORS).map(Diagnostic::toString).toList();
    if (merged.data().isEmpty()) {
      return new Row(input.toString(), "", "", Status.UNREADABLE, Math.max(errors, 1), warnings, first, Map.of(), null);
    }
    ReportData data = merged.data().get();
    String agency = data.field("agency");
    String year = data.year().map(String::valueOf).orElse(data.field("year"));
    Map<String, BigDecimal> totals = Totals.of(engine.kind().spec(), data);
    if (errors > 0 || merged.document().isEmpty()) {
      return new Row(input.toString(), agency, year, Status.ERRORS, errors, warnings, first, totals, null);
    }
    String name = OutputNames.report(agency, year, engine.kind().spec().titleWords());
    Path target = OutputNames.inside(outputDir, name);
    byte[] document = merged.document().get();
    try {
      staged[i] = SafeOutput.stage(target, out -> out.write(document), options.fsync());
    } catch (IOException e) {
      return new Row(input.toString(), agency, year, Status.NOT_WRITTEN, 1, warnings,
          List.of(target + ": 错误 OUT.WRITE_FAILED: 写入输出文件失败，可能是磁盘已满；没有留下不完整的文件" + Technical.of(e)),
          totals, null);
    }
    if (session != null) {
      pdfs[i] = session.submit(new PdfConverter.Document(document, target.getFileName().toString()))
          .thenApply(pdf -> stagePdf(pdf, target));
    }
    return new Row(input.toString(), agency, year, Status.OK, 0, warnings, List.of(), totals, name);
  }

  /** How many inputs of a collision group its line names. */
  static final int SHOWN_PER_GROUP = 5;

  /** Inputs whose reports would share a name; each affected row is marked. */
  private static List<Diagnostic> collisions(Row[] rows, SafeOutput.Staged[] staged) {
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i++) {
      if (staged[i] != null) {
        byKey.computeIfAbsent(OutputNames.collisionKey(rows[i].output()), k -> new ArrayList<>()).add(i);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (List<Integer> same : byKey.values()) {
      if (same.size() < 2) {
        continue;
      }
      // One line per group, naming a few of its inputs: 200 colliding inputs listing each other made 2 MB.
      List<String> files = same.stream().map(i -> rows[i].input()).toList();
      String name = rows[same.get(0)].output();
      String shown = String.join("、", files.subList(0, Math.min(SHOWN_PER_GROUP, files.size())))
          + (files.size() > SHOWN_PER_GROUP ? " 等（完整名单见汇总结果）" : "");
      out.add(Diagnostic.error("BATCH.SAME_OUTPUT", Location.file(name),
          files.size() + " 个输入会生成同名的报告「" + name + "」：" + shown
              + "。可能是同一单位的工作簿放了两份，或机关名称填错了。请删去多余的一份或改正机关名称后重新运行；为避免覆盖，本次没有生成任何报告"));
      for (int i : same) {
        Row r = rows[i];
        rows[i] = new Row(r.input(), r.agency(), r.year(), Status.COLLISION, r.errors() + 1, r.warnings(),
            List.of("与另外 " + (files.size() - 1) + " 个输入生成同名报告「" + name + "」"), r.totals(), null);
      }
    }
    return out;
  }

  private static void discardAll(SafeOutput.Staged[] staged) {
    for (int i = 0; i < staged.length; i++) {
      if (staged[i] != null) {
        staged[i].discard();
        staged[i] = null;
      }
    }
  }

  /** The summary workbook's rows. */
  static SheetTable table(org.docmerge.spec.ReportSpec spec, Row[] rows) {
    List<String> headers = new ArrayList<>(List.of("序号", "输入文件", "机关名称", "年度", "状态", "错误数", "警告数"));
    headers.addAll(Totals.labels(spec));
    headers.add("输出文件");
    headers.add("主要错误");
    List<List<Object>> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      Row r = rows[i];
      List<Object> line = new ArrayList<>(List.of(i + 1, r.input(), r.agency(), r.year(), r.status().chinese(), r.errors(), r.warnings()));
      for (String l : Totals.labels(spec)) {
        line.add(r.totals().get(l));
      }
      line.add(r.output());
      line.add(String.join("\n", r.firstErrors()));
      out.add(line);
    }
    return new SheetTable("汇总结果", headers, out);
  }

  /** Shared folder checks of batch and aggregate. */
  static final class Folders {
    private Folders() {}

    /**
     * The input folder must be a folder; the output folder must not be it, nor a symbolic link. An output
     * folder inside the input folder is allowed for a batch (it is skipped while walking).
     */
    static Optional<Diagnostic> check(Path in, Path out, boolean outIsFolder) {
      if (!Files.isDirectory(in)) {
        return Optional.of(Diagnostic.error("FILE.NOT_FOLDER", Location.file(in.toString()),
            Files.exists(in) ? "输入应是一个文件夹（其中放各单位的工作簿），而这是一个文件" : "找不到输入文件夹：" + in));
      }
      Path inAbs = real(in);
      Path outAbs = real(out);
      if (outIsFolder && inAbs.equals(outAbs)) {
        return Optional.of(Diagnostic.error("OUT.SAME_AS_INPUT", Location.file(out.toString()),
            "输出文件夹与输入文件夹相同。请另建一个文件夹存放报告，如 -o 输出/"));
      }
      if (Files.isSymbolicLink(out)) {
        return Optional.of(Diagnostic.error("OUT.SYMLINK", Location.file(out.toString()),
            "输出路径是一个符号链接（快捷方式）。为防止写到别处，请直接给出真实的文件夹"));
      }
      if (outIsFolder && Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
        return Optional.of(Diagnostic.error("OUT.NOT_FOLDER", Location.file(out.toString()),
            "输出路径是一个文件，应是文件夹。请给出存放报告的文件夹，如 -o 输出/"));
      }
      return Optional.empty();
    }

    /** The real path when it exists, else the real path of its nearest existing ancestor plus the rest. */
    static Path real(Path p) {
      Path abs = p.toAbsolutePath().normalize();
      Path existing = abs;
      List<String> rest = new ArrayList<>();
      while (existing != null && !Files.exists(existing)) {
        rest.add(0, existing.getFileName().toString());
        existing = existing.getParent();
      }
      if (existing == null) {
        return abs;
      }
      try {
        Path r = existing.toRealPath();
        for (String s : rest) {
          r = r.resolve(s);
        }
        return r;
      } catch (IOException e) {
        return abs;
      }
    }
  }

  /** Helper for callers that want counts by status. */
  public static Map<Status, Long> counts(Outcome o) {
    Map<Status, Long> m = new HashMap<>();
    for (Status s : Status.values()) {
      m.put(s, o.count(s));
    }
    return m;
  }
}
