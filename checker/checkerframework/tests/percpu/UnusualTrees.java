import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.Enters;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/** Unusual but valid shapes: the checker must analyse them without failing. */
public class UnusualTrees {

  @SuppressWarnings({"rawtypes", "unchecked"})
  static void rawHandle(PerCpu raw) {
    raw.with(v -> {});
  }

  static final PerCpu<AtomicLong> A = PerCpu.allocate(AtomicLong::new);
  static final Supplier<PerCpu<AtomicLong>> FACTORY = () -> PerCpu.allocate(AtomicLong::new);

  final PerCpu<AtomicLong> own;

  @Enters("A")
  UnusualTrees() {
    this(PerCpu.allocate(AtomicLong::new));
  }

  @Enters("A")
  UnusualTrees(PerCpu<AtomicLong> own) {
    super();
    this.own = own;
  }

  {
    A.with(a -> a.incrementAndGet());
  }

  enum Mode { ONE, TWO }

  record Pair(PerCpu<AtomicLong> left, PerCpu<AtomicLong> right) {}

  static long switchExpression(Mode m) {
    return switch (m) {
      case ONE -> A.apply(a -> a.get());
      case TWO -> 0L;
    };
  }

  static Function<Integer, Runnable> curried() {
    return i -> () -> A.with(a -> a.addAndGet(i));
  }

  static void localClass() {
    class Local {
      void go() {
        A.with(a -> a.incrementAndGet());
      }
    }
    new Local().go();
  }

  static void varargs(PerCpu<?>... handles) {
    for (PerCpu<?> h : handles) {
      h.with(v -> {});
    }
  }

  static void constructorReferences(List<String> names) {
    names.stream().map(StringBuilder::new).forEach(sb -> sb.append('x'));
    Supplier<UnusualTrees> s = UnusualTrees::new;
    s.get();
  }

  static void guards() {
    try (CpuGuard g = CpuGuard.pin()) {
      int cpu = g.cpu();
      A.get(g).with(a -> a.addAndGet(cpu));
    }
  }

  static void patternVariable(Object o) {
    if (o instanceof PerCpu<?> p) {
      p.with(v -> {});
    }
  }
}
