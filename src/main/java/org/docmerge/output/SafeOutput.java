package org.docmerge.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;

/**
 * Publishes a file atomically: the bytes go to {@code .<name>.<pid>.<random>.tmp} in the target's folder, are
 * forced to disk, and only then appear under the final name. Without {@code overwrite} the final name is
 * created with a hard link, which fails atomically when the name exists (a rename would silently replace it on
 * Linux). A reader therefore sees the old file or the complete new one, never a partial one. Thread-safe.
 */
public final class SafeOutput {
  private static final Pattern TEMP = Pattern.compile("^\\..+\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SafeOutput() {}

  /** What publishing needs to know. */
  public record Options(boolean overwrite) {
    public static final Options NO_CLOBBER = new Options(false);
  }

  /**
   * Refuses, before any work, an output that cannot be published: same file as an input, existing without
   * {@code overwrite}, a folder, a missing or read-only folder.
   */
  public static Optional<Diagnostic> preflight(Path target, Options options, Path... inputs) {
    Path abs = target.toAbsolutePath().normalize();
    for (Path in : inputs) {
      if (in != null && in.toAbsolutePath().normalize().equals(abs)) {
        return Optional.of(Diagnostic.error("OUT.SAME_AS_INPUT", Location.file(target.toString()),
            "输出文件与输入文件是同一个文件。请换一个输出文件名，以免覆盖原始数据"));
      }
    }
    if (Files.isDirectory(abs)) {
      return Optional.of(Diagnostic.error("OUT.IS_FOLDER", Location.file(target.toString()),
          "输出路径是一个文件夹。请写出完整的文件名，如 报告.docx"));
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !options.overwrite()) {
      return Optional.of(Diagnostic.error("OUT.EXISTS", Location.file(target.toString()),
          "输出文件已存在。为防止覆盖，docmerge 不会替换它；请换一个文件名，或加上 --overwrite 确认替换"));
    }
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.of(Diagnostic.error("OUT.NO_FOLDER", Location.file(target.toString()),
          "输出文件夹不存在：" + dir + "。请先建立文件夹"));
    }
    return Optional.empty();
  }

  /** Writes {@code bytes} to {@code target} atomically; the diagnostic says why it could not. */
  public static Optional<Diagnostic> publish(Path target, byte[] bytes, Options options) {
    return publish(target, out -> out.write(bytes), options);
  }

  /** What fills the temporary file. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes through {@code writer} to a temporary file, then publishes it under {@code target}. */
  public static Optional<Diagnostic> publish(Path target, Writer writer, Options options) {
    Path abs = target.toAbsolutePath().normalize();
    cleanStale(abs.getParent());
    Staged staged;
    try {
      staged = stage(abs, writer, true);
    } catch (IOException e) {
      return Optional.of(writeFailed(target, abs.getParent(), e));
    }
    return staged.commit(options);
  }

  /**
   * A complete file under a hidden temporary name in its target's folder, not yet visible under the target
   * name. A batch stages every document first and publishes only when no two inputs claim the same name; a
   * {@code kill -9} in between leaves only temporary files, which {@link #cleanStale} removes on the next run.
   * Commit or discard it exactly once; not thread-safe.
   */
  public static final class Staged {
    private final Path target;
    private final Path tmp;

    private Staged(Path target, Path tmp) {
      this.target = target;
      this.tmp = tmp;
    }

    public Path target() {
      return target;
    }

    /** Publishes under the target name (atomically; without overwrite, never replacing a file). */
    public Optional<Diagnostic> commit(Options options) {
      try {
        if (options.overwrite()) {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
          linkNoClobber(target, tmp);
        }
        return Optional.empty();
      } catch (FileAlreadyExistsException e) {
        return Optional.of(Diagnostic.error("OUT.EXISTS", Location.file(target.toString()),
            "输出文件已存在（可能是以前生成的，或另一个任务刚刚写入）。请换一个文件名或输出文件夹，或加上 --overwrite 确认替换"));
      } catch (AccessDeniedException e) {
        return Optional.of(Diagnostic.error("OUT.NOT_WRITABLE", Location.file(target.toString()),
            "输出文件夹不可写：" + target.getParent() + "。请换一个有写入权限的文件夹"));
      } catch (IOException e) {
        return Optional.of(writeFailed(target, target.getParent(), e));
      } finally {
        discard();
      }
    }

    /** Removes the temporary file; the target is untouched. */
    public void discard() {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the next run's cleanStale removes it
      }
    }
  }

  /**
   * Writes the complete file under a temporary name beside {@code target}. With {@code force} the bytes reach
   * the disk before this returns (a batch may instead rely on the file system's ordering and skip the per-file
   * fsync: a crash then loses recent files, but never shows a partial one under a final name).
   */
  public static Staged stage(Path target, Writer writer, boolean force) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path tmp = abs.getParent().resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
        + HexFormat.of().formatHex(randomBytes()) + ".tmp");
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        writer.write(out);
        out.flush();
        if (force) {
          ch.force(true);
        }
      }
      done = true;
      return new Staged(abs, tmp);
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static Diagnostic writeFailed(Path target, Path dir, IOException e) {
    if (e instanceof AccessDeniedException) {
      return Diagnostic.error("OUT.NOT_WRITABLE", Location.file(target.toString()),
          "输出文件夹不可写：" + dir + "。请换一个有写入权限的文件夹");
    }
    return Diagnostic.error("OUT.WRITE_FAILED", Location.file(target.toString()),
        "写入输出文件失败（" + e.getMessage() + "）。可能是磁盘已满；没有留下不完整的文件");
  }

  private static void linkNoClobber(Path target, Path tmp) throws IOException {
    try {
      Files.createLink(target, tmp);
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof FileAlreadyExistsException fae) {
        throw fae;
      }
      if (e instanceof AccessDeniedException ade) {
        throw ade;
      }
      // No hard links on this file system (FAT, some network shares): a plain move still refuses an existing
      // target, only not atomically with the check.
      Files.move(tmp, target);
    }
  }

  /** Removes temp files of runs that are no longer alive (a {@code kill -9} leaves them behind). */
  public static void cleanStale(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path p : ds) {
        Matcher m = TEMP.matcher(p.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // cleaning is best effort; publishing never depends on it
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }
}
