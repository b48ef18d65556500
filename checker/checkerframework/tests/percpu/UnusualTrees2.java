import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.Enters;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** More unusual shapes: analysed without failing, verdicts where they apply. */
public class UnusualTrees2 {

  static final PerCpu<AtomicLong> A = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> B = PerCpu.allocate(AtomicLong::new);

  static {
    A.with(a -> a.set(1));
  }

  enum Op {
    BUMP {
      @Override
      void apply() {
        A.with(a -> a.incrementAndGet());
      }
    };

    @Enters("UnusualTrees2.A")
    abstract void apply();
  }

  record Wrapper(PerCpu<AtomicLong> handle) {
    Wrapper {
      handle.with(v -> {});
    }
  }

  interface Helpers {
    @Enters("UnusualTrees2.B")
    static void touchB() {
      B.with(b -> b.incrementAndGet());
    }
  }

  class Inner {
    @Enters({"UnusualTrees2.A", "UnusualTrees2.B"})
    void go() {
      A.with(a -> Helpers.touchB());
    }
  }

  static void enumConstantBody() {
    A.with(a -> {
      // :: error: [nested.entry]
      Op.BUMP.apply();
    });
  }

  static void castAndConditionalClosures(boolean flag) {
    A.with((Consumer<AtomicLong>) a -> B.with(b -> {}));
    A.with(flag ? a -> B.with(b -> {}) : a -> {});
    A.with(flag
        ? a -> {
          // :: error: [nested.entry]
          A.with(b -> {});
        }
        : a -> {});
  }

  static void labelsSynchronizedAndResources(Object lock) {
    outer:
    for (int i = 0; i < 2; i++) {
      synchronized (lock) {
        try (CpuGuard g = CpuGuard.pin(); CpuGuard h = CpuGuard.pin()) {
          A.get(g).with(a -> B.get(h).with(b -> {}));
          if (i == 1) {
            break outer;
          }
        }
      }
    }
  }

  static void factoriesAndReferences() {
    Supplier<PerCpu<AtomicLong>> make = () -> PerCpu.allocate(AtomicLong::new);
    Function<PerCpu<AtomicLong>, PerCpu<AtomicLong>> copy = PerCpu::clone;
    PerCpu<AtomicLong> fresh = make.get();
    copy.apply(fresh).with(a -> {});
    List<Consumer<AtomicLong>> actions = List.of(a -> {}, a -> a.incrementAndGet());
    for (Consumer<AtomicLong> action : actions) {
      A.with(action);
    }
  }

  @SafeVarargs
  @Enters("B")
  static void varargClosures(Consumer<AtomicLong>... actions) {
    for (Consumer<AtomicLong> action : actions) {
      B.with(action);
    }
  }

  static void callsVarargs() {
    varargClosures(a -> {}, a -> A.with(x -> {}));
  }

  static void localRecordAndInnerCreation() {
    record Pair(int a, int b) {}
    new Pair(1, 2);
    new UnusualTrees2().new Inner().go();
  }

  void instanceReferences() {
    A.with(this::consume);
  }

  void consume(AtomicLong a) {
    a.incrementAndGet();
  }
}
