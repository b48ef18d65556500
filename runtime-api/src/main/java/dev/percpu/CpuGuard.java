package dev.percpu;

import dev.percpu.qual.InvokesClosure;
import java.util.function.Consumer;

/** SKELETON: the runtime issue fills in the implementation and javadoc. */
public final class CpuGuard implements AutoCloseable {
  private CpuGuard() {}

  public static CpuGuard pin() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public int cpu() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public static int possibleCpus() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @InvokesClosure(0)
  public static void onEachCpu(Consumer<CpuGuard> action) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
