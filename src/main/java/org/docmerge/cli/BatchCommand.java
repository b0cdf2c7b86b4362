package org.docmerge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;
import org.docmerge.batch.Batch;
import org.docmerge.batch.Inputs;
import org.docmerge.diag.Diagnostic;
import org.docmerge.validate.Validator;

/** {@code docmerge batch 各单位/ -o 输出/}: every workbook of a folder to its report, plus a summary workbook. */
final class BatchCommand implements Command {
  @Override
  public String name() {
    return "batch";
  }

  @Override
  public String summary() {
    return "批量检查文件夹中的所有工作簿，为没有错误的各自生成报告，并写出汇总结果.xlsx";
  }

  @Override
  public String synopsis() {
    return "各单位/ -o 输出/ [--jobs N]";
  }

  @Override
  public void options(Options o) {
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("文件夹")
        .desc("存放报告和汇总结果.xlsx 的文件夹（不存在时自动建立；可以是输入文件夹下的子文件夹，读取时会跳过它）").build());
    o.addOption(Option.builder("j").longOpt("jobs").hasArg().argName("N")
        .desc("同时处理的文件数，默认等于 CPU 核数（" + Runtime.getRuntime().availableProcessors() + "）").build());
    o.addOption(Option.builder().longOpt("overwrite").desc("输出文件夹中已有同名报告时替换它（默认不替换，该文件记为写入失败）").build());
    o.addOption(Option.builder().longOpt("pdf").desc("每份报告同时生成 PDF（需要安装 LibreOffice；整批共用几个 LibreOffice 进程，每份约 0.2 秒 CPU）").build());
    o.addOption(Option.builder().longOpt("fsync").desc("每份报告都立即写入磁盘（更慢；防断电丢失刚生成的文件）").build());
    o.addOption(Option.builder().longOpt("deadline").hasArg().argName("日期")
        .desc("发布期限，如 2022-01-20；默认按《条例》：部门为次年 1 月 31 日，本级政府为次年 3 月 31 日").build());
    o.addOption(Option.builder("t").longOpt("template").hasArg().argName("模板.docx")
        .desc("使用本单位修改过的模板代替默认模板").build());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 1, "输入文件夹（各单位的工作簿所在的文件夹）", "输出文件夹（如 输出/）", "docmerge batch 各单位/ -o 输出/")) {
      return Main.USAGE;
    }
    Optional<Integer> jobs = jobs(line, c);
    if (jobs.isEmpty()) {
      return Main.USAGE;
    }
    Optional<Docmerge> engine = c.engine(line);
    if (engine.isEmpty()) {
      return Main.USAGE;
    }
    Optional<Validator.Options> check = c.checkOptions(line, engine.get());
    if (check.isEmpty()) {
      return Main.USAGE;
    }
    Path in = Path.of(line.getArgs()[0]);
    Path out = Path.of(line.getOptionValue("output"));
    ProgressLine progress = new ProgressLine(c.err, ProgressLine.isTerminal(), "生成报告");
    Batch.Outcome o = Batch.run(engine.get(), in, out,
        new Batch.Options(jobs.get(), line.hasOption("overwrite"), line.hasOption("fsync"), check.get(),
            line.hasOption("pdf")), progress);
    progress.finish();
    for (Inputs.Skipped s : o.skipped()) {
      c.out.println(s.path() + ": 提示: " + s.reason());
    }
    for (Batch.Row r : o.rows()) {
      // a collision is said once per group (BATCH.SAME_OUTPUT below), not once per input
      if (r.status() != Batch.Status.OK && r.status() != Batch.Status.HELD && r.status() != Batch.Status.COLLISION) {
        c.out.println(r.input() + ": " + r.status().chinese() + "（" + r.errors() + " 个错误）");
        r.firstErrors().forEach(e -> c.out.println("    " + e));
      }
    }
    c.print(o.problems());
    if (!o.rows().isEmpty() || o.problems().isEmpty()) {
      c.out.println("共 " + o.rows().size() + " 个工作簿：已生成 " + o.count(Batch.Status.OK) + " 份报告，"
          + o.count(Batch.Status.ERRORS) + " 个有错误，" + o.count(Batch.Status.UNREADABLE) + " 个无法读取"
          + (o.count(Batch.Status.NOT_WRITTEN) > 0 ? "，" + o.count(Batch.Status.NOT_WRITTEN) + " 个写入失败" : "")
          + (o.count(Batch.Status.COLLISION) > 0 ? "，" + o.count(Batch.Status.COLLISION) + " 个重名" : "")
          + (o.count(Batch.Status.HELD) > 0 ? "，" + o.count(Batch.Status.HELD) + " 个因重名暂未写入" : "") + "。");
    }
    o.summary().ifPresent(p -> c.out.println("汇总结果：" + p));
    return exitCode(o);
  }

  /** 0 all generated; 2 a run-level refusal, an unreadable file or a failed write; else 1 when any input had errors. */
  static int exitCode(Batch.Outcome o) {
    if (!o.problems().isEmpty() || o.count(Batch.Status.UNREADABLE) > 0 || o.count(Batch.Status.NOT_WRITTEN) > 0
        || o.count(Batch.Status.COLLISION) > 0) {
      return Main.USAGE;
    }
    return o.count(Batch.Status.ERRORS) > 0 ? Main.INPUT_ERRORS : Main.OK;
  }

  static Optional<Integer> jobs(CommandLine line, Console c) {
    if (!line.hasOption("jobs")) {
      return Optional.of(Runtime.getRuntime().availableProcessors());
    }
    try {
      int j = Integer.parseInt(line.getOptionValue("jobs").strip());
      if (j >= 1 && j <= 256) {
        return Optional.of(j);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    c.err.println("--jobs 应是 1 到 256 之间的整数，现在是「" + line.getOptionValue("jobs") + "」");
    return Optional.empty();
  }

}
