package org.docmerge.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.AmbiguousOptionException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.docmerge.Docmerge;
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
      new KindCommand(),
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
    boolean verbose = Arrays.asList(args).contains("--verbose");
    Console console = new Console(new TerminalStream(out, verbose), new TerminalStream(err, verbose));
    try {
      return dispatch(args, console);
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      err.println("内部错误：docmerge 出现了意外问题" + (verbose ? "（" + e.getClass().getName() + "）" : "") + "。输入文件没有被修改，"
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
    if (!Arrays.asList(args).contains("--help") && !Arrays.asList(args).contains("-h")) {
      Docmerge.cleanTemp(); // a killed earlier run's PDF folders, whatever this command is
    }
    Options options = options(command.get());
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParseException e) {
      console.err.println("用法错误：" + chinese(e));
      console.err.println("用法：docmerge " + command.get().name() + " " + command.get().synopsis()
          + "（docmerge " + command.get().name() + " --help 查看全部选项）");
      return USAGE;
    }
    if (line.hasOption("help")) {
      help(console.out, command.get());
      return OK;
    }
    return command.get().run(line, console);
  }

  /** commons-cli's parse errors, said in Chinese with the option as typed. */
  static String chinese(ParseException e) {
    return chineseRaw(e).replace("） ", "）");
  }

  private static String chineseRaw(ParseException e) {
    if (e instanceof UnrecognizedOptionException u) {
      return "没有这个选项：" + u.getOption() + "。";
    }
    if (e instanceof MissingArgumentException m) {
      Option o = m.getOption();
      return "选项 " + spelled(o) + " 后面缺少" + (o.getArgName() == null ? "值" : "「" + o.getArgName() + "」") + "。";
    }
    if (e instanceof AmbiguousOptionException a) {
      return "选项 " + a.getOption() + " 不明确，可能是：" + a.getMatchingOptions().stream().map(n -> "--" + n)
          .collect(java.util.stream.Collectors.joining("、")) + "。请写全选项名。";
    }
    if (e instanceof MissingOptionException m) {
      return "缺少必需的选项：" + m.getMissingOptions().stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining("、")) + "。";
    }
    if (e instanceof AlreadySelectedException a) {
      return "选项 " + (a.getOption() == null ? "" : spelled(a.getOption())) + " 不能与同组的其他选项同时使用。";
    }
    return "命令行无法解析。";
  }

  private static String spelled(Option o) {
    return o.getOpt() != null && o.getLongOpt() != null ? "-" + o.getOpt() + "（--" + o.getLongOpt() + "）"
        : o.getOpt() != null ? "-" + o.getOpt() : "--" + o.getLongOpt();
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
        .desc("上一年度的工作簿或已发布的报告（.docx/.doc/.html/.pdf/.txt），用于核对逐年结转的数字等跨年数据（R07、R08、R19）").build());
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

  /**
   * A command's help: the usage line, the summary, then one line per option with the descriptions in one column.
   * Widths are counted in terminal columns (a CJK character takes two), so options whose placeholders are Chinese
   * line up with the others; long descriptions wrap at {@value #HELP_WIDTH} columns.
   */
  static void help(PrintStream to, Command command) {
    to.println("用法：docmerge " + command.name() + " " + command.synopsis());
    to.println(command.summary());
    to.println();
    List<Option> all = new java.util.ArrayList<>(options(command).getOptions());
    all.sort(java.util.Comparator.comparing(o -> (o.getOpt() != null ? o.getOpt() : o.getLongOpt()).toLowerCase(java.util.Locale.ROOT)));
    List<String> lefts = all.stream().map(o -> {
      String s = o.getOpt() != null ? "-" + o.getOpt() + (o.getLongOpt() != null ? ", --" + o.getLongOpt() : "")
          : "    --" + o.getLongOpt();
      return "  " + s + (o.hasArg() ? " <" + (o.getArgName() == null ? "值" : o.getArgName()) + ">" : "");
    }).toList();
    int col = lefts.stream().mapToInt(Main::columns).max().orElse(0) + 2;
    for (int i = 0; i < all.size(); i++) {
      String left = lefts.get(i);
      List<String> lines = wrap(all.get(i).getDescription() == null ? "" : all.get(i).getDescription(), Math.max(20, HELP_WIDTH - col));
      to.println(left + " ".repeat(col - columns(left)) + lines.get(0));
      for (String more : lines.subList(1, lines.size())) {
        to.println(" ".repeat(col) + more);
      }
    }
  }

  static final int HELP_WIDTH = 110;

  private static final String NO_LINE_START = "，。、；：）」』”’！？》】";

  /** Terminal columns of {@code s}: East Asian wide and full-width characters take two. */
  static int columns(String s) {
    return s.codePoints().map(Main::columns).sum();
  }

  private static int columns(int cp) {
    Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
    boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)
        || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    return wide ? 2 : 1;
  }

  /** Breaks {@code text} into lines of at most {@code width} columns, between words or between CJK characters. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    int used = 0;
    int lastBreak = -1; // index in line after which a break may go
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int w = columns(cp);
      if (used + w > width && line.length() > 0) {
        String carry = "";
        if (cp != ' ' && lastBreak > 0 && lastBreak < line.length()) {
          carry = line.substring(lastBreak);
          line.setLength(lastBreak);
        } else if (NO_LINE_START.indexOf(cp) >= 0 && line.length() > 1) {
          // a closing mark never starts a line: the character before it goes down with it
          int last = line.offsetByCodePoints(line.length(), -1);
          carry = line.substring(last);
          line.setLength(last);
        }
        lines.add(line.toString().stripTrailing());
        line = new StringBuilder(carry.stripLeading());
        used = columns(line.toString());
        lastBreak = -1;
        if (cp == ' ') {
          continue;
        }
      }
      line.appendCodePoint(cp);
      used += w;
      if (cp == ' ' || w == 2) {
        lastBreak = line.length();
      }
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }

  /** The pom's version, from the resource Maven filters at build time ({@code org/docmerge/version.properties}). */
  static String version() {
    try (java.io.InputStream in = Main.class.getResourceAsStream("/org/docmerge/version.properties")) {
      if (in != null) {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String v = p.getProperty("version", "").strip();
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (java.io.IOException e) {
      // fall through to the manifest
    }
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "（版本未知）" : v;
  }
}
