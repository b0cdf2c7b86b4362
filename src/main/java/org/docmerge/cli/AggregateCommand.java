package org.docmerge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;
import org.docmerge.batch.Aggregate;
import org.docmerge.batch.Inputs;
import org.docmerge.diag.Result;
import org.docmerge.workbook.MemberListReader;

/** {@code docmerge aggregate 各单位/ -o 全区汇总.xlsx}: sums the members' tables into a new workbook. */
final class AggregateCommand implements Command {
  @Override
  public String name() {
    return "aggregate";
  }

  @Override
  public String summary() {
    return "把文件夹中各成员单位工作簿的各张统计表逐格相加，生成汇总工作簿（含成员单位清单）";
  }

  @Override
  public String synopsis() {
    return "各单位/ -o 全区汇总.xlsx [--members 成员单位.xlsx]";
  }

  @Override
  public void options(Options o) {
    o.addOption(Main.output("要生成的汇总工作簿，如 全区汇总.xlsx（不能放在输入文件夹里）"));
    o.addOption(Main.overwrite());
    o.addOption(Option.builder("m").longOpt("members").hasArg().argName("成员单位.xlsx")
        .desc("成员名单：第一个工作表的第一列，每行一个成员的文件名或机关名称；只汇总名单中的单位，名单中找不到的单位会报错").build());
    o.addOption(Option.builder().longOpt("agency").hasArg().argName("机关名称")
        .desc("汇总报告的机关名称，默认「汇总」").build());
    o.addOption(Option.builder().longOpt("year").hasArg().argName("年度")
        .desc("要汇总的报告年度；默认取多数成员报告的年度。其他年度的成员不予汇总").build());
    o.addOption(Option.builder().longOpt("allow-errors")
        .desc("有错误的成员也按其填报的数字计入（默认拒绝汇总，以免合计有误）").build());
    o.addOption(Option.builder("j").longOpt("jobs").hasArg().argName("N")
        .desc("同时读取的文件数，默认等于 CPU 核数").build());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 1, "输入文件夹（各成员单位的工作簿所在的文件夹）", "要生成的汇总工作簿（如 全区汇总.xlsx）",
        "docmerge aggregate 各单位/ -o 全区汇总.xlsx")) {
      return Main.USAGE;
    }
    Optional<Integer> jobs = BatchCommand.jobs(line, c);
    if (jobs.isEmpty()) {
      return Main.USAGE;
    }
    Optional<Integer> year = Optional.empty();
    if (line.hasOption("year")) {
      String y = line.getOptionValue("year").strip().replace("年", "");
      if (!y.matches("\\d{4}")) {
        c.err.println("--year 应是四位数的年度，如 2021，现在是「" + line.getOptionValue("year") + "」");
        return Main.USAGE;
      }
      year = Optional.of(Integer.parseInt(y));
    }
    Optional<List<String>> members = Optional.empty();
    if (line.hasOption("members")) {
      Path p = Path.of(line.getOptionValue("members"));
      if (!c.readable(p)) {
        return Main.USAGE;
      }
      Result<List<String>> list = MemberListReader.read(p);
      if (list.value().isEmpty()) {
        c.print(list.diagnostics());
        return Main.USAGE;
      }
      if (list.get().isEmpty()) {
        c.out.println("成员名单是空的：" + p + "。请在第一个工作表的第一列每行写一个成员的文件名或机关名称");
        return Main.USAGE;
      }
      members = list.value();
    }
    Optional<Docmerge> engine = c.engine(line);
    if (engine.isEmpty()) {
      return Main.USAGE;
    }
    String agency = line.getOptionValue("agency", "汇总").strip();
    Path in = Path.of(line.getArgs()[0]);
    Path out = Path.of(line.getOptionValue("output"));
    ProgressLine progress = new ProgressLine(c.err, ProgressLine.isTerminal(), "读取成员");
    Aggregate.Outcome o = Aggregate.run(engine.get(), in, out, new Aggregate.Options(jobs.get(),
        line.hasOption("allow-errors"), year, members, agency.isEmpty() ? "汇总" : agency, line.hasOption("overwrite")),
        progress);
    progress.finish();
    for (Inputs.Skipped s : o.skipped()) {
      c.out.println(s.path() + ": 提示: " + s.reason());
    }
    for (Aggregate.Member m : o.members()) {
      if (m.status() == Aggregate.Status.NOT_LISTED || m.status() == Aggregate.Status.INCLUDED_WITH_ERRORS) {
        c.out.println(m.file() + ": 提示: " + m.status().chinese());
      }
      if (m.status().refuses()) {
        m.firstErrors().forEach(e -> c.out.println("    " + e));
      }
    }
    c.print(o.problems());
    long counted = o.members().stream().filter(m -> m.status().counted()).count();
    if (o.output().isPresent()) {
      c.out.println("已汇总 " + counted + " 个成员单位：" + o.output().get()
          + "。请在「正文」中为全区（市）重新撰写各部分文字，检查无误后用 docmerge merge 生成报告。");
      return Main.OK;
    }
    c.out.println("未生成汇总工作簿：请处理以上问题后重新运行。");
    return o.anyUnreadable() ? Main.USAGE : Main.INPUT_ERRORS;
  }
}
