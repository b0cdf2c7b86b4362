package org.docmerge.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;

/**
 * Converts .docx to PDF with headless LibreOffice, as a long-lived service: up to {@code workers} LibreOffice
 * profiles, each used by one soffice at a time, and each soffice converting a whole group of documents in one
 * invocation (start-up, about a second, is paid once per group, not once per document). {@link #convertAll}
 * spreads a batch over the workers; {@link #convert} converts one document (a web request). Thread-safe: a
 * worker is borrowed from a queue, so concurrent callers never share a profile (a second soffice on one
 * profile exits 1 with no output).
 *
 * <p>Lifecycle: nothing starts until the first conversion, which creates this run's folder {@code
 * docmerge-pdf-p<pid>-<start>-<n>} in the temporary directory (profiles, copies of the documents, logs) after
 * cleaning the folders of dead runs ({@link OfficeTemp#cleanStale}: a {@code kill -9} of docmerge leaves them,
 * and any soffice still running on them is killed). {@link #close} kills running soffice processes and deletes
 * the folder; the facade closes its converter when the JVM exits. soffice itself exits after each group, so no
 * LibreOffice outlives a conversion.
 *
 * <p>Every profile is seeded so that LibreOffice never fetches anything from the network: linked images and other
 * external references blocked ({@code BlockUntrustedRefererLinks}), links never updated, macros off, and every
 * proxy pointed at a closed local port. The soffice process and its environment are built in one place,
 * {@link #processBuilder}; {@link #defaultEnvironment} is where variables LibreOffice needs (such as a fontconfig
 * file) are added.
 *
 * <p>soffice exits 0 even when it could not load a file, so success is judged by each PDF itself (present,
 * starts with {@code %PDF-}).
 *
 * <table>
 *   <caption>Diagnostic codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@value #NO_LIBREOFFICE}</td><td>soffice not found or not executable</td></tr>
 *   <tr><td>{@value #PDF_FAILED}</td><td>soffice ran but wrote no valid PDF, or could not be started</td></tr>
 *   <tr><td>{@value #PDF_TIMEOUT}</td><td>soffice did not finish in time and was killed</td></tr>
 * </table>
 */
public final class PdfConverter implements AutoCloseable {
  public static final String NO_LIBREOFFICE = "RENDER.NO_LIBREOFFICE";
  public static final String PDF_FAILED = "RENDER.PDF_FAILED";
  public static final String PDF_TIMEOUT = "RENDER.PDF_TIMEOUT";

  /** A document to convert: its bytes and its name for messages. */
  public record Document(byte[] docx, String name) {}

  private final Optional<Path> soffice;
  private final Duration timeout;
  private final int maxWorkers;
  private final Map<String, String> environment;
  private final Path tempRoot;

  private final Object state = new Object();
  private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private Path runDir;
  private int workersMade;
  private boolean closed;
  private ExecutorService pool;

  /**
   * @param soffice the soffice executable, or empty when none was found
   * @param timeout how long one document may take
   */
  public PdfConverter(Optional<Path> soffice, Duration timeout) {
    this(soffice, timeout, Runtime.getRuntime().availableProcessors(), defaultEnvironment(),
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * @param workers how many soffice may run at once (each with its own profile)
   * @param environment variables added to soffice's environment
   * @param tempRoot where this run's folder is made (and dead runs' folders are cleaned)
   */
  public PdfConverter(Optional<Path> soffice, Duration timeout, int workers, Map<String, String> environment,
      Path tempRoot) {
    this.soffice = soffice;
    this.timeout = timeout;
    this.maxWorkers = Math.max(1, workers);
    this.environment = Map.copyOf(environment);
    this.tempRoot = tempRoot;
  }

  /** A converter using the first {@code soffice} on PATH, 120 s per document, one worker per core. */
  public static PdfConverter fromPath() {
    return new PdfConverter(findOnPath("soffice"), Duration.ofSeconds(120));
  }

  /**
   * What docmerge adds to soffice's environment. The place for settings LibreOffice reads from the environment
   * (such as {@code FONTCONFIG_FILE} for the official fonts' substitutes).
   */
  public static Map<String, String> defaultEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    // belt and braces with the profile's proxy settings: nothing in a conversion may reach the network
    env.put("http_proxy", OfficeTemp.DEAD_PROXY_URL);
    env.put("https_proxy", OfficeTemp.DEAD_PROXY_URL);
    env.put("HTTP_PROXY", OfficeTemp.DEAD_PROXY_URL);
    env.put("HTTPS_PROXY", OfficeTemp.DEAD_PROXY_URL);
    env.put("no_proxy", "");
    // the official font names mapped to free faces of the same style (仿宋 → FandolFang …), without touching the document
    env.putAll(LibreOfficeFonts.environment());
    return env;
  }

  /** Whether a conversion can be tried at all (soffice found and executable). */
  public boolean available() {
    return soffice.isPresent() && Files.isExecutable(soffice.get());
  }

  static Optional<Path> findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The one place a soffice process is built: command line, environment. */
  ProcessBuilder processBuilder(List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(environment);
    return pb;
  }

  /**
   * Converts one document.
   *
   * @param docx the .docx bytes
   * @param name the document's name for diagnostics, such as {@code 2021年报告.docx}
   * @return the PDF bytes, or diagnostics saying why there is none
   */
  public Result<byte[]> convert(byte[] docx, String name) {
    return convertAll(List.of(new Document(docx, name)), 1).get(0);
  }

  /**
   * Converts many documents, in groups spread over up to {@code parallelism} workers.
   *
   * @return one result per document, in order
   */
  public List<Result<byte[]>> convertAll(List<Document> documents, int parallelism) {
    List<Result<byte[]>> results = new ArrayList<>();
    if (documents.isEmpty()) {
      return results;
    }
    if (soffice.isEmpty() || !Files.isExecutable(soffice.get())) {
      for (Document d : documents) {
        results.add(Result.failed(Diagnostic.error(NO_LIBREOFFICE, Location.file(d.name()),
            "未找到 LibreOffice（soffice），无法生成 PDF。请安装 Debian 软件包 libreoffice-writer-nogui"
                + "（sudo apt-get install libreoffice-writer-nogui），或不生成 PDF。")));
      }
      return results;
    }
    int groups = Math.max(1, Math.min(Math.min(parallelism, maxWorkers), documents.size()));
    List<List<Document>> split = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int from = documents.size() * g / groups;
      int to = documents.size() * (g + 1) / groups;
      split.add(documents.subList(from, to));
    }
    if (groups == 1) {
      return group(split.get(0));
    }
    List<Future<List<Result<byte[]>>>> futures = new ArrayList<>();
    ExecutorService exec = pool();
    for (List<Document> part : split) {
      futures.add(exec.submit(() -> group(part)));
    }
    for (int g = 0; g < groups; g++) {
      try {
        results.addAll(futures.get(g).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        for (Document d : split.get(g)) {
          results.add(Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()), "PDF 转换被中断。")));
        }
      } catch (ExecutionException e) {
        for (Document d : split.get(g)) {
          results.add(Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()),
              "PDF 转换出现意外问题（" + e.getCause().getClass().getSimpleName() + "）。Word 文档已生成，可以在 Word 中另存为 PDF。")));
        }
      }
    }
    return results;
  }

  private ExecutorService pool() {
    synchronized (state) {
      if (pool == null) {
        pool = Executors.newCachedThreadPool(r -> {
          Thread t = new Thread(r, "docmerge-pdf");
          t.setDaemon(true);
          return t;
        });
      }
      return pool;
    }
  }

  /** One group on one worker; documents that fail in a group are retried alone, once. */
  private List<Result<byte[]>> group(List<Document> docs) {
    Worker w;
    try {
      w = borrow();
    } catch (IOException e) {
      return docs.stream().map(d -> Result.<byte[]>failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()),
          "无法建立 PDF 转换的临时文件夹（" + e.getMessage() + "）。Word 文档已生成，可以在 Word 中另存为 PDF。"))).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return docs.stream().map(d -> Result.<byte[]>failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()),
          "PDF 转换被中断。"))).toList();
    }
    try {
      List<Result<byte[]>> results = run(w, docs);
      if (docs.size() > 1) {
        for (int i = 0; i < docs.size(); i++) {
          if (results.get(i).value().isEmpty() && results.get(i).diagnostics().stream().noneMatch(d -> d.code().equals(PDF_TIMEOUT))) {
            results.set(i, run(w, List.of(docs.get(i))).get(0));
          }
        }
      }
      return results;
    } finally {
      idle.addFirst(w);
    }
  }

  private Worker borrow() throws IOException, InterruptedException {
    synchronized (state) {
      if (closed) {
        throw new IOException("转换服务已关闭");
      }
      Worker w = idle.pollFirst();
      if (w != null) {
        return w;
      }
      if (workersMade < maxWorkers) {
        if (runDir == null) {
          OfficeTemp.cleanStale(tempRoot);
          runDir = OfficeTemp.newRunDir(tempRoot);
        }
        Path dir = runDir.resolve("w" + workersMade);
        Files.createDirectories(dir);
        OfficeTemp.seedProfile(dir.resolve("profile"));
        workersMade++;
        return new Worker(dir);
      }
    }
    return idle.takeFirst();
  }

  private record Worker(Path dir) {}

  private List<Result<byte[]>> run(Worker w, List<Document> docs) {
    Path job = w.dir().resolve("job");
    List<Result<byte[]>> results = new ArrayList<>();
    try {
      deleteQuietly(job);
      Path in = Files.createDirectories(job.resolve("in"));
      Path out = Files.createDirectories(job.resolve("out"));
      List<String> cmd = new ArrayList<>(List.of(soffice.get().toString(), "--headless", "--invisible", "--norestore",
          "--nolockcheck", "--nologo", "--nodefault", "--nofirststartwizard",
          "-env:UserInstallation=" + w.dir().resolve("profile").toUri(), "--convert-to", "pdf:writer_pdf_Export",
          "--outdir", out.toString()));
      for (int i = 0; i < docs.size(); i++) {
        Path f = in.resolve((i + 1) + ".docx");
        Files.write(f, docs.get(i).docx());
        cmd.add(f.toString());
      }
      Path log = job.resolve("soffice.log");
      Process p = processBuilder(cmd).directory(job.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      running.add(p);
      boolean finished;
      try {
        finished = p.waitFor(timeout.toMillis() * docs.size(), TimeUnit.MILLISECONDS);
      } finally {
        if (!p.isAlive()) {
          running.remove(p);
        }
      }
      if (!finished) {
        kill(p);
        for (Document d : docs) {
          results.add(Result.failed(Diagnostic.error(PDF_TIMEOUT, Location.file(d.name()),
              "LibreOffice 在 " + timeout.toSeconds() * docs.size() + " 秒内没有完成 PDF 转换，已终止。请稍后重试，或检查文档是否过大。")));
        }
        return results;
      }
      String logText = null;
      for (int i = 0; i < docs.size(); i++) {
        Path pdf = out.resolve((i + 1) + ".pdf");
        if (Files.isRegularFile(pdf) && startsWithPdf(pdf)) {
          results.add(Result.of(Files.readAllBytes(pdf), List.of()));
        } else {
          if (logText == null) {
            logText = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
          }
          results.add(Result.failed(Diagnostic.error(PDF_FAILED, Location.file(docs.get(i).name()),
              "LibreOffice 没有生成 PDF（退出码 " + p.exitValue() + (logText.isEmpty() ? "" : "，输出：" + excerpt(logText))
                  + "）。Word 文档已生成，可以在 Word 中另存为 PDF。")));
        }
      }
      return results;
    } catch (IOException e) {
      results.clear();
      for (Document d : docs) {
        results.add(Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()), "无法运行 LibreOffice 转换 PDF：" + e.getMessage())));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      results.clear();
      for (Document d : docs) {
        results.add(Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()), "PDF 转换被中断。")));
      }
      return results;
    } finally {
      deleteQuietly(job);
    }
  }

  /** Kills soffice and what it started (soffice forks soffice.bin, which would otherwise live on). */
  private void kill(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    running.remove(p);
  }

  /** Kills any soffice still running and deletes this run's folder. Later conversions fail. Idempotent. */
  @Override
  public void close() {
    Path dir;
    synchronized (state) {
      closed = true;
      dir = runDir;
      runDir = null;
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    for (Process p : List.copyOf(running)) {
      try {
        kill(p);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deleteQuietly(dir);
  }

  private static boolean startsWithPdf(Path pdf) throws IOException {
    try (InputStream in = Files.newInputStream(pdf)) {
      byte[] head = in.readNBytes(5);
      return new String(head, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }
  }

  private static String excerpt(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // left behind: the next run's cleanStale removes it
    }
  }
}
