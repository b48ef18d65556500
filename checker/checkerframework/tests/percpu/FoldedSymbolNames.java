import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** Symbol names folded as javac folds them: another class's constants and concatenation. */
public class FoldedSymbolNames {

  static final class Names {
    static final String BASE = "folded";
  }

  static final PerCpu<AtomicLong> DEFINED =
      PerCpu.define(Names.BASE + ".counts", AtomicLong.class, AtomicLong::new);

  static void otherClassConstantConcatenated_isOneSymbol() {
    PerCpu<AtomicLong> looked = PerCpu.symbol("folded.counts", AtomicLong.class);
    DEFINED.with(a -> {
      // :: error: [nested.entry]
      looked.with(b -> b.incrementAndGet());
    });
  }

  static void differentFoldedNames_areDistinct() {
    PerCpu<AtomicLong> other = PerCpu.symbol(Names.BASE + ".other", AtomicLong.class);
    DEFINED.with(a -> other.with(b -> b.incrementAndGet()));
  }
}
