import dev.percpu.PerCpu;

/** A symbol named by another class's constant, folded as javac folds it, is one allocation. */
class SymbolOtherClassConstant {
  static final class Names {
    static final String BASE = "corpus.symbolotherclass";
  }

  static final PerCpu<long[]> DEFINED =
      PerCpu.define(Names.BASE + ".counts", long[].class, () -> new long[1]);

  public static void main(String[] args) {
    PerCpu<long[]> looked = PerCpu.symbol("corpus.symbolotherclass.counts", long[].class);
    DEFINED.with(a -> looked.with(b -> b[0]++)); // expect: definite
  }
}
