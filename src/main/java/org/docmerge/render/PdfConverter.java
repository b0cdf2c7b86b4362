package org.docmerge.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * invocation (start-up, about a second, is paid once per group, not once per document). A {@link Session} takes
 * documents while they are still being made (a batch's reports as they are rendered) and starts LibreOffice on the
 * first ones while the rest are rendered; {@link #convertAll} is a session given a whole batch at once;
 * {@link #convert} converts one document (a web request). Thread-safe: a
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
    // tcmalloc when installed: the same PDFs for 12-18 % less CPU (LibreOfficeAllocator)
    env.putAll(LibreOfficeAllocator.environment());
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
   * Converts many documents, in groups spread over up to {@code parallelism} workers: a {@link Session} given
   * every document at once.
   *
   * @return one result per document, in order
   */
  public List<Result<byte[]>> convertAll(List<Document> documents, int parallelism) {
    List<Result<byte[]>> results = new ArrayList<>();
    if (documents.isEmpty()) {
      return results;
    }
    try (Session s = session(parallelism, documents.size())) {
      List<Future<Result<byte[]>>> futures = new ArrayList<>();
      for (Document d : documents) {
        futures.add(s.submit(d));
      }
      s.finish();
      for (int i = 0; i < futures.size(); i++) {
        results.add(Session.await(futures.get(i), documents.get(i).name()));
      }
    }
    return results;
  }

  /**
   * A conversion session for documents that are still being made (a batch rendering its reports): see
   * {@link Session}.
   *
   * @param parallelism how many soffice this session runs at once (at most the converter's workers)
   * @param expected how many documents will probably be submitted (a hint for the chunk sizes; more or fewer
   *     may come)
   */
  public Session session(int parallelism, int expected) {
    return new Session(Math.max(1, Math.min(parallelism, maxWorkers)), Math.max(0, expected), maxChunk);
  }

  /** Largest number of documents one soffice converts in one start while more are expected (see {@link Session}). */
  static final int MAX_CHUNK = 32;

  private int maxChunk = MAX_CHUNK;

  /** For measurements and tests: the largest chunk of a session. */
  void maxChunk(int max) {
    this.maxChunk = Math.max(1, max);
  }

  /**
   * Documents submitted one by one while LibreOffice already converts earlier ones. Up to {@code parallelism}
   * worker loops each take a chunk of the submitted documents, run one soffice over it (its start-up paid once per
   * chunk), complete the chunk's futures and take the next chunk. A loop takes a chunk once it holds its share of
   * what is still to come (submitted or expected, not yet taken): that split into equal chunks of at most
   * {@link #MAX_CHUNK}, as few as that allows and a whole number per free loop; or whatever is queued when the session
   * is {@linkplain #finish finished}: with 40 reports and two loops, one soffice starts with the first 20 while
   * the rest are still being rendered, the other with the last 20 — two starts, as for a batch given whole, but the
   * first one overlapping the rendering. Every guarantee of the converter holds per chunk: a document that fails in
   * a chunk is retried alone, once (not after a timeout); the timeout is per document; soffice runs in the
   * converter's folder, killed with the converter. Results come as futures, one per document, each completed as
   * soon as its chunk is done. Thread-safe.
   *
   * <p>{@link #close} after {@link #finish} waits for nothing: the futures are what callers wait for. Closed
   * before every future is done (an interrupted caller), it cancels: documents not yet converted fail with
   * 「PDF 转换被中断」, running soffice are killed, and close returns once the loops have ended.
   */
  public final class Session implements AutoCloseable {
    private record Pending(Document document, CompletableFuture<Result<byte[]>> result) {}

    private final int loops;
    private final int maxChunk;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final List<Future<?>> running = new ArrayList<>();
    private int expectedLeft;
    private int busy;
    private int alive;
    private int outstanding;
    private boolean finished;
    private boolean cancelled;

    private Session(int loops, int expected, int maxChunk) {
      this.loops = loops;
      this.expectedLeft = expected;
      this.maxChunk = maxChunk;
    }

    /** Queues a document; its PDF (or why there is none) completes the future. */
    public CompletableFuture<Result<byte[]>> submit(Document d) {
      CompletableFuture<Result<byte[]>> f = new CompletableFuture<>();
      if (!available()) {
        f.complete(noLibreOffice(d));
        return f;
      }
      synchronized (state) {
        if (closed) {
          f.complete(Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()),
              "PDF 转换服务已关闭。Word 文档已生成，可以在 Word 中另存为 PDF。")));
          return f;
        }
      }
      synchronized (this) {
        if (finished || cancelled) {
          throw new IllegalStateException("session finished");
        }
        pending.add(new Pending(d, f));
        outstanding++;
        if (running.isEmpty()) {
          ExecutorService exec = pool();
          for (int i = 0; i < loops; i++) {
            running.add(exec.submit(this::loop));
          }
        }
        notifyAll();
      }
      return f;
    }

    /** No more documents: what is queued is converted without waiting for more. */
    public synchronized void finish() {
      finished = true;
      notifyAll();
    }

    /** Finishes the session; cancels what is not converted yet if it was not finished (see the class comment). */
    @Override
    public void close() {
      List<Future<?>> loopsToStop;
      synchronized (this) {
        finished = true;
        notifyAll();
        if (outstanding == 0) {
          return;
        }
        cancelled = true;
        for (Pending p : pending) {
          p.result().complete(interrupted(p.document()));
        }
        pending.clear();
        loopsToStop = List.copyOf(running);
      }
      loopsToStop.forEach(l -> l.cancel(true));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      synchronized (this) {
        while (alive > 0 && System.nanoTime() < until) {
          try {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }

    /**
     * A submitted document's result, waiting for it; an interrupted wait gives 「PDF 转换被中断」 (and keeps the
     * thread's interrupt status).
     *
     * @param name the document's name for that message
     */
    public static Result<byte[]> await(Future<Result<byte[]>> f, String name) {
      return await(f, name, failed -> failed);
    }

    /**
     * What a future derived from a submitted document holds (a PDF staged by the caller, say), waiting for it; an
     * interrupted or failed wait is turned into a value by {@code failed}, from the same failure a document's own
     * future would hold.
     */
    public static <T> T await(Future<T> f, String name, java.util.function.Function<Result<byte[]>, T> failed) {
      Document d = new Document(new byte[0], name);
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed.apply(interrupted(d));
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        return failed.apply(unexpected(d, e.getCause() == null ? e : e.getCause()));
      }
    }

    private void loop() {
      synchronized (this) {
        alive++; // counted here, not at submit: a loop cancelled before it started never runs
      }
      try {
        loopChunks();
      } finally {
        synchronized (this) {
          alive--;
          notifyAll();
        }
      }
    }

    private void loopChunks() {
      while (true) {
        List<Pending> chunk;
        try {
          chunk = take();
        } catch (InterruptedException e) {
          return;
        }
        if (chunk == null) {
          return;
        }
        try {
          List<Result<byte[]>> results = group(chunk.stream().map(Pending::document).toList());
          for (int i = 0; i < chunk.size(); i++) {
            chunk.get(i).result().complete(results.get(i));
          }
        } catch (RuntimeException | Error e) {
          chunk.forEach(p -> p.result().complete(unexpected(p.document(), e)));
        } finally {
          synchronized (this) {
            busy--;
            outstanding -= chunk.size();
            notifyAll();
          }
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    }

    /** The next chunk for a free loop, waiting for it; null when the session is over. */
    private synchronized List<Pending> take() throws InterruptedException {
      while (true) {
        if (cancelled || (finished && pending.isEmpty())) {
          return null;
        }
        int free = Math.max(1, loops - busy);
        int unclaimed = finished ? pending.size() : Math.max(pending.size(), expectedLeft);
        // Equal chunks of at most maxChunk, as few as that allows, a whole number of them per free loop.
        int rounds = Math.max(1, ceilDiv(unclaimed, free * maxChunk));
        int share = Math.max(1, ceilDiv(unclaimed, free * rounds));
        if (!pending.isEmpty() && (finished || pending.size() >= share)) {
          List<Pending> chunk = new ArrayList<>();
          while (chunk.size() < share && !pending.isEmpty()) {
            chunk.add(pending.poll());
          }
          expectedLeft = Math.max(0, expectedLeft - chunk.size());
          busy++;
          return chunk;
        }
        wait();
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private Result<byte[]> noLibreOffice(Document d) {
    return Result.failed(Diagnostic.error(NO_LIBREOFFICE, Location.file(d.name()),
        "未找到 LibreOffice（soffice），无法生成 PDF。请安装 Debian 软件包 libreoffice-writer-nogui"
            + "（sudo apt-get install libreoffice-writer-nogui），或不生成 PDF。"));
  }

  private static Result<byte[]> interrupted(Document d) {
    return Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()), "PDF 转换被中断。"));
  }

  private static Result<byte[]> unexpected(Document d, Throwable e) {
    return Result.failed(Diagnostic.error(PDF_FAILED, Location.file(d.name()),
        "PDF 转换出现意外问题（" + e.getClass().getSimpleName() + "）。Word 文档已生成，可以在 Word 中另存为 PDF。"));
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
      return docs.stream().map(PdfConverter::interrupted).toList();
    }
    try {
      List<Result<byte[]>> results = run(w, docs);
      if (docs.size() > 1) {
        for (int i = 0; i < docs.size() && !Thread.currentThread().isInterrupted(); i++) {
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
      } catch (InterruptedException e) {
        kill(p); // a cancelled conversion leaves no LibreOffice behind
        throw e;
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
