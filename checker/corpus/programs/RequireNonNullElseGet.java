import dev.percpu.PerCpu;
import java.util.Objects;

/** Objects.requireNonNullElseGet runs its supplier now when the value is null. */
class RequireNonNullElseGet {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Long none = args.length > 0 ? 1L : null;
    COUNTS.with(a -> Objects.requireNonNullElseGet(none, () -> COUNTS.apply(b -> b[0]))); // expect: definite
  }
}
