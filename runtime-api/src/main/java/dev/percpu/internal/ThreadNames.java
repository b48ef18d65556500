package dev.percpu.internal;

/** How messages name a thread. */
public final class ThreadNames {
  private ThreadNames() {}

  /**
   * The thread's name, or, for an unnamed thread (virtual threads have none by default), its {@code
   * toString()}, which carries its id; for {@code null}, a thread that died and has been collected
   * (pin states hold their threads weakly).
   */
  public static String of(Thread thread) {
    if (thread == null) {
      return "(a thread that has died and been garbage-collected)";
    }
    String name = thread.getName();
    return name.isEmpty() ? thread.toString() : name;
  }
}
