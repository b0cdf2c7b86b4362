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
import java.util.Map;
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
 * the folder locked. The lock file does not pile up: its holder deletes it before releasing the lock. A run that
 * opened the file just before it was deleted then locks a file no longer in the folder of locks; it notices (after
 * locking, the file it has open must be the file at the path: compared by inode through {@code /proc/self/fd},
 * without opening the file again, since closing any descriptor of a file drops the process's lock on it) and tries
 * again on the current file, so two runs never both believe they hold the lock. A file left by a killed run is
 * taken over and deleted by the next run. Where {@code /proc} is missing (not Linux) the file stays, as it did
 * before. The file holds the holder's pid and the folder's path. Two different users
 * writing into one folder are not serialised (each has their own lock directory); atomic publishing still keeps
 * every file whole.
 *
 * <p>Threads of one JVM are kept apart before any file is opened (a set of the lock files held by this process):
 * POSIX releases a process's lock when any of its descriptors of that file is closed, so a second thread must not
 * open, fail and close the file while the first holds it.
 *
 * <p>Use with try-with-resources. Not reentrant: a second acquire of the same folder in the same JVM reports
 * the folder as busy, like a second process would. Thread-safe.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name in the output folder before locks moved out of it; a folder holding one is an old output. */
  public static final String LEGACY_FILE = ".docmerge.lock";

  /** The lock files this JVM holds (see the class comment). */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean deleteOnClose;

  private FolderLock(Path file, FileChannel channel, FileLock lock, boolean deleteOnClose) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.deleteOnClose = deleteOnClose;
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
      Optional<FolderLock> taken = tryTake(folder, file);
      if (taken == null) {
        continue; // locked a file that had just been deleted by its holder: take the current one
      }
      if (taken.isPresent()) {
        return taken;
      }
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

  /**
   * One attempt at the lock file.
   *
   * @return the lock; empty when another run (or thread) holds it; null when the file locked was no longer the one
   *     at the path (deleted by its last holder meanwhile), so the caller tries again at once
   */
  private static Optional<FolderLock> tryTake(Path folder, Path file) throws IOException {
    if (!HELD.add(file)) {
      return Optional.empty(); // another thread of this JVM holds it
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException held) {
        l = null;
      }
      if (l == null) {
        ch.close();
        HELD.remove(file);
        return Optional.empty();
      }
      try {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n" + folder.toRealPath() + "\n")
            .getBytes(StandardCharsets.UTF_8)), 0);
      } catch (IOException e) {
        // the pid is only informative; the lock is what counts (a full disk must not block the lock)
      }
      Boolean current = isOpenHere(file);
      if (Boolean.FALSE.equals(current)) {
        l.release();
        ch.close();
        HELD.remove(file);
        return null;
      }
      boolean written = current != null; // known to be the file at the path: ours to delete when done
      return Optional.of(new FolderLock(file, ch, l, written));
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      HELD.remove(file);
      throw e;
    }
  }

  /**
   * Whether the file at {@code file} is open in this process (Linux: one of {@code /proc/self/fd} is that inode),
   * found without opening it; null when that cannot be told here. Only the thread holding {@code file} in
   * {@link #HELD} has it open, so a match is that thread's descriptor.
   */
  private static Boolean isOpenHere(Path file) {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return null;
    }
    Map<String, Object> atPath;
    try {
      atPath = Files.readAttributes(file, "unix:ino,dev", LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
    try (var entries = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) entries::iterator) {
        try {
          if (atPath.equals(Files.readAttributes(fd, "unix:ino,dev"))) {
            return true;
          }
        } catch (IOException | RuntimeException gone) {
          // a descriptor closed meanwhile, or one that is not a file
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    try {
      if (deleteOnClose) {
        // Still ours: only a holder of the file at this path ever deletes it.
        Files.deleteIfExists(file);
      }
    } finally {
      try {
        lock.release();
      } finally {
        try {
          channel.close();
        } finally {
          HELD.remove(file);
        }
      }
    }
  }
}
