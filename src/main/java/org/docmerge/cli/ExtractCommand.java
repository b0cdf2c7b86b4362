package org.docmerge.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;

/** {@code docmerge extract 2021年报.docx -o 2021年报数据.xlsx}: a published report read back into a workbook. */
final class ExtractCommand implements Command {
  @Override
  public String name() {
    return "extract";
  }

  @Override
  public String summary() {
    return "把已发布的报告（Word .docx/.doc、网页 .html/.htm/.mht、PDF、纯文本）读回填报工作簿；缺少的数字留空并逐一说明";
  }

  @Override
  public String synopsis() {
    return "报告.docx|报告.doc|报告.html|报告.pdf|报告.txt -o 年报数据.xlsx";
  }

  @Override
  public void options(Options o) {
    o.addOption(Main.output("要生成的工作簿，如 年报数据.xlsx"));
    o.addOption(Main.overwrite());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 1, "要读回的报告（.docx、.doc、.html、.pdf 或 .txt）", "要生成的工作簿（如 年报数据.xlsx）",
        "docmerge extract 报告.docx -o 年报数据.xlsx")) {
      return Main.USAGE;
    }
    Path input = Path.of(line.getArgs()[0]);
    if (!c.readable(input)) {
      return Main.USAGE;
    }
    Optional<Docmerge> engine = c.engine(line, Optional.of(input));
    if (engine.isEmpty()) {
      return Main.USAGE;
    }
    Path output = Path.of(line.getOptionValue("output"));
    Docmerge.Extracted done = engine.get().extract(input, output, line.hasOption("overwrite"));
    c.print(done.diagnostics());
    c.summary(done.diagnostics(), done.diagnostics().size());
    if (done.workbook().isPresent()) {
      c.out.println("已读出报告（" + engine.get().kind().spec().name() + "），生成工作簿：" + output);
      c.out.println(done.hasErrors()
          ? "报告不完整：缺少的数字在工作簿中留空（没有当作 0），请对照原报告补齐后运行：docmerge check " + output
          : "请核对后运行：docmerge check " + output);
    } else {
      c.out.println("未生成工作簿：请根据以上提示处理后重新运行。");
    }
    return Console.exitCode(done.diagnostics());
  }
}
