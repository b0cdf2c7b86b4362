package org.docmerge.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.docmerge.Docmerge;
import org.docmerge.diag.Codes;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Severity;
import org.docmerge.model.ReportData;
import org.docmerge.spec.SpecReader;
import org.docmerge.validate.Validator;

/**
 * What every command shares: the output streams (one rule, documented in the README: stdout carries everything
 * about the user's files — every diagnostic line, also for a file that cannot be found or read, the counts, what
 * was written — and the help or version asked for; stderr carries everything about the command line and docmerge
 * itself — usage errors, progress, internal errors), printing diagnostics, opening the engine, reading the common
 * options, and the mapping from diagnostics to exit codes. One per CLI run; not thread-safe.
 */
final class Console {
  final PrintStream out;
  final PrintStream err;

  Console(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** An error whose code means a file could not be read or written at all ({@link Codes}): exit 2, not 1. */
  static boolean unreadable(Diagnostic d) {
    return d.isError() && Codes.exit(d.code()) == Codes.Exit.UNREADABLE;
  }

  /** 0 ok (warnings allowed), 1 the input has errors, 2 a file could not be read or written. */
  static int exitCode(List<Diagnostic> all) {
    if (all.stream().anyMatch(Console::unreadable)) {
      return Main.USAGE;
    }
    return all.stream().anyMatch(Diagnostic::isError) ? Main.INPUT_ERRORS : Main.OK;
  }

  void print(List<Diagnostic> diagnostics) {
    diagnostics.forEach(out::println);
  }

  /** 「共 N 个错误，M 个警告」 when there is anything to count. */
  void summary(List<Diagnostic> all, int shown) {
    long errors = all.stream().filter(Diagnostic::isError).count();
    long warnings = warnings(all);
    if (errors + warnings > 0) {
      out.println("共 " + errors + " 个错误，" + warnings + " 个警告"
          + (shown < all.size() ? "（只显示了前一部分，去掉 --max-errors 可看全部）" : ""));
    }
  }

  static long warnings(List<Diagnostic> all) {
    return all.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }

  /** The value of --max-errors, or -1 when it is not a whole number. */
  private static int maxErrors(CommandLine line) {
    try {
      return Integer.parseInt(line.getOptionValue("max-errors").strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** At most {@code --max-errors} errors, with every warning and note kept. */
  List<Diagnostic> limit(List<Diagnostic> all, CommandLine line) {
    if (!line.hasOption("max-errors")) {
      return all;
    }
    int max = maxErrors(line);
    if (max < 1) {
      return all; // refused earlier by checkOptions
    }
    int errors = 0;
    List<Diagnostic> shown = new ArrayList<>();
    for (Diagnostic d : all) {
      if (d.isError() && ++errors > max) {
        continue;
      }
      shown.add(d);
    }
    return shown;
  }

  /** The engine for {@code --kind} and {@code --template}; prints why when it cannot be opened. */
  Optional<Docmerge> engine(CommandLine line) {
    return engine(line, Optional.empty());
  }

  /**
   * As {@link #engine(CommandLine)}; without {@code --kind}, the kind is told from the input's labels (a 2019-format
   * workbook or report is checked as one).
   */
  Optional<Docmerge> engine(CommandLine line, Optional<Path> input) {
    String kind = line.hasOption("kind") ? line.getOptionValue("kind")
        : input.filter(Files::isRegularFile).flatMap(Docmerge::detectKind).orElse(SpecReader.DEFAULT_KIND);
    Optional<Path> template = Optional.ofNullable(line.getOptionValue("template")).map(Path::of);
    Result<Docmerge> engine = Docmerge.open(kind, template);
    if (engine.value().isEmpty()) {
      print(engine.diagnostics());
    }
    return engine.value();
  }

  /**
   * Checks the command line's shape: {@code inputs} positional arguments ({@code inputWhat} says what they are)
   * and, when {@code outputWhat} is not null, a {@code -o}. Says exactly what is missing or extra, then the usage
   * line, on stderr.
   *
   * @return whether the shape is right
   */
  boolean shape(CommandLine line, int inputs, String inputWhat, String outputWhat, String usage) {
    List<String> args = line.getArgList();
    String problem = null;
    if (args.size() < inputs) {
      problem = "缺少" + inputWhat + "。";
    } else if (args.size() > inputs) {
      List<String> extra = args.subList(inputs, args.size());
      problem = "多余的参数：" + String.join(" ", extra) + (inputs == 0 ? "（本命令不需要输入文件）" : "（只能有一个" + inputWhat + "）")
          + "。文件名中有空格时请加引号。";
    }
    if (problem == null && outputWhat != null && !line.hasOption("output")) {
      problem = "缺少 -o：请用 -o 指定" + outputWhat + "。";
    }
    if (problem == null) {
      return true;
    }
    err.println("用法错误：" + problem);
    err.println("用法：" + usage);
    return false;
  }

  /** A file the user named must exist and be a readable regular file; says why not. */
  boolean readable(Path p) {
    if (!Files.exists(p)) {
      out.println(Diagnostic.error("FILE.NOT_FOUND", Location.file(p.toString()), "找不到文件：" + p));
      return false;
    }
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      // Never open a FIFO (it blocks forever) or a folder named like a workbook.
      out.println(Diagnostic.error("FILE.UNREADABLE", Location.file(p.toString()),
          "无法读取：" + p + "（不是普通文件，或没有读取权限）"));
      return false;
    }
    return true;
  }

  /** What a checking command needs before it runs: the engine for the input's kind and the check options. */
  record Checking(Docmerge engine, Validator.Options options) {}

  /**
   * The engine for {@code input} (its kind detected unless {@code --kind}), after making sure the input can be
   * read, and the check options; empty (after saying why) when any of them is wrong.
   */
  Optional<Checking> checking(CommandLine line, Path input) {
    Optional<Docmerge> engine = engine(line, Optional.of(input));
    if (engine.isEmpty() || !readable(input)) {
      return Optional.empty();
    }
    return checkOptions(line, engine.get()).map(o -> new Checking(engine.get(), o));
  }

  /** {@code --previous} and {@code --deadline}; empty (after saying why) when they are wrong. */
  Optional<Validator.Options> checkOptions(CommandLine line, Docmerge engine) {
    if (line.hasOption("max-errors") && maxErrors(line) < 1) {
      err.println("--max-errors 应是正整数（最多显示几个错误），如 --max-errors 20；现在是「" + line.getOptionValue("max-errors") + "」");
      return Optional.empty();
    }
    Optional<LocalDate> deadline = Optional.empty();
    if (line.hasOption("deadline")) {
      try {
        deadline = Optional.of(LocalDate.parse(line.getOptionValue("deadline")));
      } catch (java.time.format.DateTimeParseException e) {
        err.println("--deadline 应写成 2022-01-31 的形式，现在是「" + line.getOptionValue("deadline") + "」");
        return Optional.empty();
      }
    }
    Optional<ReportData> previous = Optional.empty();
    if (line.hasOption("previous")) {
      Path p = Path.of(line.getOptionValue("previous"));
      if (!readable(p)) {
        return Optional.empty();
      }
      Result<ReportData> read = Docmerge.readPrevious(p);
      if (read.value().isEmpty()) {
        print(read.diagnostics());
        out.println("无法读取上年报告：" + p);
        return Optional.empty();
      }
      previous = read.value();
    }
    return Optional.of(new Validator.Options(previous, deadline));
  }
}
