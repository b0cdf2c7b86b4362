package org.docmerge.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Technical;

/**
 * The worker pool of batch and aggregate: runs tasks {@code 0 … n-1} on up to {@code jobs} threads, each thread
 * taking the next index until none is left, and returns their results in index order. After each task the progress
 * callback is told how many are done. A task that throws (a bug, a stack overflow on a hostile file, memory) does not
 * end the run: it becomes that index's result through {@link Task#fault}, given an internal-fault diagnostic
 * ({@value #INTERNAL}, exit class internal). Interrupting the calling thread cancels the run: no further task starts,
 * running ones are interrupted, and {@link #run} returns (throwing {@link InterruptedException}) only once they have
 * ended or a grace period has passed, so a caller can clean up what tasks produced without racing them.
 *
 * <p>Stateless; the threads are daemons that live only during {@link #run}.
 */
public final class Workers {
  /** The code of a task's unexpected failure. */
  public static final String INTERNAL = "BATCH.INTERNAL";

  /** How long a cancelled run waits for its running tasks to notice. */
  static final long GRACE_SECONDS = 30;

  private Workers() {}

  /** One unit of work, and what stands for it when it throws. */
  public interface Task<T> {
    /** The result for index {@code i}; called on a worker thread. */
    T run(int i) throws Exception;

    /** The result for index {@code i} whose {@link #run} threw; {@code fault} says so (an internal error). */
    T fault(int i, Diagnostic fault);
  }

  /**
   * Runs {@code n} tasks on {@code jobs} threads (at least one, at most {@code n}).
   *
   * @param name the threads' name
   * @param progress told {@code (done, n)} after each task, from the worker threads
   * @return the n results, in index order
   * @throws InterruptedException when the calling thread was interrupted: the run was cancelled
   */
  public static <T> List<T> run(int n, int jobs, String name, Task<T> task, Batch.Progress progress)
      throws InterruptedException {
    Object[] results = new Object[n];
    if (n == 0) {
      return List.of();
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean cancelled = new AtomicBoolean();
    int threads = Math.max(1, Math.min(jobs, n));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    try {
      for (int j = 0; j < threads; j++) {
        pool.execute(() -> {
          for (int i = next.getAndIncrement(); i < n && !cancelled.get(); i = next.getAndIncrement()) {
            T r;
            try {
              r = task.run(i);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return; // only a cancelled run interrupts its workers
            } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
              r = task.fault(i, fault(e));
            }
            results[i] = r;
            progress.update(done.incrementAndGet(), n);
          }
        });
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        // keep waiting: a run of any size finishes
      }
    } catch (InterruptedException e) {
      cancelled.set(true);
      pool.shutdownNow();
      // Let running tasks end before the caller cleans up after them (they are interrupted; a task is short).
      boolean ended = false;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
      while (!ended && System.nanoTime() < until) {
        try {
          ended = pool.awaitTermination(until - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException again) {
          // still cancelling: keep the grace period
        }
      }
      throw e;
    }
    List<T> out = new ArrayList<>(n);
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      T t = (T) r;
      out.add(t);
    }
    return out;
  }

  /** The diagnostic standing for a task that threw: an internal fault, with the detail for --verbose. */
  static Diagnostic fault(Throwable e) {
    return Diagnostic.error(INTERNAL, Location.NONE, "内部错误：请把这个文件发给维护人员" + Technical.of(e));
  }
}
