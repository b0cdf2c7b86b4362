package org.docmerge.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * An exclusive lock on an output folder, so that two docmerge runs (two terminals, a scheduled job and a person,
 * two batch runs) never write into the same folder at the same time. The lock is an OS file lock ({@link
 * FileChannel#tryLock}) on {@value #FILE} in that folder: the OS releases it when the process dies, even by
 * {@code kill -9}, so a killed run never leaves the folder locked. The lock file itself stays (deleting it would
 * race with a run that has just opened it); it is empty apart from the holder's pid.
 *
 * <p>Use with try-with-resources. Not reentrant: a second acquire of the same folder in the same JVM reports
 * the folder as busy, like a second process would. Thread-safe.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name in the locked folder. */
  public static final String FILE = ".docmerge.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the folder's lock, waiting up to {@code wait} while another run holds it.
   *
   * @return the lock, or empty when another run still held it after {@code wait}
   * @throws IOException when the lock file cannot be created (read-only folder, missing folder)
   */
  public static Optional<FolderLock> acquire(Path folder, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      FileChannel ch = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
          ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
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
