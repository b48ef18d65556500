import dev.percpu.PerCpu;

/** A private helper that enters the same allocation, called inside a closure. */
class HelperMethod {
  private final PerCpu<long[]> hits = PerCpu.allocate(() -> new long[1]);

  void record() {
    hits.with(slot -> {
      slot[0]++;
      bump(); // expect: definite
    });
  }

  private void bump() {
    hits.with(slot -> slot[0]++);
  }

  public static void main(String[] args) {
    new HelperMethod().record();
  }
}
