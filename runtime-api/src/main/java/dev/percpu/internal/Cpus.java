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

  private static final int POSSIBLE =
      parse(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());

  private Cpus() {}

  /** The number of possible CPUs, fixed for the life of the JVM. */
  public static int possible() {
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
