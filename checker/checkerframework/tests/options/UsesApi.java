import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

// :: error: [api.spec.invalid]
public class UsesApi {
  static void f(PerCpu<AtomicLong> h) {
    h.with(a -> a.incrementAndGet());
  }
}
