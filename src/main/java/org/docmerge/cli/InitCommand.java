package org.docmerge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;

/** {@code docmerge init -o 年报数据.xlsx}: a blank input workbook for the kind. */
final class InitCommand implements Command {
  @Override
  public String name() {
    return "init";
  }

  @Override
  public String summary() {
    return "生成一个空白的填报工作簿（封面、正文，以及与正式表格一样的表二、表三、表四）";
  }

  @Override
  public String synopsis() {
    return "-o 年报数据.xlsx";
  }

  @Override
  public void options(Options o) {
    o.addOption(Main.output("要生成的工作簿，如 年报数据.xlsx"));
    o.addOption(Main.overwrite());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!line.hasOption("output") || line.getArgs().length > 0) {
      c.err.println("用法：docmerge init -o 年报数据.xlsx");
      return Main.USAGE;
    }
    Optional<Docmerge> engine = c.engine(line);
    if (engine.isEmpty()) {
      return Main.USAGE;
    }
    Path output = Path.of(line.getOptionValue("output"));
    Optional<Diagnostic> failed = engine.get().init(output, Optional.empty(), line.hasOption("overwrite"));
    if (failed.isPresent()) {
      c.print(List.of(failed.get()));
      return Main.USAGE;
    }
    c.out.println("已生成填报工作簿：" + output + "（" + engine.get().kind().spec().name() + "）");
    c.out.println("请在浅黄色单元格中填写（没有的填 0），填好后运行：docmerge check " + output);
    return Main.OK;
  }
}
