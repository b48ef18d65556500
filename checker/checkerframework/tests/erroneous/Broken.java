import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

public class Broken {
  static void f(PerCpu<AtomicLong> h) {
    h.with(a -> h.with(b -> b.noSuchMethod()));
    UnknownType u = h.clone();
    h.with(42);
  }
