package org.docmerge.output;

import java.nio.file.Path;
import java.time.Duration;

/** A child process for {@link FolderLockTest}: takes the folder's lock, says so, and waits to be killed. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    FolderLock lock = FolderLock.acquire(Path.of(args[0]), Duration.ofSeconds(5)).orElseThrow();
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(60_000);
    lock.close();
  }
}
