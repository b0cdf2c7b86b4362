package org.docmerge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.template.TagUse;

/**
 * {@code docmerge inspect 模板.docx}: every tag and where it is, then every problem, before an office uses its
 * own template. Writes nothing.
 */
final class InspectCommand implements Command {
  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "检查 Word 模板：列出每一个标签及其位置，以及未知标签、无法修复的拆分标签、没有标签的表格数字";
  }

  @Override
  public String synopsis() {
    return "模板.docx [--kind 类型]";
  }

  @Override
  public void options(Options o) {
    // only the common options
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (!c.shape(line, 1, "要检查的模板（模板.docx）", null, "docmerge inspect 模板.docx")) {
      return Main.USAGE;
    }
    Optional<Docmerge> engine = c.engine(line);
    Path template = Path.of(line.getArgs()[0]);
    if (engine.isEmpty() || !c.readable(template)) {
      return Main.USAGE;
    }
    Result<PreparedTemplate> inspected = engine.get().inspect(template);
    inspected.value().ifPresent(t -> {
      c.out.println("模板 " + template + " 共有 " + t.tags().size() + " 处标签（" + t.names().size() + " 个不同的标签）：");
      for (TagUse use : t.tags()) {
        String what = switch (use.kind()) {
          case BLOCK -> "段落";
          case REPEAT -> "重复行（列表）";
          case CONDITION -> "条件";
          default -> "行内";
        };
        String shown = switch (use.kind()) {
          case REPEAT -> "{{#" + use.name() + "}}";
          case CONDITION -> "{{?" + use.name() + "}}";
          default -> "{{" + use.name() + "}}";
        };
        c.out.println("  " + shown + "\t" + what + "\t" + use.location());
      }
    });
    List<Diagnostic> all = new ArrayList<>(inspected.diagnostics());
    all.sort(Diagnostic.ORDER);
    c.print(all);
    c.summary(all, all.size());
    if (!inspected.hasErrors()) {
      c.out.println("模板可以使用：" + template);
    }
    return Console.exitCode(all);
  }
}
