import dev.percpu.PerCpu;

/** A closure handed to another thread runs under that thread's own pin: not nested. */
class CleanThread {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) throws InterruptedException {
    Thread[] started = new Thread[1];
    COUNTS.with(a -> {
      started[0] = new Thread(() -> COUNTS.with(b -> b[0]++));
      started[0].start();
    });
    started[0].join();
  }
}
