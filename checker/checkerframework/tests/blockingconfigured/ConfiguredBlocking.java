import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.atomic.AtomicLong;

/** -ApercpuBlockingMethods=ConfiguredBlocking.Rpc#call names a library method that may block. */
class ConfiguredBlocking {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  interface Rpc {
    long call();

    long cached();
  }

  @MayBlock
  static void configured(Rpc rpc) {
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> a.addAndGet(rpc.call()));
  }

  static void notConfigured(Rpc rpc) {
    COUNTS.with(a -> a.addAndGet(rpc.cached()));
  }
}
