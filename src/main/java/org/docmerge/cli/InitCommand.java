package org.docmerge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;

/** {@code docmerge init -o 年报数据.xlsx}: a blank input workbook for the kind. */
final class InitCommand implements Command {
  @Override
  public String name() {
    return "init";
  }

  @Override
  public String summary() {
    return "生成一个空白的填报工作簿（封面、正文，以及与正式表格一样的各张统计表）";
  }

  @Override
  public String synopsis() {
    return "-o 年报数据.xlsx [--from 上年报告.docx|上年工作簿.xlsx]";
  }

  @Override
  public void options(Options o) {
    o.addOption(Main.output("要生成的工作簿，如 年报数据.xlsx"));
    o.addOption(Main.overwrite());
    o.addOption(org.apache.commons.cli.Option.builder("f").longOpt("from").hasArg().argName("上年报告")
        .desc("从上一年度的报告（.docx/.doc/.html/.pdf/.txt）或工作簿结转：机关名称、单位类型、网址，年度加 1，"
            + "以及报告类型规定逐年结转的数字（上年的结转数、以上年为起点的累计数）").build());
  }

  /** What init --from carried, in the kind's words: cover fields, carried rows, running counts. */
  private static String carried(org.docmerge.spec.ReportSpec spec, ReportData prefill) {
    List<String> out = new java.util.ArrayList<>();
    org.docmerge.spec.ReportSpec.Carry carry = spec.carryForward();
    if (carry != null) {
      carry.fields().forEach(f -> spec.field(f).ifPresent(field -> out.add(field.label())));
    }
    spec.field("year").ifPresent(f -> out.add(f.label() + "（" + prefill.field("year") + "）"));
    if (carry == null) {
      return String.join("、", out);
    }
    for (var r : carry.columns()) {
      spec.table(r.table()).ifPresent(t -> out.add(t.sheet() + "「" + t.row(r.to()).map(
          org.docmerge.spec.ReportSpec.Line::leaf).orElse(r.to()) + "」"));
    }
    for (var b : carry.balances()) {
      spec.table(b.table()).ifPresent(t -> {
        if (b.rows().stream().anyMatch(row -> prefill.values().containsKey(
            org.docmerge.spec.ReportSpec.cellId(t.id(), row, b.balance())))) {
          out.add(t.sheet() + leaf(t, b.balance()) + "（上年数，请加" + leaf(t, b.plus()).replaceFirst("(?:件数|数量)$", "")
              + "、减" + leaf(t, b.minus()).replaceFirst("(?:件数|数量)$", "") + "）");
        }
      });
    }
    return String.join("、", out);
  }

  private static String leaf(org.docmerge.spec.ReportSpec.Table t, String column) {
    return t.column(column).map(org.docmerge.spec.ReportSpec.Line::leaf).orElse(column);
  }

  /** The shipped kind for the year after the previous report's; the default when none fits. */
  private static Optional<Docmerge> kindForYear(ReportData previous, Console c, CommandLine line) {
    if (previous.year().isPresent()) {
      int year = previous.year().get() + 1;
      for (String k : org.docmerge.spec.SpecReader.SHIPPED) {
        var kind = org.docmerge.spec.SpecReader.load(k);
        if (kind.value().isPresent() && kind.get().spec().years().contains(year)) {
          return Docmerge.open(k).value();
        }
      }
    }
    return c.engine(line);
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 0, "", "要生成的空白工作簿（如 年报数据.xlsx）", "docmerge init -o 年报数据.xlsx")) {
      return Main.USAGE;
    }
    Optional<ReportData> prefill = Optional.empty();
    Optional<Docmerge> engine;
    if (line.hasOption("from")) {
      Path from = Path.of(line.getOptionValue("from"));
      if (!c.readable(from)) {
        return Main.USAGE;
      }
      Result<ReportData> previous = Docmerge.readPrevious(from);
      c.print(previous.diagnostics().stream().filter(d -> d.severity() != org.docmerge.diag.Severity.INFO).toList());
      if (previous.value().isEmpty()) {
        c.out.println("无法读取上年报告：" + from);
        return Main.USAGE;
      }
      engine = line.hasOption("kind") ? c.engine(line) : kindForYear(previous.get(), c, line);
      if (engine.isEmpty()) {
        return Main.USAGE;
      }
      prefill = Optional.of(engine.get().carryForward(previous.get()));
    } else {
      engine = c.engine(line);
    }
    if (engine.isEmpty()) {
      return Main.USAGE;
    }
    Path output = Path.of(line.getOptionValue("output"));
    Optional<Diagnostic> failed = engine.get().init(output, prefill, line.hasOption("overwrite"));
    if (failed.isPresent()) {
      c.print(List.of(failed.get()));
      return Main.USAGE;
    }
    c.out.println("已生成填报工作簿：" + output + "（" + engine.get().kind().spec().name() + "）");
    if (prefill.isPresent()) {
      c.out.println("已从上年报告结转：" + carried(engine.get().kind().spec(), prefill.get()) + "。请逐项核对");
    }
    c.out.println("请在浅黄色单元格中填写（没有的填 0），填好后运行：docmerge check " + output);
    return Main.OK;
  }
}
