import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

class StrictPackageHelpers {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);

  // Callers in this class follow its body; other files of the package read the default, so strict
  // mode still holds it to the default where this file relies on it.
  // :: error: [effect.beyond.default]
  static void packageHelper() {
    COUNTS.with(a -> a.incrementAndGet());
  }

  static void caller() {
    OTHER.with(o -> packageHelper());
  }
}
