package dev.percpu;

/** SKELETON: the runtime issue fills in the implementation and javadoc. */
public final class PerCpuCounter {
  private PerCpuCounter() {}

  public static PerCpuCounter allocate() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void add(long delta) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void add(CpuGuard guard, long delta) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void sub(long delta) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void increment() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void decrement() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public long addAndGet(CpuGuard guard, long delta) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public long get(int cpu) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public long sum() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
