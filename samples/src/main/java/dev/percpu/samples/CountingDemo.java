package dev.percpu.samples;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuCounter;
import dev.percpu.PerCpuNestingException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts events per CPU from several threads, prints each CPU's count and the total (checked
 * against the number of events sent), then shows a nested access, entering a clone of an allocation
 * inside its own {@code with}, being caught at run time.
 *
 * <p>Run it from the repository root with {@code mvn -B -q -Pdemo -DskipTests verify}. The numbers
 * per CPU differ from run to run; the lines printed do not.
 */
public final class CountingDemo {
  /** The threads that count. */
  static final int THREADS = 4;

  /** Events each thread counts. */
  static final int EVENTS_PER_THREAD = 100_000;

  /** Per-CPU tallies updated in a closure: several fields change together under one pin. */
  static final class Tally {
    long events;
    long batches;
  }

  private CountingDemo() {}

  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  /**
   * Runs the demo, printing to {@code out}.
   *
   * @throws IllegalStateException if the total differs from the number of events counted
   */
  static void run(PrintStream out) throws InterruptedException {
    PerCpu<Tally> tallies = PerCpu.allocate(Tally::new);
    PerCpuCounter events = PerCpuCounter.allocate();

    out.printf(
        "percpu counting demo: %d threads x %d events on %d possible CPUs%n",
        THREADS, EVENTS_PER_THREAD, CpuGuard.possibleCpus());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> countEvents(tallies, events), "counter-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    long[] perCpu = new long[CpuGuard.possibleCpus()];
    CpuGuard.onEachCpu(guard -> perCpu[guard.cpu()] = tallies.get(guard).apply(t -> t.events));
    long total = 0;
    for (int cpu = 0; cpu < perCpu.length; cpu++) {
      out.printf("  cpu %d: %d events%n", cpu, perCpu[cpu]);
      total += perCpu[cpu];
    }
    long expected = (long) THREADS * EVENTS_PER_THREAD;
    out.printf(
        "  total: %d events (expected %d, PerCpuCounter.sum() %d)%n",
        total, expected, events.sum());
    if (total != expected || events.sum() != expected) {
      throw new IllegalStateException("lost updates: counted " + total + ", expected " + expected);
    }

    out.println("nested access: entering a clone of the allocation inside its own with(...)");
    out.println("  caught PerCpuNestingException: " + nestedAccess(tallies));
  }

  /** One thread's work: each event is one closure on this CPU's tally, plus one counter bump. */
  private static void countEvents(PerCpu<Tally> tallies, PerCpuCounter events) {
    int batch = 100;
    for (int sent = 0; sent < EVENTS_PER_THREAD; sent += batch) {
      try (CpuGuard guard = CpuGuard.pin()) {
        for (int i = 0; i < batch; i++) {
          tallies.get(guard).with(t -> t.events++);
          events.increment(guard);
        }
        tallies.get(guard).with(t -> t.batches++);
      }
    }
  }

  /** The mistake the checkers report at compile time, made on purpose to show the runtime check. */
  @SuppressWarnings("PerCpuNestedAccess")
  private static String nestedAccess(PerCpu<Tally> tallies) {
    PerCpu<Tally> alias = tallies.clone();
    try {
      tallies.with(outer -> alias.with(inner -> inner.events++));
    } catch (PerCpuNestingException e) {
      return e.getMessage();
    }
    throw new IllegalStateException("the nested access was not caught");
  }
}
