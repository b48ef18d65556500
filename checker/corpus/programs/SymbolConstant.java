import dev.percpu.PerCpu;

/** A symbol named by a constant and by the same literal is one allocation. */
class SymbolConstant {
  static final String NAME = "corpus.symbolconstant";
  static final PerCpu<long[]> DEFINED = PerCpu.define(NAME, long[].class, () -> new long[1]);

  public static void main(String[] args) {
    PerCpu<long[]> looked = PerCpu.symbol("corpus." + "symbolconstant", long[].class);
    DEFINED.with(a -> looked.with(b -> b[0]++)); // expect: definite
  }
}
