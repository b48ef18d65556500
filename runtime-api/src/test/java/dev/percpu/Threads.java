package dev.percpu;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Test helpers for running code on other threads and waiting for them without sleeping. */
final class Threads {
  private Threads() {}

  /** Runs {@code body} on a new thread, waits for it, and rethrows what it threw. */
  static void runOnOtherThread(Runnable body) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "other");
    thread.start();
    thread.join();
    rethrow(failure.get());
  }

  /** Rethrows {@code t} unchanged if it is unchecked, wrapped otherwise; nothing if null. */
  static void rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    } else if (t instanceof Error) {
      throw (Error) t;
    } else if (t != null) {
      throw new AssertionError(t);
    }
  }

  /**
   * Waits until {@code thread} is parked (it has found every slot taken and gone to sleep). The
   * enclosing test's timeout bounds the wait.
   */
  static void awaitParked(Thread thread) {
    for (; ; ) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
        return;
      }
      if (state == Thread.State.TERMINATED) {
        throw new AssertionError(thread.getName() + " ended instead of waiting");
      }
      Thread.yield();
    }
  }

  /** Starts a daemon thread that pins, reports its CPU, then holds the pin until released. */
  static final class Holder implements AutoCloseable {
    private final Thread thread;
    private final CountDownLatch pinned = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int cpu = -1;

    Holder(String name) {
      thread =
          new Thread(
              () -> {
                try (CpuGuard guard = CpuGuard.pin()) {
                  cpu = guard.cpu();
                  pinned.countDown();
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              name);
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits until the holder is pinned and returns its CPU. */
    int awaitPinned() throws InterruptedException {
      pinned.await();
      return cpu;
    }

    @Override
    public void close() throws InterruptedException {
      release.countDown();
      thread.join();
    }
  }
}
