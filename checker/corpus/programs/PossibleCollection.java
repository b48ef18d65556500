import dev.percpu.PerCpu;
import java.util.List;

/** A collection element of the same type may be the entered allocation. */
class PossibleCollection {
  private final PerCpu<long[]> total = PerCpu.allocate(() -> new long[1]);

  void addFirst(List<PerCpu<long[]>> shards) {
    total.with(sum -> shards.get(0).with(shard -> sum[0] += shard[0])); // expect: possible
  }

  public static void main(String[] args) {
    new PossibleCollection().addFirst(List.of(PerCpu.allocate(() -> new long[1])));
  }
}
