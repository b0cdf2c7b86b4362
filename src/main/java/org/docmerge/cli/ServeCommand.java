package org.docmerge.cli;

import java.awt.Desktop;
import java.net.URI;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.docmerge.serve.WebServer;

/**
 * {@code docmerge serve}: the page staff use in a browser (drop a workbook, see the faults on the tables, download
 * the report). Runs until stopped with Ctrl+C.
 */
final class ServeCommand implements Command {
  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "启动网页版：在浏览器中生成空白工作簿、检查工作簿（错误标在表格上）、下载报告，不需要命令行";
  }

  @Override
  public String synopsis() {
    return "[--host 127.0.0.1] [--port 8080] [--open] [--collect 文件夹 [--db jdbc:postgresql://…]]";
  }

  @Override
  public void options(Options o) {
    o.addOption(Option.builder().longOpt("host").hasArg().argName("地址")
        .desc("监听的地址，默认 127.0.0.1（只有本机能打开）；0.0.0.0 让同一网络中的同事也能打开").build());
    o.addOption(Option.builder().longOpt("port").hasArg().argName("端口").desc("端口，默认 8080").build());
    o.addOption(Option.builder().longOpt("open").desc("启动后用默认浏览器打开页面").build());
    o.addOption(Option.builder().longOpt("collect").hasArg().argName("文件夹")
        .desc("同时开启年报收集（/collect/）：成员单位用各自的链接上传工作簿，收集单位查看进度并汇总；"
            + "数据库和全部提交的文件保存在这个文件夹中（见 docs/collect.md）").build());
    o.addOption(Option.builder().longOpt("db").hasArg().argName("JDBC地址")
        .desc("收集用的 PostgreSQL 数据库，如 jdbc:postgresql://服务器/数据库（用户和密码用环境变量 "
            + "DOCMERGE_DB_USER、DOCMERGE_DB_PASSWORD）；不给时使用收集文件夹中的内置数据库").build());
  }

  @Override
  public int run(CommandLine line, Console c) {
    if (line.getArgs().length > 0) {
      c.err.println("用法：docmerge serve [--host 127.0.0.1] [--port 8080] [--open]");
      return Main.USAGE;
    }
    String host = line.getOptionValue("host", "127.0.0.1").strip();
    int port;
    try {
      port = Integer.parseInt(line.getOptionValue("port", "8080").strip());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      c.err.println("--port 应是 1 到 65535 之间的数字，现在是「" + line.getOptionValue("port") + "」");
      return Main.USAGE;
    }
    if (line.hasOption("kind")) {
      c.err.println("serve 不需要 --kind：页面上按上传的文件判断报告类型，也可以在页面上选择。");
    }
    java.util.Map<String, jakarta.servlet.http.HttpServlet> mounts = new java.util.HashMap<>();
    org.docmerge.collect.Collect collect = null;
    if (line.hasOption("db") && !line.hasOption("collect")) {
      c.err.println("--db 只和 --collect 一起使用：请加上 --collect 文件夹（提交的文件保存在那里）。");
      return Main.USAGE;
    }
    if (line.hasOption("collect")) {
      try {
        collect = org.docmerge.collect.Collect.open(java.nio.file.Path.of(line.getOptionValue("collect")),
            line.getOptionValue("db"));
      } catch (Exception e) {
        c.err.println("无法打开收集文件夹或数据库：" + e.getMessage());
        return Main.USAGE;
      }
      mounts.put("/collect/*", new org.docmerge.collect.CollectServlet(collect,
          WebServer.Config.defaults(host, port).maxUploadBytes()));
    }
    WebServer server;
    try {
      server = WebServer.start(WebServer.Config.defaults(host, port), mounts);
    } catch (Exception e) {
      if (collect != null) {
        collect.close();
      }
      c.err.println("无法启动网页服务：" + (e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException
          ? "端口 " + port + " 可能已被占用，或地址「" + host + "」不属于本机。请换一个端口（--port 8081）再试。"
          : e.getClass().getSimpleName()));
      return Main.USAGE;
    }
    org.docmerge.collect.Collect opened = collect;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (opened != null) {
        opened.close();
      }
    }, "docmerge-serve-stop"));
    URI uri = server.uri();
    if (!WebServer.loopback(host)) {
      c.err.println("警告：网页服务监听在 " + host + "，同一网络中的其他电脑都能打开它并上传文件。"
          + "只在可信的办公网络中这样做；只供本机使用时去掉 --host（默认 127.0.0.1）。");
    }
    c.out.println("docmerge 网页版已启动：" + uri);
    if (collect != null) {
      c.out.println("年报收集：" + uri.resolve("/collect/") + "（首次打开时设置管理密码）");
    }
    c.out.println("在浏览器中打开上面的地址；按 Ctrl+C 停止。");
    if (line.hasOption("open")) {
      open(uri, c);
    }
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
    return Main.OK;
  }

  /** Opens the page in the default browser; says so when there is none (a server without a desktop). */
  private static void open(URI uri, Console c) {
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(uri);
        return;
      }
    } catch (Exception | LinkageError e) {
      // fall through to the message
    }
    c.out.println("无法自动打开浏览器，请手动打开：" + uri);
  }
}
