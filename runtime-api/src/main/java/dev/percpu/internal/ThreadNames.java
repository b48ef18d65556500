package dev.percpu.internal;

/** How messages name a thread. */
public final class ThreadNames {
  private ThreadNames() {}

  /**
   * The thread's name, or, for an unnamed thread (virtual threads have none by default), its {@code
   * toString()}, which carries its id.
   */
  public static String of(Thread thread) {
    String name = thread.getName();
    return name.isEmpty() ? thread.toString() : name;
  }
}
