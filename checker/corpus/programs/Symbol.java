import dev.percpu.PerCpu;

/** A symbol lookup reaches the allocation the symbol was defined with. */
class Symbol {
  static final PerCpu<long[]> REQUESTS =
      PerCpu.define("corpus.symbol.requests", long[].class, () -> new long[1]);

  public static void main(String[] args) {
    PerCpu<long[]> again = PerCpu.symbol("corpus.symbol.requests", long[].class);
    REQUESTS.with(outer -> again.with(inner -> inner[0]++)); // expect: definite
  }
}
