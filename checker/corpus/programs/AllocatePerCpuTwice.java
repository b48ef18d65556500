import dev.percpu.PerCpu;

/** allocatePerCpu is an allocation site like allocate. */
class AllocatePerCpuTwice {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocatePerCpu(cpu -> new long[1]);
    counts.with(a -> counts.with(b -> b[0]++)); // expect: definite
  }
}
