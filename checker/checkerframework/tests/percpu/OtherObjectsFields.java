import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** Instance fields read through other objects, as the model translates them through a receiver. */
public class OtherObjectsFields {

  private final PerCpu<AtomicLong> counts = PerCpu.allocate(AtomicLong::new);
  private final PerCpu<AtomicLong> countsAlias = counts.clone();
  private final PerCpu<AtomicLong> spare = PerCpu.allocate(AtomicLong::new);
  private OtherObjectsFields next;

  OtherObjectsFields() {}

  private OtherObjectsFields(boolean bump) {
    if (bump) {
      counts.with(c -> c.incrementAndGet());
    }
  }

  private void bump() {
    counts.with(c -> c.incrementAndGet());
  }

  private OtherObjectsFields self() {
    return this;
  }

  // ---- rejected, definitely the same allocation

  static void oneLocalsFieldAndItsClone() {
    OtherObjectsFields m = new OtherObjectsFields();
    m.counts.with(a -> {
      // :: error: [nested.entry]
      m.countsAlias.with(b -> b.incrementAndGet());
    });
  }

  void ownFieldThroughThis() {
    counts.with(a -> {
      // :: error: [nested.entry]
      this.countsAlias.with(b -> b.incrementAndGet());
    });
  }

  // ---- rejected, possibly the same allocation

  void anotherParametersField(OtherObjectsFields other) {
    counts.with(a -> {
      // :: error: [possible.nested.entry]
      other.counts.with(b -> b.incrementAndGet());
    });
  }

  static void twoLocalsFields(OtherObjectsFields x, OtherObjectsFields y) {
    x.counts.with(a -> {
      // :: error: [possible.nested.entry]
      y.countsAlias.with(b -> b.incrementAndGet());
    });
  }

  void helperOnAnotherObject(OtherObjectsFields other) {
    counts.with(a -> {
      // :: error: [possible.nested.entry]
      other.bump();
    });
  }

  void fieldThroughAMethodResult() {
    counts.with(a -> {
      // :: error: [possible.nested.entry]
      self().counts.with(b -> b.incrementAndGet());
    });
  }

  void fieldThroughANonFinalField() {
    if (next != null) {
      counts.with(a -> {
        // :: error: [possible.nested.entry]
        next.counts.with(b -> b.incrementAndGet());
      });
    }
  }

  // ---- accepted

  void newObjectsField() {
    counts.with(a -> new OtherObjectsFields().counts.with(b -> b.incrementAndGet()));
  }

  void helperOnANewObject() {
    counts.with(a -> new OtherObjectsFields().bump());
  }

  void constructorEnteringItsOwnField() {
    counts.with(a -> new OtherObjectsFields(true));
  }

  static void oneLocalsTwoFields() {
    OtherObjectsFields m = new OtherObjectsFields();
    m.counts.with(a -> m.spare.with(b -> b.incrementAndGet()));
  }

  static void differentFieldsOfTwoObjects(OtherObjectsFields x, OtherObjectsFields y) {
    x.counts.with(a -> y.spare.with(b -> b.incrementAndGet()));
  }
}
