package org.docmerge.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.docmerge.diag.Codes;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Technical;
import org.junit.jupiter.api.Test;

/** The worker pool batch and aggregate share: order, progress, a task that throws, cancellation. */
class WorkersTest {

  /** A task returning {@code "r" + i} after {@code sleep(i)} milliseconds; a fault says {@code "fault " + code}. */
  private static Workers.Task<String> task(java.util.function.IntFunction<String> body) {
    return new Workers.Task<>() {
      @Override
      public String run(int i) {
        return body.apply(i);
      }

      @Override
      public String fault(int i, Diagnostic fault) {
        return "fault " + fault.code() + " " + Technical.hide(fault.message());
      }
    };
  }

  @Test
  void resultsComeInInputOrderWhateverOrderTheTasksFinishIn() throws Exception {
    List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
    List<String> out = Workers.run(12, 3, "t", task(i -> {
      sleep((12 - i) * 15L); // the first inputs take longest
      finished.add(i);
      return "r" + i;
    }), Batch.Progress.NONE);
    assertEquals(IntStream.range(0, 12).mapToObj(i -> "r" + i).toList(), out);
    assertNotEquals(IntStream.range(0, 12).boxed().toList(), finished, "the tasks really finished out of order");
  }

  @Test
  void progressCountsEveryTaskOnceUpToTheTotal() throws Exception {
    List<Integer> done = Collections.synchronizedList(new ArrayList<>());
    List<Integer> totals = Collections.synchronizedList(new ArrayList<>());
    Workers.run(25, 4, "t", task(i -> "r" + i), (d, t) -> {
      done.add(d);
      totals.add(t);
    });
    assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), done.stream().sorted().toList());
    assertTrue(totals.stream().allMatch(t -> t == 25));
  }

  @Test
  void aTaskThatThrowsBecomesAnInternalFaultAndTheOthersStillRun() throws Exception {
    List<String> out = Workers.run(5, 2, "t", task(i -> {
      if (i == 1) {
        throw new IllegalStateException("bug");
      }
      if (i == 3) {
        throw new StackOverflowError();
      }
      return "r" + i;
    }), Batch.Progress.NONE);
    assertEquals("r0", out.get(0));
    assertEquals("fault BATCH.INTERNAL 内部错误：请把这个文件发给维护人员", out.get(1));
    assertEquals("r2", out.get(2));
    assertEquals("fault BATCH.INTERNAL 内部错误：请把这个文件发给维护人员", out.get(3));
    assertEquals("r4", out.get(4));
    assertEquals(Codes.Exit.INTERNAL, Codes.exit(Workers.INTERNAL), "an internal fault exits 3 where it decides the exit");
  }

  @Test
  void aFaultKeepsItsTechnicalDetailForVerbose() {
    Diagnostic d = Workers.fault(new IllegalStateException("bug"));
    assertTrue(d.isError());
    assertTrue(d.message().contains("IllegalStateException: bug"), d.message());
  }

  @Test
  void interruptingTheCallerCancelsTheRestAndWaitsForRunningTasks() throws Exception {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(2);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicInteger endedWhenReturned = new AtomicInteger(-1);
    Thread caller = new Thread(() -> {
      try {
        Workers.run(50, 2, "t", task(i -> {
          started.incrementAndGet();
          running.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            sleep(200); // a task that takes a moment to stop (removing a temporary file, say)
            Thread.currentThread().interrupt();
          } finally {
            ended.incrementAndGet();
          }
          return "r" + i;
        }), Batch.Progress.NONE);
      } catch (Throwable t) {
        thrown.set(t);
        endedWhenReturned.set(ended.get());
      }
    });
    caller.start();
    assertTrue(running.await(10, TimeUnit.SECONDS));
    long t0 = System.nanoTime();
    caller.interrupt();
    caller.join(20_000);
    assertFalse(caller.isAlive());
    assertTrue((System.nanoTime() - t0) / 1e9 < 10, "a cancelled run returns promptly");
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    assertEquals(2, started.get(), "no task starts after the cancellation");
    assertEquals(2, endedWhenReturned.get(), "run returns only once the running tasks have ended");
  }

  @Test
  void noTasksNoThreads() throws Exception {
    assertEquals(List.of(), Workers.run(0, 4, "t", task(i -> "r" + i), (d, t) -> {
      throw new AssertionError("no progress without tasks");
    }));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
