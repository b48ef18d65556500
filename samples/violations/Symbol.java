/*
 * Mistake: entering a static per-CPU variable through a second symbol lookup of the same name.
 *
 * define() and symbol() with the same symbol string reach one allocation, exactly like clones (the
 * kernel's define_per_cpu!/unsafe_get_per_cpu! aliasing).
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 18
 *   checker percpu:nested.entry ERROR line 18
 */
import dev.percpu.PerCpu;

class Symbol {
  static final PerCpu<long[]> REQUESTS = PerCpu.define("violations.requests", long[].class, () -> new long[1]);

  void run() {
    PerCpu<long[]> again = PerCpu.symbol("violations.requests", long[].class);
    REQUESTS.with(outer -> again.with(inner -> inner[0]++));  // <- the mistake
  }
}
