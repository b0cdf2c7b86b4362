package org.docmerge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.output.SafeOutput;
import org.docmerge.render.TagValues;
import org.docmerge.spec.ReportKind;
import org.docmerge.spec.SpecReader;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.template.TemplateCompiler;
import org.docmerge.validate.Validator;
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
  }

  /** Reads a workbook and applies every rule. Never writes anything. */
  public Checked check(Path workbook, Validator.Options options) {
    String name = workbook.toString();
    Result<ReportData> read = WorkbookReader.read(workbook, name, kind.spec());
    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    read.value().ifPresent(data -> all.addAll(validator.validate(data, options)));
    all.sort(Diagnostic.ORDER);
    return new Checked(name, read.value(), all);
  }

  /** What a merge did: the document written (if any) and every diagnostic, sorted. */
  public record Merged(String file, Optional<Path> document, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
      return Diagnostics.anyErrors(diagnostics);
    }
  }

  /** Options of a merge. */
  public record MergeOptions(boolean overwrite, Validator.Options check) {
    public static final MergeOptions DEFAULT = new MergeOptions(false, Validator.Options.DEFAULT);
  }

  /**
   * Reads, checks and, when no error stands, fills the template and publishes the document. The input is
   * only read; the output appears complete or not at all.
   */
  public Merged merge(Path workbook, Path output, MergeOptions options) {
    String name = workbook.toString();
    Optional<Diagnostic> refused = SafeOutput.preflight(output, new SafeOutput.Options(options.overwrite()), workbook);
    if (refused.isPresent()) {
      return new Merged(name, Optional.empty(), List.of(refused.get()));
    }
    Checked checked = check(workbook, options.check());
    List<Diagnostic> all = new ArrayList<>(checked.diagnostics());
    Result<PreparedTemplate> tpl = template();
    all.addAll(tpl.diagnostics().stream().filter(Diagnostic::isError).toList());
    if (checked.hasErrors() || checked.data().isEmpty() || tpl.value().isEmpty()) {
      all.sort(Diagnostic.ORDER);
      return new Merged(name, Optional.empty(), all);
    }
    byte[] document = render(checked.data().get());
    Optional<Diagnostic> failed =
        SafeOutput.publish(output, document, new SafeOutput.Options(options.overwrite()));
    failed.ifPresent(all::add);
    all.sort(Diagnostic.ORDER);
    return new Merged(name, failed.isPresent() ? Optional.empty() : Optional.of(output), all);
  }

  /** The document for data that has passed its checks. */
  public byte[] render(ReportData data) {
    TagValues values = TagValues.of(kind.spec(), data);
    return template().get().render(values.inline(), values.blocks());
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
  static final long MAX_TEMPLATE_BYTES = 20L << 20;

  private Result<PreparedTemplate> compileTemplate() {
    if (customTemplate.isPresent()) {
      Path p = customTemplate.get();
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
        return TemplateCompiler.compile(Files.readAllBytes(p), p.toString(), kind.spec());
      } catch (java.io.IOException e) {
        return Result.failed(Diagnostic.error("TEMPLATE.UNREADABLE", Location.file(p.toString()),
            "无法读取模板文件：" + e.getMessage()));
      }
    }
    return TemplateCompiler.compile(kind.templateBytes(), kind.spec().kind() + "/" + kind.spec().template(), kind.spec());
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

  /** Reads a workbook of this kind without checking it (for --previous). */
  public Result<ReportData> read(Path workbook) {
    return WorkbookReader.read(workbook, workbook.toString(), kind.spec());
  }
}
