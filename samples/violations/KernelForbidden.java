/*
 * Mistake: the kernel series' forbidden example: tokens of a handle and of its clone, nested.
 *
 * pcpu.get(guard).with(a -> pcpu2.get(guard).with(b -> ...)) with pcpu2 = pcpu.clone(): a and b would be
 * two live references to one slot.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 20
 *   checker percpu:nested.entry ERROR line 20
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

class KernelForbidden {
  void run() {
    PerCpu<long[]> pcpu = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> pcpu2 = pcpu.clone();
    try (CpuGuard guard = CpuGuard.pin()) {
      pcpu.get(guard).with(a -> {
        pcpu2.get(guard).with(b -> b[0]++);  // <- the mistake
      });
    }
  }
}
