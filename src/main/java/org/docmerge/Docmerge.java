package org.docmerge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.extract.CarryForward;
import org.docmerge.extract.Extractor;
import org.docmerge.extract.ReportFormat;
import org.docmerge.report.Reports;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.output.SafeOutput;
import org.docmerge.render.PdfConverter;
import org.docmerge.render.TagValues;
import org.docmerge.spec.ReportKind;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.template.TemplateCodes;
import org.docmerge.template.TemplateCache;
import org.docmerge.template.TemplateCompiler;
import org.docmerge.validate.Validator;
import org.docmerge.zip.Sniff;
import org.docmerge.workbook.WorkbookReader;
import org.docmerge.workbook.WorkbookWriter;

/**
 * The front door: init, check and merge for one report kind. An instance compiles its template once, on first
 * use, and then serves any number of merges, so a batch pays for the template once. Thread-safe.
 */
public final class Docmerge {
  private final ReportKind kind;
  private final Validator validator;
  private final Optional<Path> customTemplate;
  private volatile Result<PreparedTemplate> template;

  private Docmerge(ReportKind kind, Optional<Path> customTemplate) {
    this.kind = kind;
    this.validator = new Validator(kind.spec());
    this.customTemplate = customTemplate;
  }

  /** The engine for a report kind (an id such as {@code gov-info-annual-2021}, or a folder). */
  public static Result<Docmerge> open(String kindOrFolder) {
    return open(kindOrFolder, Optional.empty());
  }

  /** As {@link #open(String)}, with the office's own template instead of the kind's. */
  public static Result<Docmerge> open(String kindOrFolder, Optional<Path> template) {
    Result<ReportKind> k = SpecReader.load(kindOrFolder);
    if (k.value().isEmpty()) {
      return Result.failed(k.diagnostics());
    }
    return Result.of(new Docmerge(k.get(), template), k.diagnostics());
  }

  public ReportKind kind() {
    return kind;
  }

  /** What a check found: the data when it could be read, and every diagnostic, sorted. */
  public record Checked(String file, Optional<ReportData> data, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
      return Diagnostics.anyErrors(diagnostics);
    }

    /**
     * Whether what was read holds not one number of the kind's tables (a published report whose tables are
     * pictures, or cut off before them): then finding no error says nothing about the tables, and the verdict
     * must not read 「检查通过」.
     */
    public boolean noNumbersRead(org.docmerge.spec.ReportSpec spec) {
      return numbersRead(spec, data) == 0 && !spec.cells().isEmpty();
    }
  }

  /** How many of the kind's table numbers {@code data} holds (0 when nothing was read). */
  public static long numbersRead(org.docmerge.spec.ReportSpec spec, Optional<ReportData> data) {
    return data.map(d -> spec.cells().keySet().stream().filter(d.values()::containsKey).count()).orElse(0L);
  }

  /**
   * Reads a workbook or a published report (.docx, web page, plain text) and applies every rule. For a published
   * report, also says which rules could not run for lack of data ({@code CHECK.NOT_RUN}). Never writes anything.
   */
  public Checked check(Path input, Validator.Options options) {
    return checked(input.toString(), readAny(input), !isWorkbook(input), options);
  }

  /**
   * What was read, checked: every rule; for a published report, the severity policy of docs/extract.md (what could
   * not be read is no fault of the publisher) and the rules that could not run.
   */
  private Checked checked(String name, Result<ReportData> read, boolean published, Validator.Options options) {
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    boolean formatUnknown = all.stream().anyMatch(d -> d.code().equals("EXTRACT.FORMAT_UNKNOWN"));
    // A published text that lacks parts (an excerpt, a page cut short) cannot say whether a section is empty.
    boolean partial = all.stream().anyMatch(d -> d.code().equals("EXTRACT.SECTION_MISSING")
        || d.code().equals("EXTRACT.TABLE_MISSING") || d.code().equals("EXTRACT.TABLE_INCOMPLETE"));
    read.value().ifPresent(data -> {
      for (Diagnostic d : validator.validate(data, options)) {
        if (published && partial && (d.code().equals("R16") || d.code().equals("R17"))) {
          continue; // said in CHECK.NOT_RUN below
        }
        if (published && d.code().equals("FIELD.MISSING")) {
          // A fact the report does not show (or not where it was looked for): what could not be checked.
          all.add(Diagnostic.warning("FIELD.MISSING", d.location(), d.message().replaceFirst("未填写。.*$",
              "没有从报告中读到，与它有关的检查没有运行。生成的工作簿中请补填")));
        } else if (formatUnknown && d.code().equals("R18")) {
          continue; // which format the report uses cannot be told from what is visible
        } else {
          all.add(d);
        }
      }
      if (published) {
        Optional<Diagnostic> notRun = validator.notRun(data, options);
        if (partial) {
          String more = "R16、R17（报告不完整，无法判断各部分是否齐全、有无内容）";
          notRun = Optional.of(notRun.map(n -> Diagnostic.info(n.code(), n.location(), n.message() + "；" + more))
              .orElse(Diagnostic.info("CHECK.NOT_RUN", Location.file(name), "以下规则因缺少数据没有运行：" + more)));
        }
        notRun.ifPresent(all::add);
      }
    });
    all.sort(Diagnostic.ORDER);
    return new Checked(name, read.value(), all);
  }

  /** As {@link #check(Path, Validator.Options)} for a file in memory (an upload); {@code name} is only a label. */
  public Checked check(byte[] bytes, String name, Validator.Options options) {
    return checked(name, readAny(bytes, name), !workbookName(name) && Reports.sniff(bytes, name) != Reports.Form.WORKBOOK,
        options);
  }

  /**
   * Reads any input as this kind: a workbook with the workbook reader, anything else as a published report
   * (sniffed by content, not by extension).
   */
  public Result<ReportData> readAny(Path input) {
    String name = input.toString();
    if (workbookName(input)) {
      return WorkbookReader.read(input, name, kind.spec()); // its own checks say what else the file is
    }
    byte[] bytes;
    try {
      if (Files.size(input) > Sniff.MAX_INPUT_BYTES) {
        return Result.failed(tooLarge(name));
      }
      bytes = Files.readAllBytes(input);
    } catch (java.io.IOException e) {
      return Result.failed(Diagnostic.error("FILE.UNREADABLE", Location.file(name), "无法读取文件" + org.docmerge.diag.Technical.of(e)));
    }
    return readSniffed(bytes, name);
  }

  /**
   * As {@link #readAny(Path)} for a file already in memory (an upload): {@code name} is only a label for messages
   * and, when it ends in .xlsx/.xls, says the bytes are meant as a workbook. Nothing is read from or written to disk.
   */
  public Result<ReportData> readAny(byte[] bytes, String name) {
    if (workbookName(name)) {
      return WorkbookReader.read(bytes, name, kind.spec(), WorkbookReader.Limits.configured());
    }
    if (bytes.length > Sniff.MAX_INPUT_BYTES) {
      return Result.failed(tooLarge(name));
    }
    return readSniffed(bytes, name);
  }

  private static Diagnostic tooLarge(String name) {
    return Diagnostic.error("EXTRACT.TOO_LARGE", Location.file(name),
        "文件超过 " + Sniff.megabytes(Sniff.MAX_INPUT_BYTES) + " MB，不像一份年度报告。请确认选对了文件");
  }

  private Result<ReportData> readSniffed(byte[] bytes, String name) {
    if (Reports.sniff(bytes, name) == Reports.Form.WORKBOOK) {
      return WorkbookReader.read(bytes, name, kind.spec());
    }

    Result<PublishedReport> report = Reports.read(bytes, name);
    if (report.value().isEmpty()) {
      return Result.failed(report.diagnostics());
    }
    Result<ReportData> data = Extractor.extract(report.get(), kind.spec());
    List<Diagnostic> all = new ArrayList<>(report.diagnostics());
    List<org.docmerge.spec.ReportSpec> shipped = SpecReader.SHIPPED.stream().map(k -> SpecReader.load(k).value())
        .flatMap(Optional::stream).map(ReportKind::spec).toList();
    if (shipped.size() > 1 && shipped.stream().anyMatch(sp -> sp.kind().equals(kind.spec().kind()))
        && ReportFormat.tell(report.get(), shipped).isEmpty()) {
      all.add(Diagnostic.info("EXTRACT.FORMAT_UNKNOWN", Location.file(name), "报告中能看到的表格部分在"
          + String.join("和", shipped.stream().map(org.docmerge.spec.ReportSpec::name).toList())
          + "中相同，无法判断报告用的是哪一种格式；按「" + kind.spec().name() + "」读取，没有检查格式与年度是否相符（R18）"));
    }
    all.addAll(data.diagnostics());
    return Result.of(data.value().orElse(null), all);
  }

  private static boolean workbookName(Path input) {
    return workbookName(input.getFileName() == null ? "" : input.getFileName().toString());
  }

  private static boolean workbookName(String name) {
    String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".xlsm");
  }

  /** Whether the input is a workbook: named .xlsx/.xls, or with a workbook's content. */
  public static boolean isWorkbook(Path input) {
    if (workbookName(input)) {
      return true;
    }
    try (var in = Files.newInputStream(input)) {
      byte[] head = in.readNBytes(8);
      if (Sniff.ole2(head) && Files.size(input) > Sniff.MAX_INPUT_BYTES) {
        return true; // the workbook reader says why it is not read
      }
      return (Sniff.zip(head) || Sniff.ole2(head)) && Files.size(input) <= Sniff.MAX_INPUT_BYTES
          && Reports.sniff(Files.readAllBytes(input), input.toString()) == Reports.Form.WORKBOOK; // a .doc is a report
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * The shipped kind an input is written in, told from its table labels: for a workbook, the kind whose labels
   * it has (fewest labels missing); for a published report, the kind whose table labels it uses most. Empty
   * when the file cannot be read (the caller's read then says why).
   */
  public static Optional<String> detectKind(Path input) {
    byte[] bytes;
    try {
      if (Files.size(input) > Sniff.MAX_INPUT_BYTES) {
        return Optional.empty();
      }
      bytes = Files.readAllBytes(input);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
    return detectKind(bytes, input.toString());
  }

  /** As {@link #detectKind(Path)} for a file in memory; {@code name} is only a label (its extension counts). */
  public static Optional<String> detectKind(byte[] bytes, String name) {
    List<ReportKind> kinds = SpecReader.SHIPPED.stream().map(k -> SpecReader.load(k).value())
        .flatMap(Optional::stream).toList();
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    if (bytes.length > Sniff.MAX_INPUT_BYTES) {
      return Optional.empty();
    }
    if (workbookName(name) || Reports.sniff(bytes, name) == Reports.Form.WORKBOOK) {
      String best = null;
      long fewest = Long.MAX_VALUE;
      for (ReportKind k : kinds) {
        Result<ReportData> r = WorkbookReader.read(bytes, name, k.spec());
        if (r.value().isEmpty()) {
          return Optional.empty();
        }
        long missing = r.diagnostics().stream().filter(d -> d.code().equals("WB.LABEL_MISSING")).count();
        if (missing == 0) {
          return Optional.of(k.spec().kind()); // every label found: no other kind can do better, skip their reads
        }
        if (missing < fewest) {
          best = k.spec().kind();
          fewest = missing;
        }
      }
      return Optional.ofNullable(best);
    }
    Result<PublishedReport> report = Reports.read(bytes, name);
    return report.value().map(r -> ReportFormat.detect(r, kinds.stream().map(ReportKind::spec).toList()).kind());
  }

  /** What an extract did: the data read, the workbook written (if any), every diagnostic. */
  public record Extracted(String file, Optional<ReportData> data, Optional<Path> workbook, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
      return Diagnostics.anyErrors(diagnostics);
    }
  }

  /**
   * Reads a published report and writes its data as this kind's input workbook. The workbook is written even when
   * the report is incomplete: what is missing stays blank (never 0), and the diagnostics name it.
   */
  public Extracted extract(Path report, Path workbook, boolean overwrite) {
    String name = report.toString();
    SafeOutput.Options opts = new SafeOutput.Options(overwrite);
    Optional<Diagnostic> refused = SafeOutput.preflight(workbook, opts, report);
    if (refused.isPresent()) {
      return new Extracted(name, Optional.empty(), Optional.empty(), List.of(refused.get()));
    }
    Result<ReportData> read = readAny(report);
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    if (read.value().isEmpty()) {
      all.sort(Diagnostic.ORDER);
      return new Extracted(name, Optional.empty(), Optional.empty(), all);
    }
    for (ReportSpec.Section s : kind.spec().sections()) {
      List<String> ps = read.get().paragraphs(s.id());
      for (int i = 0; i < ps.size(); i++) {
        if (ps.get(i).length() > WorkbookWriter.MAX_CELL_CHARS) {
          int rows = WorkbookWriter.cellPieces(List.of(ps.get(i))).size();
          all.add(Diagnostic.warning("EXTRACT.PARAGRAPH_SPLIT", Location.detail(name, "「" + s.label() + "」第" + (i + 1) + "段"),
              "这一段有 " + ps.get(i).length() + " 个字，超过 Excel 单元格的上限 " + WorkbookWriter.MAX_CELL_CHARS
                  + " 个字，已在工作簿中按句号分成 " + rows + " 行（合并报告时成为 " + rows + " 段）。请核对分段是否合适"));
        }
      }
    }
    Optional<Diagnostic> failed = SafeOutput.publish(workbook, WorkbookWriter.writeAsPrinted(kind.spec(), read.get()), opts);
    failed.ifPresent(all::add);
    all.sort(Diagnostic.ORDER);
    return new Extracted(name, read.value(), failed.isPresent() ? Optional.empty() : Optional.of(workbook), all);
  }

  /** Next year's starting data from last year's report of any kind: see {@link CarryForward}. */
  public ReportData carryForward(ReportData previous) {
    return CarryForward.from(previous, kind.spec());
  }

  /** What a merge did: the .docx and the PDF written (if any) and every diagnostic, sorted. */
  public record Merged(String file, Optional<Path> document, Optional<Path> pdf, List<Diagnostic> diagnostics) {
    Merged(String file, List<Diagnostic> diagnostics) {
      this(file, Optional.empty(), Optional.empty(), diagnostics);
    }

    public boolean hasErrors() {
      return Diagnostics.anyErrors(diagnostics);
    }
  }

  /**
   * Options of a merge.
   *
   * @param overwrite replace existing outputs
   * @param check what the checks may take (last year's report, a deadline)
   * @param docx write the .docx at the output path (报告.docx for an output named 报告.pdf)
   * @param pdf write a PDF (through LibreOffice) beside it, same name with .pdf
   * @param draft render even with errors, marked 「草稿」 on every page, with the problems appended
   */
  public record MergeOptions(boolean overwrite, Validator.Options check, boolean docx, boolean pdf, boolean draft) {
    public static final MergeOptions DEFAULT = new MergeOptions(false, Validator.Options.DEFAULT, true, false, false);

    public MergeOptions(boolean overwrite, Validator.Options check) {
      this(overwrite, check, true, false, false);
    }
  }

  /**
   * Reads, checks and, when no error stands, fills the template and publishes the document. The input is
   * only read; the output appears complete or not at all.
   */
  public Merged merge(Path workbook, Path output, MergeOptions options) {
    String name = workbook.toString();
    SafeOutput.Options publish = new SafeOutput.Options(options.overwrite());
    Path pdfPath = pdfPath(output);
    output = docxPath(output);
    List<Diagnostic> all = new ArrayList<>();
    if (options.docx()) {
      SafeOutput.preflight(output, publish, workbook).ifPresent(all::add);
    }
    if (options.pdf()) {
      SafeOutput.preflight(pdfPath, publish, workbook).ifPresent(all::add);
    }
    if (!all.isEmpty()) {
      return new Merged(name, all);
    }
    Rendered rendered = merge(workbook, options.check(), options.draft());
    all.addAll(rendered.diagnostics());
    if (rendered.document().isEmpty()) {
      return new Merged(name, all);
    }
    byte[] document = rendered.document().get();
    Optional<Path> written = Optional.empty();
    Optional<Path> pdfWritten = Optional.empty();
    if (options.docx()) {
      Optional<Diagnostic> failed = SafeOutput.publish(output, document, publish);
      failed.ifPresent(all::add);
      written = failed.isPresent() ? Optional.empty() : Optional.of(output);
    }
    if (options.pdf() && all.stream().noneMatch(d -> d.code().startsWith("OUT."))) {
      Result<byte[]> pdf = pdfConverter().convert(document, output.getFileName().toString());
      all.addAll(pdf.diagnostics());
      if (pdf.value().isPresent()) {
        Optional<Diagnostic> failed = SafeOutput.publish(pdfPath, pdf.get(), publish);
        // The .docx is already published: say so, so nobody runs the whole merge again for the PDF alone.
        Optional<Path> docx = written;
        failed.map(f -> docx.isEmpty() ? f : Diagnostic.error(f.code(), f.location(), "Word 文档已生成（" + docx.get()
            + "），只有 PDF 没有写成：" + f.message())).ifPresent(all::add);
        pdfWritten = failed.isPresent() ? Optional.empty() : Optional.of(pdfPath);
      }
    }
    all.sort(Diagnostic.ORDER);
    return new Merged(name, written, pdfWritten, all);
  }

  private static PdfConverter pdfConverter;

  /**
   * Removes what runs killed with {@code kill -9} left in the temporary directory (PDF conversion folders, any
   * LibreOffice still running on them). Cheap when there is nothing to clean: one directory listing.
   */
  public static void cleanTemp() {
    org.docmerge.render.OfficeTemp.cleanStale(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * The process's PDF converter, shared by every merge, batch and (later) web request: made on first use, its
   * LibreOffice started only by the first conversion, and closed when the JVM exits (a shutdown hook kills any
   * running soffice and deletes its temporary folder; after a {@code kill -9}, the next run's converter does).
   */
  public static synchronized PdfConverter pdfConverter() {
    if (pdfConverter == null) {
      PdfConverter c = PdfConverter.fromPath();
      Runtime.getRuntime().addShutdownHook(new Thread(c::close, "docmerge-pdf-close"));
      pdfConverter = c;
    }
    return pdfConverter;
  }

  /** 报告.pdf → 报告.docx; any other name stays (the Word file of a merge asked for by its PDF's name). */
  public static Path docxPath(Path output) {
    String file = output.getFileName().toString();
    return file.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
        ? output.resolveSibling(file.substring(0, file.length() - 4) + ".docx") : output;
  }

  /** The problem list a draft appends: every error and warning, one line each. */
  private static List<String> draftProblems(Checked checked) {
    return checked.diagnostics().stream().filter(d -> d.severity() != org.docmerge.diag.Severity.INFO)
        .map(d -> d.location().place() + " " + d.severity().chinese() + " " + d.code() + "：" + d.message())
        .toList();
  }

  /**
   * What an in-memory merge produced: the document (absent when errors stand and it is not a draft, or the input
   * could not be read), the data it was made from, every diagnostic, sorted, and the words of the kind's title
   * ({@link org.docmerge.spec.ReportSpec#titleWords()}).
   */
  public record Rendered(
      String file, Optional<byte[]> document, Optional<ReportData> data, List<Diagnostic> diagnostics,
      String titleWords) {
    public boolean hasErrors() {
      return Diagnostics.anyErrors(diagnostics);
    }

    /**
     * The name staff expect, {@code <机关名称><年度>年<title words>（草稿）} plus {@code extension}: one safe file
     * name (the agency comes from the data), never a path.
     */
    public String documentName(boolean draft, String extension) {
      String agency = data.map(d -> d.field("agency").strip()).orElse("");
      String year = data.map(d -> d.field("year").strip()).orElse("");
      return org.docmerge.output.SafeNames.segment(
          agency + year + "年" + titleWords + (draft ? "（草稿）" : ""), extension);
    }
  }

  /**
   * As {@link #merge(Path, Path, MergeOptions)} for a workbook in memory, returning the document's bytes instead of
   * publishing a file: checks, and renders when no error stands or when {@code draft} is asked for.
   */
  public Rendered merge(byte[] workbook, String name, Validator.Options check, boolean draft) {
    return rendered(check(workbook, name, check), draft);
  }

  /**
   * The merge of a workbook file in memory: reads and checks it and, when no error stands or when {@code draft} is
   * asked for, fills the template, returning the document's bytes without publishing anything. What
   * {@link #merge(Path, Path, MergeOptions)} publishes and what {@code batch} stages for each workbook. The
   * diagnostics are the check's plus the template's warnings ({@link #template()}), sorted.
   */
  public Rendered merge(Path workbook, Validator.Options check, boolean draft) {
    return rendered(check(workbook, check), draft);
  }

  /** The document for what a check found, when it may be made, with the check's and the template's diagnostics. */
  private Rendered rendered(Checked checked, boolean draft) {
    String name = checked.file();
    List<Diagnostic> all = new ArrayList<>(checked.diagnostics());
    Result<PreparedTemplate> tpl = template();
    all.addAll(tpl.diagnostics().stream().filter(d -> d.severity() != org.docmerge.diag.Severity.INFO).toList());
    all.sort(Diagnostic.ORDER);
    if ((checked.hasErrors() && !draft) || checked.data().isEmpty() || tpl.value().isEmpty()) {
      return new Rendered(name, Optional.empty(), checked.data(), all, kind.spec().titleWords());
    }
    List<String> problems = checked.hasErrors() || draft ? draftProblems(checked) : null;
    return new Rendered(name, Optional.of(render(checked.data().get(), problems,
        problems == null ? Set.of() : faultyCells(checked))), checked.data(), all, kind.spec().titleWords());
  }

  /**
   * The PDF of a rendered document (through LibreOffice). The one place a front end asks for a PDF, so the
   * converter behind it can change without touching callers.
   */
  public static Result<byte[]> pdf(byte[] docx, String name) {
    return pdfConverter().convert(docx, name);
  }

  /** Whether {@link #pdf} can work here (LibreOffice found); a front end greys out its PDF button otherwise. */
  public static boolean pdfAvailable() {
    return pdfConverter().available();
  }

  /** The largest input file read (the workbook reader's limit: 20 MB unless DOCMERGE_MAX_FILE_MB says otherwise). */
  public static long maxInputBytes() {
    return WorkbookReader.Limits.configured().maxFileBytes();
  }

  /** 报告.docx → 报告.pdf; 报告.pdf stays. */
  public static Path pdfPath(Path output) {
    String file = output.getFileName().toString();
    String base = file.toLowerCase(java.util.Locale.ROOT).endsWith(".docx") ? file.substring(0, file.length() - 5) : file;
    return output.resolveSibling(base.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? base : base + ".pdf");
  }

  /** The document for data that has passed its checks. */
  public byte[] render(ReportData data) {
    return render(data, null);
  }

  /** The ids of the table cells an error is located at (shaded in a draft). */
  static Set<String> faultyCells(Checked checked) {
    Set<String> out = new java.util.HashSet<>();
    ReportData data = checked.data().orElse(null);
    if (data == null) {
      return out;
    }
    for (Diagnostic d : checked.diagnostics()) {
      Location at = d.location();
      if (!d.isError() || at.row() < 0) {
        continue;
      }
      data.values().forEach((id, v) -> {
        Location l = v.location();
        if (l.row() == at.row() && l.column() == at.column() && l.sheet().equals(at.sheet())) {
          out.add(id);
        }
      });
    }
    return out;
  }

  /** The document; a non-null problem list makes it a draft (marked 「草稿」, problems appended). */
  public byte[] render(ReportData data, List<String> draftProblems) {
    return render(data, draftProblems, Set.of());
  }

  /** As {@link #render(ReportData, List)}; in a draft, the cells in {@code faultyCells} are shaded. */
  public byte[] render(ReportData data, List<String> draftProblems, Set<String> faultyCells) {
    TagValues values = TagValues.of(kind.spec(), data);
    String agency = data.field("agency").strip();
    String title = agency + data.field("year").strip() + "年" + kind.spec().titleWords();
    PreparedTemplate.Extras extras =
        new PreparedTemplate.Extras(title, agency.isEmpty() ? null : agency, draftProblems, faultyCells);
    return template().get().render(values.inline(), values.blocks(), values.lists(), extras);
  }

  /** The compiled template with its diagnostics; compiled once per engine. */
  public Result<PreparedTemplate> template() {
    Result<PreparedTemplate> t = template;
    if (t == null) {
      synchronized (this) {
        t = template;
        if (t == null) {
          t = compileTemplate();
          template = t;
        }
      }
    }
    return t;
  }

  /** A template is read whole into memory: bound it before reading (a real one is under 100 KB). */
  static final long MAX_TEMPLATE_BYTES = Sniff.MAX_INPUT_BYTES;

  private Result<PreparedTemplate> compileTemplate() {
    if (customTemplate.isPresent()) {
      return inspect(customTemplate.get());
    }
    String name = kind.spec().kind() + "/" + kind.spec().template();
    // The launcher points this at target/: a cold merge then loads the compiled segments instead of starting
    // docx4j. Only for the kind's own template; a --template of the office's always gets the full checks.
    String cache = System.getProperty("docmerge.templateCache");
    if (cache != null && !cache.isBlank()) {
      return complete(TemplateCache.compile(kind.templateBytes(), name, kind.spec(), Path.of(cache)));
    }
    return complete(TemplateCompiler.compile(kind.templateBytes(), name, kind.spec()));
  }

  /**
   * Checks a template against this kind without rendering anything: every tag with its location, and every
   * problem (unknown tags, split tags that cannot be repaired, official cells no tag prints).
   */
  public Result<PreparedTemplate> inspect(Path template) {
    Path p = template;
    try {
      if (!Files.isRegularFile(p)) {
        return Result.failed(Diagnostic.error("TEMPLATE.UNREADABLE", Location.file(p.toString()),
            "模板不是普通文件（不存在，或是文件夹、管道），无法读取。请指定 .docx 模板文件"));
      }
      if (Files.size(p) > MAX_TEMPLATE_BYTES) {
        return Result.failed(Diagnostic.error("TEMPLATE.TOO_LARGE", Location.file(p.toString()),
            "模板文件有 " + (Files.size(p) >> 20) + " MB，超过上限 " + (MAX_TEMPLATE_BYTES >> 20)
                + " MB；年度报告模板通常不到 100 KB。请确认选对了文件"));
      }
      return complete(TemplateCompiler.compile(Files.readAllBytes(p), p.toString(), kind.spec()));
    } catch (java.io.IOException e) {
      return Result.failed(Diagnostic.error("TEMPLATE.UNREADABLE", Location.file(template.toString()),
          "无法读取模板文件" + org.docmerge.diag.Technical.of(e)));
    }
  }

  /** As {@link #inspect(Path)} for a template in memory (an upload); {@code name} is only a label. */
  public Result<PreparedTemplate> inspect(byte[] template, String name) {
    if (template.length > MAX_TEMPLATE_BYTES) {
      return Result.failed(Diagnostic.error("TEMPLATE.TOO_LARGE", Location.file(name),
          "模板文件有 " + (template.length >> 20) + " MB，超过上限 " + (MAX_TEMPLATE_BYTES >> 20)
              + " MB；年度报告模板通常不到 100 KB。请确认选对了文件"));
    }
    return complete(TemplateCompiler.compile(template, name, kind.spec()));
  }

  /** An official report prints every number of its tables: a template missing some is refused. */
  private static Result<PreparedTemplate> complete(Result<PreparedTemplate> compiled) {
    List<Diagnostic> ds = compiled.diagnostics().stream()
        .map(d -> d.code().equals(TemplateCodes.MISSING_CELL) ? Diagnostic.error(d.code(), d.location(), d.message()) : d)
        .toList();
    return Diagnostics.anyErrors(ds) ? Result.failed(ds) : Result.of(compiled.get(), ds);
  }

  /** Writes a blank input workbook for this kind, optionally carrying data forward. */
  public Optional<Diagnostic> init(Path output, Optional<ReportData> prefill, boolean overwrite) {
    SafeOutput.Options opts = new SafeOutput.Options(overwrite);
    Optional<Diagnostic> refused = SafeOutput.preflight(output, opts);
    if (refused.isPresent()) {
      return refused;
    }
    byte[] bytes = WorkbookWriter.write(kind.spec(), prefill.orElse(null));
    return SafeOutput.publish(output, bytes, opts);
  }

  /** The .xlsx bytes of an input workbook for this kind: blank, or filled with {@code prefill}. */
  public byte[] workbook(Optional<ReportData> prefill) {
    return WorkbookWriter.write(kind.spec(), prefill.orElse(null));
  }

  /** The shipped kind whose format applies to a report year (2019 and 2020: the 2019 format). */
  public static Optional<String> kindForYear(int year) {
    for (String k : SpecReader.SHIPPED) {
      Result<ReportKind> kind = SpecReader.load(k);
      if (kind.value().isPresent() && kind.get().spec().years().contains(year)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Reads a workbook of this kind without checking it. */
  public Result<ReportData> read(Path workbook) {
    return WorkbookReader.read(workbook, workbook.toString(), kind.spec());
  }

  /**
   * Reads last year's report (a workbook or a published report) in its own kind, detected from its labels, for
   * --previous and init --from. The cross-year rules compare cells both kinds share (the same ids in both specs).
   */
  /** As {@link #readPrevious(Path)} for a file in memory; {@code name} is only a label. */
  public static Result<ReportData> readPrevious(byte[] bytes, String name) {
    String k = detectKind(bytes, name).orElse(SpecReader.DEFAULT_KIND);
    Result<Docmerge> engine = open(k);
    if (engine.value().isEmpty()) {
      return Result.failed(engine.diagnostics());
    }
    return engine.get().readAny(bytes, name);
  }

  public static Result<ReportData> readPrevious(Path file) {
    String k = detectKind(file).orElse(SpecReader.DEFAULT_KIND);
    Result<Docmerge> engine = open(k);
    if (engine.value().isEmpty()) {
      return Result.failed(engine.diagnostics());
    }
    return engine.get().readAny(file);
  }

  /**
   * A member list as {@code aggregate --members} reads it (first column of the first sheet), from a file in memory
   * (an upload); {@code name} is only a label.
   */
  public static Result<List<String>> memberList(byte[] bytes, String name) {
    return org.docmerge.workbook.MemberListReader.read(bytes, name);
  }

  /** A one-sheet .xlsx of a plain table (a status export): a header row, then the rows (strings and numbers). */
  public static byte[] table(String sheet, List<String> headers, List<List<Object>> rows) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      org.docmerge.workbook.SummaryWriter.write(new org.docmerge.workbook.SheetTable(sheet, headers, rows), out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
