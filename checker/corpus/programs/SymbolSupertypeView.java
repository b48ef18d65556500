import dev.percpu.PerCpu;

/** A symbol viewed as a supertype of its values is still the variable it names. */
class SymbolSupertypeView {
  static final PerCpu<StringBuilder> LOG =
      PerCpu.define("corpus.symbol.supertype", StringBuilder.class, StringBuilder::new);

  public static void main(String[] args) {
    PerCpu<CharSequence> view = PerCpu.symbol("corpus.symbol.supertype", CharSequence.class);
    LOG.with(outer -> view.with(inner -> outer.append(inner.length()))); // expect: definite
  }
}
