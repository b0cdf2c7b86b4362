package org.docmerge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.docmerge.authoring.KindAuthoring;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;

/**
 * {@code docmerge kind new 文件夹 --template 模板.docx}: a spec skeleton from the template's tags;
 * {@code docmerge kind check 文件夹 [--sample 样例.xlsx]}: lints a kind folder, each finding at its place.
 */
final class KindCommand implements Command {
  @Override
  public String name() {
    return "kind";
  }

  @Override
  public String summary() {
    return "制作报告类型：kind new 从 Word 模板的标签生成规格草稿；kind check 检查一个报告类型文件夹";
  }

  @Override
  public String synopsis() {
    return "new 文件夹 --template 模板.docx | check 文件夹 [--sample 样例.xlsx]";
  }

  @Override
  public void options(Options o) {
    if (!o.hasOption("template")) {
      o.addOption(Option.builder("t").longOpt("template").hasArg().argName("模板.docx").desc("kind new：含标签的 Word 模板").build());
    }
    o.addOption(Option.builder().longOpt("sample").hasArg().argName("样例.xlsx")
        .desc("kind check：用来试生成报告的工作簿；默认为文件夹中的 sample.xlsx 或 input-samples/<类型>-sample.xlsx").build());
  }

  @Override
  public int run(CommandLine line, Console c) {
    List<String> args = line.getArgList();
    if (args.size() != 2 || !List.of("new", "check").contains(args.get(0))) {
      c.err.println("用法：docmerge kind " + synopsis());
      return Main.USAGE;
    }
    Path dir = Path.of(args.get(1));
    if (args.get(0).equals("new")) {
      if (!line.hasOption("template")) {
        c.err.println("缺少 --template 模板.docx：kind new 从这个 Word 模板的标签生成规格草稿。");
        return Main.USAGE;
      }
      Result<Path> made = KindAuthoring.skeleton(dir, Path.of(line.getOptionValue("template")));
      List<Diagnostic> all = new ArrayList<>(made.diagnostics());
      c.print(all);
      if (made.value().isEmpty()) {
        return Console.exitCode(all) == Main.OK ? Main.USAGE : Console.exitCode(all);
      }
      c.out.println("已生成规格草稿：" + made.get());
      c.out.println("下一步：把其中「" + KindAuthoring.TODO + "」改为正式名称，补上勾稽关系，然后运行 docmerge kind check " + dir);
      return Main.OK;
    }
    if (!Files.isDirectory(dir)) {
      c.err.println("找不到报告类型文件夹：" + dir);
      return Main.USAGE;
    }
    Optional<Path> sample = Optional.ofNullable(line.getOptionValue("sample")).map(Path::of);
    List<Diagnostic> all = new ArrayList<>(KindAuthoring.lint(dir, sample));
    all.sort(Diagnostic.ORDER);
    c.print(all);
    c.summary(all, all.size());
    if (all.stream().noneMatch(Diagnostic::isError)) {
      c.out.println("报告类型检查通过：" + dir);
    }
    return Console.exitCode(all);
  }
}
