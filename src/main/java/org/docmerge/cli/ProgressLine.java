package org.docmerge.cli;

import java.io.PrintStream;
import org.docmerge.batch.Batch;

/**
 * Progress of a batch on stderr: on a terminal one line redrawn in place (at most ten times a second), else a
 * plain line every tenth of the work or every ten seconds, so logs stay readable. Thread-safe.
 */
final class ProgressLine implements Batch.Progress {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean terminal;
  private final String what;
  private final long start = System.nanoTime();
  private long lastPrint;
  private int lastDecile = -1;
  private boolean drawn;

  ProgressLine(PrintStream err, boolean terminal, String what) {
    this.err = err;
    this.terminal = terminal;
    this.what = what;
  }

  static boolean isTerminal() {
    return System.console() != null;
  }

  @Override
  public synchronized void update(int done, int total) {
    long now = System.nanoTime();
    double secs = (now - start) / 1e9;
    String rate = secs > 0 ? String.format("%.0f 份/秒", done / secs) : "";
    if (terminal) {
      if (done < total && now - lastPrint < 100_000_000L) {
        return;
      }
      lastPrint = now;
      int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
      err.print("\r" + what + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + rate + "  ");
      drawn = true;
      if (done == total) {
        err.println();
        drawn = false;
      }
      err.flush();
    } else {
      int decile = total == 0 ? 10 : (int) ((long) done * 10 / total);
      if (decile != lastDecile || now - lastPrint > 10_000_000_000L) {
        lastDecile = decile;
        lastPrint = now;
        err.println(what + "：" + done + "/" + total + "（" + rate + "）");
      }
    }
  }

  /** Ends a redrawn line, so what follows starts on its own line. */
  synchronized void finish() {
    if (drawn) {
      err.println();
      drawn = false;
    }
  }
}
