package org.docmerge.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * An exclusive lock on an output folder, so that two docmerge runs (two terminals, a scheduled job and a person,
 * two batch runs) never write into the same folder at the same time. The lock is an OS file lock ({@link
 * FileChannel#tryLock}) on a file named after the folder's canonical path (its SHA-256), kept where users do not
 * look: the per-user runtime directory ({@code $XDG_RUNTIME_DIR/docmerge-locks}) or, without one, {@code
 * /tmp/docmerge-locks-<user>} (mode 700, refused when another user owns it). Nothing is added to the user's
 * folder. The OS releases the lock when the process dies, even by {@code kill -9}, so a killed run never leaves
 * the folder locked. The lock file itself stays (deleting it would race with a run that has just opened it); it
 * holds the holder's pid and the folder's path. Two different users writing into one folder are not serialised
 * (each has their own lock directory); atomic publishing still keeps every file whole.
 *
 * <p>Use with try-with-resources. Not reentrant: a second acquire of the same folder in the same JVM reports
 * the folder as busy, like a second process would. Thread-safe.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name in the output folder before locks moved out of it; a folder holding one is an old output. */
  public static final String LEGACY_FILE = ".docmerge.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The per-user folder holding the lock files; made (mode 700) when missing. */
  static Path lockDir() throws IOException {
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    Path dir;
    if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime)) && Files.isWritable(Path.of(runtime))) {
      dir = Path.of(runtime, "docmerge-locks");
    } else {
      String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
      Path tmp = java.io.File.separatorChar == '/' ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
      dir = tmp.resolve("docmerge-locks-" + user);
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectory(dir);
        }
      } catch (FileAlreadyExistsException raced) {
        // made by a concurrent run: checked below
      }
    }
    if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("lock folder is not a folder: " + dir);
    }
    Object me = myUid();
    if (me != null && !me.equals(Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
      throw new IOException("lock folder belongs to another user: " + dir);
    }
    return dir;
  }

  /** This process's uid (the owner of /proc/self on Linux), or null where that cannot be told. */
  private static Object myUid() {
    try {
      return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The lock file for {@code folder}: named after its canonical path, so every spelling of it shares one lock. */
  static Path lockFile(Path folder) throws IOException {
    Path real = folder.toRealPath(); // throws for a missing folder, like creating a lock file in it did
    if (!Files.isDirectory(real)) {
      throw new NotDirectoryException(folder.toString());
    }
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(real.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
    return lockDir().resolve(HexFormat.of().formatHex(digest, 0, 16) + ".lock");
  }

  /**
   * Takes the folder's lock, waiting up to {@code wait} while another run holds it.
   *
   * @return the lock, or empty when another run still held it after {@code wait}
   * @throws IOException when the folder is missing or not writable, or the lock file cannot be created
   */
  public static Optional<FolderLock> acquire(Path folder, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (!Files.isWritable(folder)) {
        // nothing is written into the folder any more, but a folder we cannot write is no place to publish
        throw new AccessDeniedException(folder.toString());
      }
      Path file = lockFile(folder);
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = null;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException held) {
        // held by this JVM (another thread or an unfinished acquire): busy, like another process
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      if (l != null) {
        try {
          ch.truncate(0);
          ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n" + folder.toRealPath() + "\n")
              .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
          // the pid is only informative; the lock is what counts (a full disk must not block the lock)
        }
        return Optional.of(new FolderLock(ch, l));
      }
      ch.close();
      if (System.nanoTime() >= deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
