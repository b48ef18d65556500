import dev.percpu.PerCpu;

/** A helper enters the handle it is given; the caller passes the entered one. */
class HandleArgument {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    counts.with(slot -> {
      slot[0]++;
      addOne(counts); // expect: definite
    });
  }

  private static void addOne(PerCpu<long[]> handle) {
    handle.with(slot -> slot[0]++);
  }
}
