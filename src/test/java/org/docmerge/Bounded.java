package org.docmerge;

import java.time.Duration;

/**
 * The fuzz targets' time oracle: one input must finish within a bound, otherwise a pathological file could stall
 * a night's batch. libFuzzer's own {@code -timeout} would also catch a hang, but only after 20 minutes by
 * default; this fails the input itself, so the finding names it.
 */
public final class Bounded {
  /** Generous for a 2-core shared machine with Jazzer's instrumentation; a real file takes well under a second. */
  public static final Duration PER_INPUT = Duration.ofSeconds(30);

  private Bounded() {}

  public static void check(long startNanos, String what) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    if (ms > PER_INPUT.toMillis()) {
      throw new AssertionError(what + " took " + ms + " ms for one input (bound " + PER_INPUT.toMillis() + " ms)");
    }
  }
}
