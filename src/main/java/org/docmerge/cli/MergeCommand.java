package org.docmerge.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;

/** {@code docmerge merge 年报数据.xlsx -o 报告.docx}: check, then write the report only when no error stands. */
final class MergeCommand implements Command {
  @Override
  public String name() {
    return "merge";
  }

  @Override
  public String summary() {
    return "检查工作簿，没有错误时生成正式的 Word 报告";
  }

  @Override
  public String synopsis() {
    return "年报数据.xlsx -o 报告.docx";
  }

  @Override
  public void options(Options o) {
    Main.checkOptions(o);
    o.addOption(Main.output("要生成的报告：报告.docx 生成 Word 文件，报告.pdf 生成 PDF（需要 LibreOffice）"));
    o.addOption(Main.overwrite());
    o.addOption(Option.builder("t").longOpt("template").hasArg().argName("模板.docx")
        .desc("使用本单位修改过的模板代替默认模板（先做与 inspect 相同的检查）").build());
    o.addOption(Option.builder().longOpt("pdf").desc("Word 文件和 PDF 都生成（需要安装 LibreOffice），与 --format both 相同").build());
    o.addOption(Option.builder().longOpt("format").hasArg().argName("docx|pdf|both")
        .desc("生成的格式：docx、pdf 或 both（两者都生成，文件名只是扩展名不同）；默认按 -o 的扩展名").build());
    o.addOption(Option.builder().longOpt("draft")
        .desc("草稿：即使有错误也生成，每页标注「草稿」并在文末附问题清单，仅供内部核对，不得发布").build());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 1, "输入的工作簿（年报数据.xlsx）", "要生成的报告（报告.docx 或 报告.pdf）",
        "docmerge merge 年报数据.xlsx -o 报告.docx")) {
      return Main.USAGE;
    }
    Path input = Path.of(line.getArgs()[0]);
    Path output = Path.of(line.getOptionValue("output"));
    String ext = extension(output);
    if (!ext.equals("docx") && !ext.equals("pdf") && !sameFile(input, output)) {
      // (an output that is the input itself gets OUT.SAME_AS_INPUT below: the more important thing to say)
      c.err.println("用法错误：输出文件名「" + output.getFileName() + "」应以 .docx（Word 报告）或 .pdf（PDF 报告）结尾；"
          + "docmerge 按文件名决定生成的格式，如 -o 报告.docx 或 -o 报告.pdf");
      return Main.USAGE;
    }
    String format = line.getOptionValue("format", line.hasOption("pdf") ? "both" : ext.equals("pdf") ? "pdf" : "docx");
    if (!format.equals("docx") && !format.equals("pdf") && !format.equals("both")) {
      c.err.println("用法错误：--format 只能是 docx、pdf 或 both，现在是「" + format + "」");
      return Main.USAGE;
    }
    if (ext.equals("pdf") && format.equals("docx")) {
      c.err.println("用法错误：输出文件名以 .pdf 结尾，却要求 --format docx。请写 -o 报告.docx，或去掉 --format");
      return Main.USAGE;
    }
    Optional<Console.Checking> ready = c.checking(line, input);
    if (ready.isEmpty()) {
      return Main.USAGE;
    }
    boolean docx = !format.equals("pdf");
    boolean pdf = !format.equals("docx");
    Docmerge.Merged merged = ready.get().engine().merge(input, output, new Docmerge.MergeOptions(
        line.hasOption("overwrite"), ready.get().options(), docx, pdf, line.hasOption("draft")));
    var shown = c.limit(merged.diagnostics(), line);
    c.print(shown);
    c.summary(merged.diagnostics(), shown.size());
    String kind = line.hasOption("draft") ? "草稿" : "报告";
    merged.document().ifPresent(d -> c.out.println("已生成" + kind + "：" + d));
    merged.pdf().ifPresent(d -> c.out.println("已生成" + kind + " PDF：" + d));
    if (merged.document().isEmpty() && merged.pdf().isEmpty()) {
      c.out.println("未生成报告：请改正以上错误后重新运行。");
    }
    // a draft is written on purpose despite errors; the exit code still tells scripts the data is not ready
    return Console.exitCode(merged.diagnostics());
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
          || java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The output's extension in lower case ({@code ""} when none). */
  static String extension(Path output) {
    String name = output.getFileName() == null ? "" : output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
