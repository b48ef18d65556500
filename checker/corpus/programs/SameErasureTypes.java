import dev.percpu.PerCpu;
import java.util.ArrayList;
import java.util.List;

/** Different type arguments with one erasure still cannot be one allocation. */
class SameErasureTypes {
  static void run(PerCpu<List<String>> names, PerCpu<List<Integer>> sizes) {
    names.with(n -> sizes.with(s -> s.add(n.size())));
  }

  public static void main(String[] args) {
    run(PerCpu.allocate(ArrayList::new), PerCpu.allocate(ArrayList::new));
  }
}
