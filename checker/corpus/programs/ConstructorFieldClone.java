import dev.percpu.PerCpu;

/** A final field assigned a clone in the constructor. */
class ConstructorFieldClone {
  private final PerCpu<long[]> own = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> ownClone;

  ConstructorFieldClone() {
    ownClone = own.clone();
  }

  void run() {
    own.with(a -> ownClone.with(b -> b[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    new ConstructorFieldClone().run();
  }
}
