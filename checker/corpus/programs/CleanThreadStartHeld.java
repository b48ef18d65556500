import dev.percpu.PerCpu;

/** A Thread kept in a local and started inside the entry runs its Runnable on another thread. */
class CleanThreadStartHeld {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) throws InterruptedException {
    Thread worker = new Thread(() -> COUNTS.with(b -> b[0]++));
    COUNTS.with(a -> worker.start());
    worker.join();
  }
}
