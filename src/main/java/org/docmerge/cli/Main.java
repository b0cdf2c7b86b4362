package org.docmerge.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.docmerge.spec.SpecReader;

/**
 * Entry point. {@link #run} is the whole CLI with injected streams, so tests drive it in-process; {@link #main}
 * only adds {@code System.exit}.
 */
public final class Main {
  public static final int OK = 0;
  public static final int INPUT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  /** Every command, in the order help lists them. */
  static final List<Command> COMMANDS = List.of(
      new InitCommand(),
      new CheckCommand(),
      new MergeCommand(),
      new InspectCommand(),
      new ExtractCommand(),
      new BatchCommand(),
      new AggregateCommand(),
      new ServeCommand());

  private Main() {}

  public static void main(String[] args) {
    quietLogging(Arrays.asList(args).contains("--verbose"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Keeps docx4j's and POI's logging off the terminal unless asked for. */
  static void quietLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "warn" : "off");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }

  /** Runs one command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Console console = new Console(out, err);
    boolean verbose = Arrays.asList(args).contains("--verbose");
    try {
      return dispatch(args, console);
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      err.println("内部错误：docmerge 出现了意外问题（" + e.getClass().getSimpleName() + "）。输入文件没有被修改，"
          + "也没有留下不完整的输出。请把这条信息和所用的文件发给维护人员"
          + (verbose ? "。" : "；加 --verbose 可显示详细信息。"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return INTERNAL;
    }
  }

  private static int dispatch(String[] args, Console console) {
    if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
      usage(args.length == 0 ? console.err : console.out);
      return args.length == 0 ? USAGE : OK;
    }
    if (args[0].equals("--version")) {
      console.out.println("docmerge " + version());
      return OK;
    }
    Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
    if (command.isEmpty()) {
      console.err.println("未知命令「" + args[0] + "」。");
      usage(console.err);
      return USAGE;
    }
    Options options = options(command.get());
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParseException e) {
      console.err.println("参数有误：" + e.getMessage());
      help(console.err, command.get());
      return USAGE;
    }
    if (line.hasOption("help")) {
      help(console.out, command.get());
      return OK;
    }
    int code = command.get().run(line, console);
    if (code == USAGE && line.getArgs().length == 0 && !line.hasOption("output")) {
      help(console.err, command.get());
    }
    return code;
  }

  private static Options options(Command command) {
    Options o = new Options();
    o.addOption(Option.builder("h").longOpt("help").desc("显示本命令的帮助").build());
    o.addOption(Option.builder().longOpt("verbose").desc("出现内部错误时显示详细信息").build());
    o.addOption(Option.builder("k").longOpt("kind").hasArg().argName("类型")
        .desc("报告类型（templates/ 下的文件夹名或文件夹路径）；不指定时按输入文件表格中的标题文字判断"
            + "（2021 年版或 2019 年版格式），没有输入文件时为 " + SpecReader.DEFAULT_KIND).build());
    command.options(o);
    return o;
  }

  /** Options shared by the commands that check: --previous, --deadline, --max-errors. */
  static void checkOptions(Options o) {
    o.addOption(Option.builder("p").longOpt("previous").hasArg().argName("上年工作簿或报告")
        .desc("上一年度的工作簿或已发布的报告（.docx/.html/.txt），用于核对上年结转等跨年数据（R07、R08、R19）").build());
    o.addOption(Option.builder().longOpt("deadline").hasArg().argName("日期")
        .desc("发布期限，如 2022-01-20；默认按《条例》：部门为次年 1 月 31 日，本级政府为次年 3 月 31 日").build());
    o.addOption(Option.builder().longOpt("max-errors").hasArg().argName("N").desc("最多显示 N 个错误").build());
  }

  static Option output(String desc) {
    return Option.builder("o").longOpt("output").hasArg().argName("文件").desc(desc).build();
  }

  static Option overwrite() {
    return Option.builder().longOpt("overwrite").desc("输出文件已存在时替换它（默认不替换）").build();
  }

  private static void usage(PrintStream to) {
    to.println("docmerge " + version() + " — 把填报工作簿生成为正式的政府信息公开工作年度报告（.docx），并检查其中的每一个错误");
    to.println();
    to.println("用法：docmerge <命令> [选项]");
    to.println();
    to.println("命令：");
    COMMANDS.forEach(c -> to.printf("  %-10s %s%n", c.name(), c.summary()));
    to.println();
    to.println("每个命令都可加 --help 查看选项，如：docmerge merge --help");
    to.println("退出码：0 成功（可能有警告），1 输入有错误，2 用法错误或文件无法读取，3 内部错误");
  }

  @SuppressWarnings("deprecation") // the new help API of commons-cli 1.10+ adds nothing we need here
  private static void help(PrintStream to, Command command) {
    PrintWriter pw = new PrintWriter(to, true, StandardCharsets.UTF_8);
    HelpFormatter formatter = new HelpFormatter();
    formatter.setSyntaxPrefix("用法：");
    formatter.printHelp(pw, 100, "docmerge " + command.name() + " " + command.synopsis(),
        command.summary() + "\n", options(command), 2, 2, "", false);
    pw.flush();
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
