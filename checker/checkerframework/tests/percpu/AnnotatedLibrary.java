import dev.percpu.PerCpu;
import dev.percpu.qual.Deferred;
import dev.percpu.qual.Distinct;
import dev.percpu.qual.Entering;
import dev.percpu.qual.Enters;
import dev.percpu.qual.InvokesClosure;
import dev.percpu.qual.PreservesAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A library compiled separately from its clients, described by its annotations. */
public class AnnotatedLibrary {

  // Another file cannot see this initialiser: @Distinct tells clients it aliases no other handle.
  public static final @Distinct PerCpu<AtomicLong> REQUESTS = PerCpu.allocate(AtomicLong::new);
  private static final List<Runnable> QUEUE = new ArrayList<>();

  /** Declared effect: enters REQUESTS. */
  @Enters("AnnotatedLibrary.REQUESTS")
  public static void record() {
    REQUESTS.with(r -> r.incrementAndGet());
  }

  /** Declared effect: enters what its first parameter reaches. */
  @Enters("#1")
  public static void bump(PerCpu<AtomicLong> handle) {
    handle.with(v -> v.incrementAndGet());
  }

  /** Declared effect: enters nothing, although it receives a handle. */
  @Enters({})
  public static String describe(PerCpu<AtomicLong> handle) {
    return String.valueOf(handle);
  }

  /** A user's own entering method: runs the closure while REQUESTS is entered. */
  @Entering(closure = 1, handle = 0)
  public static void update(PerCpu<AtomicLong> handle, Consumer<AtomicLong> action) {
    handle.with(action);
  }

  /** Polymorphic in the allocation: returns an alias of its argument. */
  @PreservesAllocation(from = 0)
  public static <T> PerCpu<T> same(PerCpu<T> handle) {
    return handle.clone();
  }

  /** Runs the closure now, entering nothing itself. */
  @InvokesClosure(0)
  @Enters({})
  public static void retrying(Runnable body) {
    body.run();
  }

  /** Stores the closure for later. */
  @Enters({})
  public static void later(@Deferred Runnable task) {
    QUEUE.add(task);
  }

  /** Every call returns a handle no other handle reaches. */
  @Distinct
  public static PerCpu<AtomicLong> scratch() {
    return PerCpu.allocate(AtomicLong::new);
  }

  /** A malformed effect: the checker says so where it is declared. */
  @Enters("not a term!")
  // :: error: [enters.invalid]
  public static void broken() {}
}
