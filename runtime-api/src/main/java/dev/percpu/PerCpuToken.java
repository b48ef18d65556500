package dev.percpu;

import dev.percpu.qual.Entering;
import java.util.function.Consumer;
import java.util.function.Function;

/** SKELETON: the runtime issue fills in the implementation and javadoc. */
public final class PerCpuToken<T> {
  private PerCpuToken() {}

  @Entering(closure = 0)
  public void with(Consumer<? super T> action) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Entering(closure = 0)
  public <R> R apply(Function<? super T, ? extends R> function) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
