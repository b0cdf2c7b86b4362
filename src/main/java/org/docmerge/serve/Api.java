package org.docmerge.serve;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.output.SafeNames;
import org.docmerge.spec.SpecReader;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.validate.Validator;

/**
 * What each API call does, apart from HTTP: uploads in, a {@link Reply} out. The engines (one per shipped kind,
 * each compiling its template once) are shared by every request; the document work runs on the worker pool.
 * Thread-safe.
 */
final class Api {
  /** An uploaded file: its bytes and the client's file name, cleaned, used only as a label in messages. */
  record Upload(String name, byte[] bytes) {}

  /** A request's uploads and text fields (query parameters and form fields). */
  record Form(Map<String, Upload> files, Map<String, String> fields) {
    Optional<Upload> file(String name) {
      return Optional.ofNullable(files.get(name));
    }

    Optional<String> field(String name) {
      String v = fields.get(name);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
  }

  /**
   * A response: status, type, body, and for a download its file name.
   *
   * @param fileName the download's name (Chinese allowed), or null for a response shown on the page
   */
  record Reply(int status, String type, byte[] body, String fileName) {
    static Reply json(int status, Object value) {
      return new Reply(status, "application/json; charset=utf-8", Views.json(value), null);
    }

    static Reply error(int status, String code, String message) {
      return new Reply(status, "application/json; charset=utf-8", Views.error(status, code, message), null);
    }

    static Reply download(byte[] body, String type, String fileName) {
      return new Reply(200, type, body, fileName);
    }
  }

  /** A request refused before (or instead of) the document work, with the reply that says why. */
  static class Refused extends Exception {
    final transient Reply reply;

    Refused(int status, String code, String message) {
      this(Reply.error(status, code, message));
    }

    Refused(Reply reply) {
      super(null, null, false, false);
      this.reply = reply;
    }
  }

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PDF = "application/pdf";

  private final ExecutorService workers;
  private final long maxUploadBytes;
  private final Map<String, Docmerge> engines = new ConcurrentHashMap<>();

  Api(ExecutorService workers, long maxUploadBytes) {
    this.workers = workers;
    this.maxUploadBytes = maxUploadBytes;
    // Compile the default kind's template now, so the first staff member does not wait for it.
    workers.submit(() -> engine(SpecReader.DEFAULT_KIND).template());
  }

  /** The upload limit: the workbook reader's file-size limit (20 MB unless DOCMERGE_MAX_FILE_MB says otherwise). */
  static long maxUploadBytes() {
    return Docmerge.maxInputBytes();
  }

  long uploadLimit() {
    return maxUploadBytes;
  }

  String tooLargeMessage() {
    return "上传的文件超过了 " + (maxUploadBytes >> 20) + " MB 的上限，没有处理。年度报告的工作簿通常不到 100 KB："
        + "请确认选对了文件；如果工作簿里有图片或多余的工作表，删除后另存再上传。";
  }

  private Docmerge engine(String kind) {
    return engines.computeIfAbsent(kind, k -> Docmerge.open(k).value()
        .orElseThrow(() -> new IllegalStateException("shipped kind does not open: " + k)));
  }

  /** The kind the client named (only a shipped one: never a folder), or the one the file's labels say. */
  private Docmerge engineFor(Form form, Optional<Upload> input) throws Refused {
    Optional<String> asked = form.field("kind");
    if (asked.isPresent()) {
      if (!SpecReader.SHIPPED.contains(asked.get())) {
        throw new Refused(400, "REQUEST.KIND", "没有这种报告类型。可用的类型：" + String.join("、", SpecReader.SHIPPED));
      }
      return engine(asked.get());
    }
    return engine(input.flatMap(u -> Docmerge.detectKind(u.bytes(), u.name())).orElse(SpecReader.DEFAULT_KIND));
  }

  /** Diagnostics that say a workbook was read as the wrong kind: its sheets or labels are another format's. */
  private static final java.util.Set<String> OTHER_KIND = java.util.Set.of("WB.LABEL_MISSING", "WB.SHEET_MISSING");

  /**
   * Runs {@code call} with the engine of the upload's kind. A workbook is first read as the default kind (one parse
   * for nearly every upload) and only when its labels say otherwise is the kind detected and the call repeated;
   * a published report's kind is detected first, as on the command line.
   */
  private <T> T withKind(Form form, Upload file, java.util.function.Function<Docmerge, T> call,
      java.util.function.Function<T, List<Diagnostic>> found) throws Refused {
    if (form.field("kind").isPresent()) {
      return call.apply(engineFor(form, Optional.empty()));
    }
    String n = file.name().toLowerCase(java.util.Locale.ROOT);
    if (!(n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".xlsm"))) {
      return call.apply(engineFor(form, Optional.of(file)));
    }
    T first = call.apply(engine(SpecReader.DEFAULT_KIND));
    if (found.apply(first).stream().noneMatch(d -> OTHER_KIND.contains(d.code()))) {
      return first;
    }
    String kind = Docmerge.detectKind(file.bytes(), file.name()).orElse(SpecReader.DEFAULT_KIND);
    return kind.equals(SpecReader.DEFAULT_KIND) ? first : call.apply(engine(kind));
  }

  private record CheckedBy(Docmerge engine, Docmerge.Checked checked) {}

  private record MergedBy(Docmerge engine, Docmerge.Rendered rendered) {}

  private static Upload required(Form form, String name, String what) throws Refused {
    Optional<Upload> u = form.file(name);
    if (u.isEmpty()) {
      throw new Refused(400, "REQUEST.NO_FILE", "没有收到" + what + "。请选择文件后再试（表单字段 " + name + "）。");
    }
    return u.get();
  }

  /** --previous and --deadline of the CLI: the form's {@code previous} file and {@code deadline} field. */
  private static Validator.Options checkOptions(Form form) throws Refused {
    Optional<LocalDate> deadline = Optional.empty();
    if (form.field("deadline").isPresent()) {
      try {
        deadline = Optional.of(LocalDate.parse(form.field("deadline").get()));
      } catch (DateTimeParseException e) {
        throw new Refused(400, "REQUEST.DEADLINE", "发布期限应写成 2022-01-31 的形式。");
      }
    }
    Optional<ReportData> previous = Optional.empty();
    if (form.file("previous").isPresent()) {
      Upload p = form.file("previous").get();
      Result<ReportData> read = Docmerge.readPrevious(p.bytes(), p.name());
      if (read.value().isEmpty()) {
        throw new PreviousUnreadable(p.name(), read.diagnostics());
      }
      previous = read.value();
    }
    return new Validator.Options(previous, deadline);
  }

  /** Last year's file could not be read: 422 with its findings, as the CLI prints them. */
  private static final class PreviousUnreadable extends Refused {
    PreviousUnreadable(String name, List<Diagnostic> found) {
      super(Reply.json(422, unreadable(name, found, "无法读取上年报告「" + name + "」，没有进行检查。"
          + "请选择上年的工作簿或已发布的报告（.docx/.doc/.html/.pdf/.txt）。")));
    }
  }

  private static Map<String, Object> unreadable(String name, List<Diagnostic> found, String message) {
    List<Diagnostic> sorted = new ArrayList<>(found);
    sorted.sort(Diagnostic.ORDER);
    Map<String, Object> root = org.docmerge.diag.CheckJson.check(name, SpecReader.DEFAULT_KIND, sorted, sorted);
    root.put("message", message);
    return root;
  }

  /** Runs document work on the worker pool; the request thread waits for it. */
  Reply work(Callable<Reply> job) throws Refused, InterruptedException {
    Future<Reply> f;
    try {
      f = workers.submit(job);
    } catch (RejectedExecutionException e) {
      throw new Refused(503, "SERVER.BUSY", "服务器正忙（同时处理的文件太多），请稍等几秒再试。");
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refused r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  // --- the calls ---

  Reply about() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", version());
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (String k : SpecReader.SHIPPED) {
      var spec = engine(k).kind().spec();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", k);
      m.put("name", spec.name());
      m.put("from", spec.years().from());
      m.put("to", spec.years().to());
      kinds.add(m);
    }
    root.put("kinds", kinds);
    root.put("defaultKind", SpecReader.DEFAULT_KIND);
    root.put("pdf", Docmerge.pdfAvailable());
    root.put("maxUploadBytes", maxUploadBytes);
    return Reply.json(200, root);
  }

  Reply check(Form form) throws Refused {
    Upload file = required(form, "file", "要检查的文件");
    Validator.Options options = checkOptions(form);
    CheckedBy c = withKind(form, file, e -> new CheckedBy(e, e.check(file.bytes(), file.name(), options)),
        x -> x.checked().diagnostics());
    Docmerge.Checked checked = c.checked();
    return Reply.json(200, Views.check(file.name(), c.engine().kind().spec(), checked.data(), checked.diagnostics()));
  }

  Reply merge(Form form) throws Refused {
    String format = form.field("format").orElse("docx");
    if (!List.of("docx", "pdf", "draft").contains(format)) {
      throw new Refused(400, "REQUEST.FORMAT", "format 只能是 docx、pdf 或 draft。");
    }
    Upload file = required(form, "file", "填好的工作簿");
    Validator.Options options = checkOptions(form);
    boolean draft = format.equals("draft");
    MergedBy m = withKind(form, file, e -> new MergedBy(e, e.merge(file.bytes(), file.name(), options, draft)),
        x -> x.rendered().diagnostics());
    Docmerge engine = m.engine();
    Docmerge.Rendered r = m.rendered();
    if (r.document().isEmpty()) {
      Map<String, Object> root = Views.check(file.name(), engine.kind().spec(), r.data(), r.diagnostics());
      root.put("message", "没有生成报告：请改正以上错误后再试（或下载草稿供内部核对）。");
      return Reply.json(422, root);
    }
    if (!format.equals("pdf")) {
      return Reply.download(r.document().get(), DOCX, r.documentName(draft, ".docx"));
    }
    Result<byte[]> pdf = Docmerge.pdf(r.document().get(), r.documentName(false, ".docx"));
    if (pdf.value().isEmpty()) {
      Map<String, Object> root = Views.check(file.name(), engine.kind().spec(), r.data(), pdf.diagnostics());
      root.put("message", "没有生成 PDF：" + pdf.diagnostics().stream().map(Diagnostic::message).findFirst().orElse("")
          + " 可以先下载 Word 文档。");
      return Reply.json(503, root);
    }
    return Reply.download(pdf.get(), PDF, r.documentName(false, ".pdf"));
  }

  /** A blank workbook for a kind and year, or carried forward from last year's report ({@code from}). */
  Reply init(Form form) throws Refused {
    Optional<Integer> year = Optional.empty();
    if (form.field("year").isPresent()) {
      String y = form.field("year").get();
      if (!y.matches("\\d{4}") || Integer.parseInt(y) < 2008 || Integer.parseInt(y) > 2100) {
        throw new Refused(400, "REQUEST.YEAR", "报告年度应是四位数字的年份，如 2022。");
      }
      year = Optional.of(Integer.parseInt(y));
    }
    Optional<Upload> from = form.file("from");
    Optional<ReportData> prefill = Optional.empty();
    Docmerge engine;
    if (from.isPresent()) {
      Result<ReportData> previous = Docmerge.readPrevious(from.get().bytes(), from.get().name());
      if (previous.value().isEmpty()) {
        return Reply.json(422, unreadable(from.get().name(), previous.diagnostics(),
            "无法读取上年报告「" + from.get().name() + "」，没有生成工作簿。"));
      }
      engine = form.field("kind").isPresent() ? engineFor(form, Optional.empty())
          : engine(previous.get().year().flatMap(y -> Docmerge.kindForYear(y + 1)).orElse(SpecReader.DEFAULT_KIND));
      prefill = Optional.of(engine.carryForward(previous.get()));
    } else {
      engine = form.field("kind").isPresent() ? engineFor(form, Optional.empty())
          : engine(year.flatMap(Docmerge::kindForYear).orElse(SpecReader.DEFAULT_KIND));
      if (year.isPresent()) {
        prefill = Optional.of(new ReportData.Builder(engine.kind().spec().kind(), "")
            .field("year", String.valueOf(year.get()), Location.NONE).build());
      }
    }
    String y = prefill.map(d -> d.field("year").strip()).filter(v -> !v.isEmpty()).map(v -> v + "年度").orElse("");
    return Reply.download(engine.workbook(prefill), XLSX, SafeNames.segment(y + "政府信息公开年报数据", ".xlsx"));
  }

  Reply inspect(Form form) throws Refused {
    Upload file = required(form, "file", "要检查的 Word 模板");
    Docmerge engine = engineFor(form, Optional.empty());
    Result<PreparedTemplate> t = engine.inspect(file.bytes(), file.name());
    List<Diagnostic> all = new ArrayList<>(t.diagnostics());
    all.sort(Diagnostic.ORDER);
    return Reply.json(200, Views.inspect(file.name(), engine.kind().spec(), t.value(), all));
  }

  /** A published report read back into a workbook. */
  Reply extract(Form form) throws Refused {
    Upload file = required(form, "file", "已发布的报告");
    Docmerge engine = engineFor(form, Optional.of(file));
    Result<ReportData> read = engine.readAny(file.bytes(), file.name());
    if (read.value().isEmpty()) {
      List<Diagnostic> all = new ArrayList<>(read.diagnostics());
      all.sort(Diagnostic.ORDER);
      Map<String, Object> root = Views.check(file.name(), engine.kind().spec(), Optional.empty(), all);
      root.put("message", "无法读出这份报告，没有生成工作簿。");
      return Reply.json(422, root);
    }
    String stem = file.name().replaceFirst("\\.[^.]*$", "");
    return Reply.download(engine.workbook(read.value()), XLSX,
        SafeNames.segment(stem + "数据", ".xlsx"));
  }

  static String version() {
    String v = Api.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
