import dev.percpu.PerCpu;

/** Two different symbols are different allocations. */
class CleanDistinctSymbols {
  static final PerCpu<long[]> HITS =
      PerCpu.define("corpus.clean.hits", long[].class, () -> new long[1]);
  static final PerCpu<long[]> MISSES =
      PerCpu.define("corpus.clean.misses", long[].class, () -> new long[1]);

  public static void main(String[] args) {
    PerCpu<long[]> hits = PerCpu.symbol("corpus.clean.hits", long[].class);
    PerCpu<long[]> misses = PerCpu.symbol("corpus.clean.misses", long[].class);
    hits.with(a -> misses.with(b -> b[0]++));
  }
}
