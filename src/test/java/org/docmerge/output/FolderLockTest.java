package org.docmerge.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {
  @TempDir Path dir;

  @Test
  void aSecondHolderInTheSameJvmIsRefusedUntilTheFirstReleases() throws Exception {
    try (FolderLock first = FolderLock.acquire(dir, Duration.ZERO).orElseThrow()) {
      assertTrue(FolderLock.acquire(dir, Duration.ofMillis(200)).isEmpty());
    }
    Optional<FolderLock> again = FolderLock.acquire(dir, Duration.ZERO);
    assertTrue(again.isPresent());
    again.get().close();
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "nothing is added to the locked folder");
    }
  }

  @Test
  void anotherProcessHoldingTheLockBlocksAndItsKillReleasesIt() throws Exception {
    Process child = holder();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", r.readLine());
      assertTrue(FolderLock.acquire(dir, Duration.ofMillis(300)).isEmpty(), "held by the child");
      // Publishing into the folder is refused with OUT.LOCKED, and nothing is written.
      var refused = SafeOutput.publish(dir.resolve("报告.docx"), new byte[] {1, 2, 3}, SafeOutput.Options.NO_CLOBBER);
      assertEquals("OUT.LOCKED", refused.orElseThrow().code());
      assertFalse(Files.exists(dir.resolve("报告.docx")));
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      try (FolderLock mine = FolderLock.acquire(dir, Duration.ofSeconds(5)).orElseThrow()) {
        assertTrue(mine != null, "the OS released the killed process's lock");
      }
    } finally {
      child.destroyForcibly();
    }
  }

  /** A child JVM holding this test's folder's lock (it prints "locked" once it has it). */
  private Process holder() throws java.io.IOException {
    return java(LockHolder.class, dir.toString()).redirectErrorStream(true).start();
  }

  private static ProcessBuilder java(Class<?> main, String... args) {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        main.getName()));
    cmd.addAll(java.util.List.of(args));
    return new ProcessBuilder(cmd);
  }

  @Test
  void everySpellingOfAFolderSharesOneLock() throws Exception {
    Path sub = java.nio.file.Files.createDirectories(dir.resolve("输出"));
    Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), sub);
    try (FolderLock held = FolderLock.acquire(sub, Duration.ZERO).orElseThrow()) {
      assertTrue(FolderLock.acquire(link, Duration.ZERO).isEmpty(), "through a symbolic link");
      assertTrue(FolderLock.acquire(dir.resolve("输出/../输出"), Duration.ZERO).isEmpty(), "through ..");
    }
    assertFalse(FolderLock.lockFile(sub).startsWith(dir), "the lock lives outside the user's folder");
  }

  @Test
  void manyThreadsTakingTurnsNeverHoldTheLockTogether() throws Exception {
    java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger turns = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 50; i++) {
          try {
            Optional<FolderLock> l = FolderLock.acquire(dir, Duration.ofSeconds(10));
            if (l.isEmpty()) {
              continue;
            }
            try (FolderLock held = l.get()) {
              if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              turns.incrementAndGet();
              inside.decrementAndGet();
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertEquals(0, overlaps.get(), "two holders at once");
    assertEquals(200, turns.get(), "every turn got the lock");
  }

  @Test
  void noLockFileIsLeftBehindAfterUseOrAfterAKilledHolder() throws Exception {
    Path lockFile = FolderLock.lockFile(dir);
    try (FolderLock held = FolderLock.acquire(dir, Duration.ZERO).orElseThrow()) {
      assertTrue(Files.exists(lockFile), "the lock file exists while the lock is held");
    }
    assertFalse(Files.exists(lockFile), "its holder deleted the lock file");
    Process child = holder();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", r.readLine());
      child.destroyForcibly();
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      assertTrue(Files.exists(lockFile), "a killed holder cannot delete its lock file");
      FolderLock.acquire(dir, Duration.ofSeconds(5)).orElseThrow().close();
      assertFalse(Files.exists(lockFile), "the next run took it over and deleted it");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void processesTakingTurnsNeverHoldTheLockTogetherThoughEachDeletesTheFile() throws Exception {
    Path log = Files.createTempFile("docmerge-turns-", ".log");
    try {
      java.util.List<Process> children = new java.util.ArrayList<>();
      for (int c = 0; c < 3; c++) {
        children.add(java(LockTurns.class, dir.toString(), log.toString(), "40").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
      }
      for (Process p : children) {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a child finished its turns");
        assertEquals(0, p.exitValue(), "every turn got the lock");
      }
      java.util.List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertEquals(3 * 40 * 2, lines.size());
      for (int i = 0; i < lines.size(); i += 2) {
        assertTrue(lines.get(i).startsWith("+") && lines.get(i + 1).equals("-" + lines.get(i).substring(1)),
            "turn " + i / 2 + " was not alone: " + lines.subList(i, Math.min(lines.size(), i + 4)));
      }
      assertFalse(Files.exists(FolderLock.lockFile(dir)), "no lock file stays after the last turn");
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void aMissingFolderIsAnIoErrorNotALock() {
    org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> FolderLock.acquire(dir.resolve("missing"), Duration.ZERO));
  }
}
