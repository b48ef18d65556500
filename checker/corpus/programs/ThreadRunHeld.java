import dev.percpu.PerCpu;

/** A Thread kept in a local and run (not started) inside the entry runs its Runnable now. */
class ThreadRunHeld {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Thread worker = new Thread(() -> COUNTS.with(b -> b[0]++));
    COUNTS.with(a -> worker.run()); // expect: definite
  }
}
