package org.docmerge.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;

/**
 * Converts a .docx to PDF with headless LibreOffice. Each conversion runs in its own temporary folder with its
 * own LibreOffice profile: a second soffice on a shared fresh profile exits 1 with no output. soffice exits 0
 * even when it could not load the file, so success is judged by the PDF itself (present, non-empty, starts
 * with {@code %PDF}). Immutable and thread-safe: concurrent calls do not share files.
 *
 * <table>
 *   <caption>Diagnostic codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@value #NO_LIBREOFFICE}</td><td>soffice not found or not executable</td></tr>
 *   <tr><td>{@value #PDF_FAILED}</td><td>soffice ran but wrote no valid PDF, or could not be started</td></tr>
 *   <tr><td>{@value #PDF_TIMEOUT}</td><td>soffice did not finish in time and was killed</td></tr>
 * </table>
 */
public final class PdfConverter {
  public static final String NO_LIBREOFFICE = "RENDER.NO_LIBREOFFICE";
  public static final String PDF_FAILED = "RENDER.PDF_FAILED";
  public static final String PDF_TIMEOUT = "RENDER.PDF_TIMEOUT";

  private final Optional<Path> soffice;
  private final Duration timeout;

  /**
   * @param soffice the soffice executable, or empty when none was found
   * @param timeout how long one conversion may take
   */
  public PdfConverter(Optional<Path> soffice, Duration timeout) {
    this.soffice = soffice;
    this.timeout = timeout;
  }

  /** A converter using the first {@code soffice} on PATH, with a 120 s timeout. */
  public static PdfConverter fromPath() {
    return new PdfConverter(findOnPath("soffice"), Duration.ofSeconds(120));
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

  /**
   * Converts one document.
   *
   * @param docx the .docx bytes
   * @param name the document's name for diagnostics, such as {@code 2021年报告.docx}
   * @return the PDF bytes, or diagnostics saying why there is none
   */
  public Result<byte[]> convert(byte[] docx, String name) {
    Location where = Location.file(name);
    if (soffice.isEmpty() || !Files.isExecutable(soffice.get())) {
      return Result.failed(Diagnostic.error(NO_LIBREOFFICE, where,
          "未找到 LibreOffice（soffice），无法生成 PDF。请安装 Debian 软件包 libreoffice-writer-nogui"
              + "（sudo apt-get install libreoffice-writer-nogui），或不生成 PDF。"));
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("docmerge-pdf-");
      Path in = dir.resolve("report.docx");
      Files.write(in, docx);
      Path out = dir.resolve("out");
      Files.createDirectory(out);
      List<String> cmd = List.of(soffice.get().toString(), "--headless", "--norestore", "--nolockcheck",
          "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", out.toString(),
          in.toString());
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("soffice.log").toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // Kill the whole tree: soffice forks soffice.bin, which would otherwise live on.
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return Result.failed(Diagnostic.error(PDF_TIMEOUT, where,
            "LibreOffice 在 " + timeout.toSeconds() + " 秒内没有完成 PDF 转换，已终止。请稍后重试，或检查文档是否过大。"));
      }
      Path pdf = out.resolve("report.pdf");
      if (!Files.isRegularFile(pdf) || Files.size(pdf) < 5 || !startsWithPdf(pdf)) {
        String log = Files.exists(dir.resolve("soffice.log")) ? Files.readString(dir.resolve("soffice.log"), StandardCharsets.UTF_8).strip() : "";
        return Result.failed(Diagnostic.error(PDF_FAILED, where,
            "LibreOffice 没有生成 PDF（退出码 " + p.exitValue() + (log.isEmpty() ? "" : "，输出：" + excerpt(log)) + "）。Word 文档已生成，可以在 Word 中另存为 PDF。"));
      }
      return Result.of(Files.readAllBytes(pdf), List.of());
    } catch (IOException e) {
      return Result.failed(Diagnostic.error(PDF_FAILED, where, "无法运行 LibreOffice 转换 PDF：" + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.failed(Diagnostic.error(PDF_FAILED, where, "PDF 转换被中断。"));
    } finally {
      deleteQuietly(dir);
    }
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

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp folder left behind is harmless; the conversion result is what matters.
    }
  }
}
