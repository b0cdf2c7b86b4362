package org.docmerge.serve;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running server of {@code docmerge serve}. Jetty accepts connections and parses uploads on its own bounded
 * pool; the document work (read, check, render) runs on a pool of {@link Config#workers} threads, one per core by
 * default, so twenty browsers do not make twenty parses compete for two cores. Thread-safe; {@link #close} stops
 * it and removes its private upload folder.
 */
public final class WebServer implements AutoCloseable {
  /**
   * How to run.
   *
   * @param host the address to bind: 127.0.0.1 by default (only this computer); 0.0.0.0 for the office network
   * @param port the port; 0 picks a free one (tests)
   * @param maxUploadBytes the largest file accepted (the workbook reader's limit, 20 MB unless configured)
   * @param workers threads doing document work
   */
  public record Config(String host, int port, long maxUploadBytes, int workers) {
    public static Config defaults(String host, int port) {
      return new Config(host, port, Api.maxUploadBytes(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor workers;
  private final Path uploads;
  private final String host;

  private WebServer(Server server, ServerConnector connector, ThreadPoolExecutor workers, Path uploads, String host) {
    this.server = server;
    this.connector = connector;
    this.workers = workers;
    this.uploads = uploads;
    this.host = host;
  }

  /** Starts the server; returns once it accepts connections. */
  public static WebServer start(Config config) throws Exception {
    return start(config, java.util.Map.of());
  }

  /**
   * As {@link #start(Config)}, with more servlets mounted at their path specs (such as {@code /collect/*} of
   * {@code serve --collect}), under the same upload limits and security headers.
   */
  public static WebServer start(Config config, java.util.Map<String, jakarta.servlet.http.HttpServlet> mounts)
      throws Exception {
    Path uploads = Files.createTempDirectory("docmerge-serve-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(64, config.workers() * 32)), r -> {
          Thread t = new Thread(r, "docmerge-work-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());

    QueuedThreadPool http = new QueuedThreadPool(Math.max(32, config.workers() * 16), 4);
    http.setName("docmerge-http");
    Server server = new Server(http);
    HttpConfiguration httpConfig = new HttpConfiguration();
    httpConfig.setSendServerVersion(false);
    httpConfig.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    // Two files of the largest size, plus the form fields: anything bigger is refused before it is all read.
    long maxRequest = config.maxUploadBytes() * 2 + (1 << 20);
    ServletHolder api = new ServletHolder("api", new ApiServlet(new Api(workers, config.maxUploadBytes())));
    // The parser takes a whole request up to maxRequest, whatever its parts' sizes, and ApiServlet refuses a part over
    // the limit afterwards: a parse aborted mid-body answered 413 on a connection the client was still writing to,
    // and clients then saw a reset instead of the Chinese message.
    api.getRegistration().setMultipartConfig(
        new MultipartConfigElement(uploads.toString(), maxRequest, maxRequest, 1 << 20));
    context.addServlet(api, "/api/*");
    for (var mount : mounts.entrySet()) {
      ServletHolder h = new ServletHolder(mount.getKey(), mount.getValue());
      // Like the API: the mount refuses a part over the limit itself, after the whole request was read.
      h.getRegistration().setMultipartConfig(
          new MultipartConfigElement(uploads.toString(), maxRequest, maxRequest, 1 << 20));
      context.addServlet(h, mount.getKey());
    }
    context.addServlet(new ServletHolder("page", new PageServlet()), "/");
    context.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
    context.addFilter(new FilterHolder(new SameOrigin()), "/*", EnumSet.of(DispatcherType.REQUEST));
    if (loopback(config.host())) {
      context.addFilter(new FilterHolder(new LocalHostOnly()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowCauses(false);
    errors.setShowMessageInTitle(false);
    server.setErrorHandler(errors);
    context.setErrorHandler(new QuietErrors());
    server.setHandler(context);
    server.setStopTimeout(5_000);
    try {
      server.start();
    } catch (Exception e) {
      workers.shutdownNow();
      deleteTree(uploads);
      throw e;
    }
    return new WebServer(server, connector, workers, uploads, config.host());
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The address to open in a browser: http://127.0.0.1:8080/ (a wildcard bind shows as 127.0.0.1). */
  public URI uri() {
    String h = host;
    if (h == null || h.isBlank() || h.equals("0.0.0.0") || h.equals("::")) {
      h = "127.0.0.1";
    }
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return URI.create("http://" + h + ":" + port() + "/");
  }

  /** Whether {@code host} lets only this computer in (127.0.0.1, ::1, localhost). */
  public static boolean loopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping: nothing left to do with it
    }
    workers.shutdownNow();
    deleteTree(uploads);
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort: a temp folder
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }

  /** Jetty's own error pages (a malformed request Jetty refuses itself): status and reason, never a stack trace. */
  private static final class QuietErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    QuietErrors() {
      setShowStacks(false);
      setShowMessageInTitle(false);
    }
  }
}
