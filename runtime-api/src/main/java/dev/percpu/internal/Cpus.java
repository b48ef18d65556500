package dev.percpu.internal;

/**
 * The number of possible CPUs: the system property {@value #PROPERTY} when set, otherwise {@link
 * Runtime#availableProcessors()}. Read once, when the runtime first needs it, because every
 * allocation is sized by it and must never disagree with the slot table.
 */
public final class Cpus {
  /** The system property that overrides the number of possible CPUs. */
  public static final String PROPERTY = "percpu.cpus";

  /** Keeps a typo (say {@code 10000000}) from allocating gigabytes per handle. */
  static final int MAX_CPUS = 1 << 16;

  // A bad value must not fail this class's (or Pins') initialisation: that would surface as an
  // ExceptionInInitializerError once and a bare NoClassDefFoundError ever after. So the problem is
  // kept as a message and thrown afresh, as an IllegalArgumentException, at every use.
  private static final String ERROR;
  private static final int POSSIBLE;

  static {
    String error = null;
    int possible = 1;
    try {
      possible = parse(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
    }
    ERROR = error;
    POSSIBLE = possible;
  }

  private Cpus() {}

  /**
   * The number of possible CPUs, fixed for the life of the JVM.
   *
   * @throws IllegalArgumentException if {@value #PROPERTY} is malformed, at every call
   */
  public static int possible() {
    check();
    return POSSIBLE;
  }

  /**
   * Throws unless {@value #PROPERTY} was well formed. A constant-null test once the JIT has seen
   * this class initialised, so it costs nothing on the paths that call it.
   *
   * @throws IllegalArgumentException naming the property and the bad value
   */
  public static void check() {
    if (ERROR != null) {
      throw new IllegalArgumentException(ERROR);
    }
  }

  /**
   * As {@link #possible()}, but {@code 1} instead of throwing: for sizing at class initialisation.
   */
  static int possibleOrOne() {
    return POSSIBLE;
  }

  /**
   * Parses a value of {@value #PROPERTY}; {@code null} or blank means {@code fallback}.
   *
   * @throws IllegalArgumentException naming the property and the bad value
   */
  public static int parse(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int cpus;
    try {
      cpus = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      cpus = -1;
    }
    if (cpus < 1 || cpus > MAX_CPUS) {
      throw new IllegalArgumentException(
          "system property "
              + PROPERTY
              + " must be a whole number from 1 to "
              + MAX_CPUS
              + ", but was '"
              + value
              + "'");
    }
    return cpus;
  }
}
