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
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Technical;

/**
 * Publishes a file atomically: the bytes go to {@code .<name>.<pid>.<random>.tmp} in the target's folder, are
 * forced to disk, and only then appear under the final name. Without {@code overwrite} the final name is
 * created with a hard link, which fails atomically when the name exists (a rename would silently replace it on
 * Linux). A reader therefore sees the old file or the complete new one, never a partial one. Publishing holds
 * the folder's {@link FolderLock}, so two runs never write into one folder at once, and the stale temp files of
 * killed runs are removed under that lock. Thread-safe.
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
      if (in != null && (in.toAbsolutePath().normalize().equals(abs) || sameFile(in, abs))) {
        return Optional.of(Diagnostic.error("OUT.SAME_AS_INPUT", Location.file(target.toString()),
            "输出文件与输入文件是同一个文件。请换一个输出文件名，以免覆盖原始数据"));
      }
    }
    Path file = abs.getFileName();
    int bytes = file == null ? 0 : file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > SafeNames.MAX_BYTES) {
      return Optional.of(Diagnostic.error("OUT.NAME_TOO_LONG", Location.file(target.toString()),
          "输出文件名太长：" + bytes + " 字节，文件系统最多允许 " + SafeNames.MAX_BYTES + " 字节（约 85 个汉字）。请换一个短一些的文件名"));
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
    if (!Files.isWritable(dir)) {
      return Optional.of(notWritable(target, dir));
    }
    return Optional.empty();
  }

  /** Same file through a symbolic or hard link (both must exist to compare). */
  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Diagnostic notWritable(Path target, Path dir) {
    return Diagnostic.error("OUT.NOT_WRITABLE", Location.file(target.toString()),
        "输出目录不可写：" + dir + "（只读或没有写入权限）。请换一个有写入权限的文件夹");
  }

  /** How long a run waits for another run's lock on the output folder: publishing itself takes milliseconds. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(2);

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
    Path dir = abs.getParent();
    Optional<FolderLock> lock;
    try {
      lock = FolderLock.acquire(dir, LOCK_WAIT);
    } catch (IOException e) {
      return Optional.of(failure(target, dir, e));
    }
    if (lock.isEmpty()) {
      return Optional.of(Diagnostic.error("OUT.LOCKED", Location.file(target.toString()),
          "另一个任务正在写入该目录：" + dir + "。请等它结束后再运行，或换一个输出文件夹"));
    }
    Optional<Diagnostic> result;
    try {
      result = publishLocked(target, abs, dir, writer, options);
    } finally {
      try {
        lock.get().close();
      } catch (IOException e) {
        // releasing failed: the OS releases the lock when this process ends; the result stands
      }
    }
    return result;
  }

  /**
   * The temp file's name: {@code .<name>.<pid>.<random>.tmp}, with the name shortened (by UTF-8 bytes) so the
   * whole stays within NAME_MAX even for a 255-byte output name.
   */
  static String tempName(String name) {
    String suffix = "." + ProcessHandle.current().pid() + "." + HexFormat.of().formatHex(randomBytes()) + ".tmp";
    int budget = 255 - 1 - suffix.length();
    StringBuilder stem = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes + n > budget) {
        break;
      }
      stem.appendCodePoint(cp);
      bytes += n;
      i += Character.charCount(cp);
    }
    return "." + stem + suffix;
  }

  private static Optional<Diagnostic> publishLocked(Path target, Path abs, Path dir, Writer writer, Options options) {
    cleanStale(dir);
    Staged staged;
    try {
      staged = stage(abs, writer, true);
    } catch (IOException e) {
      return Optional.of(failure(target, dir, e));
    }
    return staged.commit(options);
  }

  /**
   * A complete file under a hidden temporary name in its target's folder, not yet visible under the target
   * name. A batch stages every document first (holding the folder's {@link FolderLock} itself) and publishes
   * only when no two inputs claim the same name; a {@code kill -9} in between leaves only temporary files,
   * which {@link #cleanStale} removes on the next run. Commit or discard it exactly once; not thread-safe.
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
      } catch (IOException e) {
        return Optional.of(failure(target, target.getParent(), e));
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
   * Writes the complete file under a temporary name beside {@code target}, without taking the folder's lock
   * (the caller holds it). With {@code force} the bytes reach the disk before this returns (a batch may instead
   * rely on the file system's ordering and skip the per-file fsync: a crash then loses recent files, but never
   * shows a partial one under a final name).
   */
  public static Staged stage(Path target, Writer writer, boolean force) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path tmp = abs.getParent().resolve(tempName(abs.getFileName().toString()));
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

  /** The diagnostic for a failed write: exists, not writable, or anything else (a full disk). */
  private static Diagnostic failure(Path target, Path dir, IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return Diagnostic.error("OUT.EXISTS", Location.file(target.toString()),
          "输出文件已存在（可能是另一个任务刚刚写入）。请换一个文件名，或加上 --overwrite 确认替换");
    }
    if (e instanceof AccessDeniedException
        || e instanceof FileSystemException fse && fse.getReason() != null && fse.getReason().contains("Read-only")) {
      return notWritable(target, dir);
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null && fse.getReason().contains("File name too long")) {
      return Diagnostic.error("OUT.NAME_TOO_LONG", Location.file(target.toString()),
          "输出文件名或路径太长，文件系统不接受。请换一个短一些的文件名或文件夹；没有留下不完整的文件" + Technical.of(e));
    }
    return Diagnostic.error("OUT.WRITE_FAILED", Location.file(target.toString()),
        "写入输出文件失败，可能是磁盘已满；没有留下不完整的文件，原有文件未被改动" + Technical.of(e));
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
