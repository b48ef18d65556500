import dev.percpu.PerCpu;

/** Two lookups of one symbol are the same allocation. */
class SymbolTwice {
  static final PerCpu<long[]> DEFINED =
      PerCpu.define("corpus.symboltwice", long[].class, () -> new long[1]);

  public static void main(String[] args) {
    PerCpu<long[]> a = PerCpu.symbol("corpus.symboltwice", long[].class);
    PerCpu<long[]> b = PerCpu.symbol("corpus.symboltwice", long[].class);
    a.with(outer -> b.with(inner -> inner[0]++)); // expect: definite
  }
}
