package dev.percpu;

/** SKELETON: the runtime issue fills in the implementation and javadoc. */
public class PerCpuNestingException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public PerCpuNestingException(String message) {
    super(message);
  }
}
