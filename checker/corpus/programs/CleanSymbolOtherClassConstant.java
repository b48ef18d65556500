import dev.percpu.PerCpu;

/** Symbols named by another class's constants that fold to different names are distinct. */
class CleanSymbolOtherClassConstant {
  static final class Names {
    static final String BASE = "corpus.cleansymbolotherclass";
  }

  static final PerCpu<long[]> FIRST =
      PerCpu.define(Names.BASE + ".first", long[].class, () -> new long[1]);
  static final PerCpu<long[]> SECOND =
      PerCpu.define(Names.BASE + ".second", long[].class, () -> new long[1]);

  public static void main(String[] args) {
    FIRST.with(a -> SECOND.with(b -> b[0]++));
  }
}
