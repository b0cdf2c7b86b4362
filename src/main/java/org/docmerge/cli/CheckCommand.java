package org.docmerge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;

/** {@code docmerge check 年报数据.xlsx}: every problem at its cell; writes nothing. */
final class CheckCommand implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "检查工作簿或已发布的报告（.docx/.doc/.html/.pdf/.txt）：列出每一个问题及其位置，不生成任何文件";
  }

  @Override
  public String synopsis() {
    return "年报数据.xlsx|报告.docx|报告.doc|报告.html|报告.pdf|报告.txt [--previous 上年.xlsx|上年报告.docx] [--format json]";
  }

  @Override
  public void options(Options o) {
    Main.checkOptions(o);
    o.addOption(Option.builder().longOpt("format").hasArg().argName("text|json")
        .desc("输出格式：text（默认）或 json").build());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 1, "要检查的文件（年报数据.xlsx，或已发布的报告 .docx/.doc/.html/.pdf/.txt）", null,
        "docmerge check 年报数据.xlsx（或已发布的报告 .docx/.doc/.html/.pdf/.txt）")) {
      return Main.USAGE;
    }
    String format = line.getOptionValue("format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      c.err.println("--format 只能是 text 或 json");
      return Main.USAGE;
    }
    Path input = Path.of(line.getArgs()[0]);
    Optional<Console.Checking> ready = c.checking(line, input);
    if (ready.isEmpty()) {
      return Main.USAGE;
    }
    Docmerge engine = ready.get().engine();
    Docmerge.Checked checked = engine.check(input, ready.get().options());
    List<Diagnostic> shown = c.limit(checked.diagnostics(), line);
    if (format.equals("json")) {
      c.out.println(Json.check(checked.file(), engine.kind().spec().kind(), checked.diagnostics(), shown));
    } else {
      c.print(shown);
      c.summary(checked.diagnostics(), shown.size());
      if (!checked.hasErrors() && checked.noNumbersRead(engine.kind().spec())) {
        c.out.println("没有发现错误，但表格中的数字一个也没有读到，表格没有检查（原因见上面的警告）：" + input);
      } else if (!checked.hasErrors()) {
        c.out.println("检查通过" + (Console.warnings(checked.diagnostics()) > 0 ? "（有警告，请逐条核对）" : "") + "：" + input);
      }
    }
    return Console.exitCode(checked.diagnostics());
  }
}
