import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;
import dev.percpu.qual.Distinct;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Programs that never nest one allocation: the checker accepts every one of them. */
public class Accepted {

  static final PerCpu<AtomicLong> A = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> B = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<StringBuilder> LOG = PerCpu.allocate(StringBuilder::new);
  static final List<Runnable> LATER = new ArrayList<>();
  static Consumer<AtomicLong> stored;

  static void independentFreshAllocations() {
    A.with(a -> B.with(b -> b.addAndGet(a.get())));
  }

  static void independentLocals() {
    PerCpu<AtomicLong> x = PerCpu.allocate(AtomicLong::new);
    PerCpu<AtomicLong> y = PerCpu.allocate(AtomicLong::new);
    x.with(a -> y.with(b -> b.addAndGet(a.get())));
  }

  static void distinctSymbols() {
    PerCpu<AtomicLong> hits = PerCpu.symbol("hits", AtomicLong.class);
    PerCpu<AtomicLong> misses = PerCpu.symbol("misses", AtomicLong.class);
    hits.with(a -> misses.with(b -> b.incrementAndGet()));
  }

  static void symbolAndFresh() {
    PerCpu.symbol("hits", AtomicLong.class).with(a -> A.with(b -> b.incrementAndGet()));
  }

  static void differentTypeArguments(PerCpu<AtomicLong> counts, PerCpu<StringBuilder> text) {
    counts.with(a -> text.with(b -> b.append(a.get())));
  }

  static void sequentialEntriesOnClones() {
    PerCpu<AtomicLong> c = A.clone();
    A.with(a -> a.incrementAndGet());
    c.with(a -> a.incrementAndGet());
    A.clone().with(a -> a.incrementAndGet());
  }

  static void sequentialTokenEntries() {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = A.get(g);
      t.with(a -> a.incrementAndGet());
      t.with(a -> a.incrementAndGet());
    }
  }

  static PerCpu<AtomicLong> cloneTakenInsideAClosure() {
    List<PerCpu<AtomicLong>> out = new ArrayList<>();
    LOG.with(sb -> out.add(A.clone()));
    PerCpu<AtomicLong> later = out.get(0);
    later.with(a -> a.incrementAndGet());
    return later;
  }

  static void closureStoredForLater() {
    A.with(a -> LATER.add(() -> A.with(b -> b.incrementAndGet())));
    A.with(a -> stored = b -> A.with(c -> c.incrementAndGet()));
  }

  static Runnable closureReturned() {
    return () -> A.with(b -> b.incrementAndGet());
  }

  static void closureHandedToAnotherThread() {
    // A pool made by a JDK factory runs its tasks on its own threads; an executor of unknown
    // origin may not (tests/percpu/ExecutorReceivers.java).
    ExecutorService pool = Executors.newFixedThreadPool(2);
    A.with(a -> pool.execute(() -> A.with(b -> b.incrementAndGet())));
    A.with(a -> Executors.newSingleThreadExecutor().submit(() -> A.with(b -> b.get())));
    A.with(a -> new Thread(() -> A.with(b -> b.incrementAndGet())).start());
    A.with(a -> CompletableFuture.runAsync(() -> A.with(b -> b.incrementAndGet())));
  }

  static void possibleAliasesAnnotatedDistinct(
      @Distinct PerCpu<AtomicLong> from, @Distinct PerCpu<AtomicLong> into) {
    from.with(a -> into.with(b -> b.addAndGet(a.get())));
  }

  static void distinctLocalFromACollection(List<PerCpu<AtomicLong>> all) {
    @Distinct PerCpu<AtomicLong> first = all.get(0);
    first.with(a -> all.get(1).with(b -> b.incrementAndGet()));
  }

  static void distinctLoopVariable(List<PerCpu<AtomicLong>> all, PerCpu<AtomicLong> total) {
    for (@Distinct PerCpu<AtomicLong> h : all) {
      h.with(a -> total.with(b -> b.addAndGet(a.get())));
    }
  }

  static void distinctLocalAssignedLater(List<PerCpu<AtomicLong>> all) {
    @Distinct PerCpu<AtomicLong> first;
    first = all.get(0);
    first.with(a -> all.get(1).with(b -> b.incrementAndGet()));
  }

  static final class TwoShards {
    private final PerCpu<AtomicLong> left;
    private final PerCpu<AtomicLong> right;

    TwoShards() {
      left = PerCpu.allocate(AtomicLong::new);
      this.right = PerCpu.allocate(AtomicLong::new);
    }

    void move() {
      left.with(l -> right.with(r -> r.addAndGet(l.getAndSet(0))));
    }
  }

  static void fieldsAllocatedInTheConstructor() {
    new TwoShards().move();
  }

  static void helperEnteringSomethingElse() {
    A.with(a -> touchB());
  }

  private static void touchB() {
    B.with(b -> b.incrementAndGet());
  }

  static void onEachCpuWithTwoAllocations() {
    CpuGuard.onEachCpu(g -> A.get(g).with(a -> B.get(g).with(b -> b.addAndGet(a.get()))));
  }

  static void jdkMethodsReceivingHandles(List<PerCpu<AtomicLong>> all) {
    A.with(a -> {
      all.add(A);
      System.out.println(A);
    });
  }

  static void nestedPinWithoutReentry() {
    A.with(a -> {
      try (CpuGuard g = CpuGuard.pin()) {
        B.get(g).with(b -> b.incrementAndGet());
      }
    });
  }
}
