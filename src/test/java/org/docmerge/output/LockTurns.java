package org.docmerge.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A child process for {@link FolderLockTest}: takes the folder's lock {@code args[2]} times, each time writing
 * {@code +pid} and then {@code -pid} lines to the log file {@code args[1]}, so the parent can see whether two
 * processes were ever inside at once.
 */
public final class LockTurns {
  private LockTurns() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Path log = Path.of(args[1]);
    int turns = Integer.parseInt(args[2]);
    long pid = ProcessHandle.current().pid();
    for (int i = 0; i < turns; i++) {
      try (FolderLock held = FolderLock.acquire(folder, Duration.ofSeconds(30)).orElseThrow()) {
        Files.writeString(log, "+" + pid + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(1);
        Files.writeString(log, "-" + pid + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
    }
  }
}
