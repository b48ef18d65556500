package dev.percpu.corpus.gen;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One tool's findings on one program, by line: {@code definite}, {@code possible}, or another key
 * ({@code other(key)}: a checker's other error, or a run that failed for another reason).
 */
final class Verdicts {
  private final Map<Integer, String> lines = new TreeMap<>();

  /** Keeps the strongest finding at a line: definite over possible over anything else. */
  void add(int line, String kind) {
    String old = lines.get(line);
    if (old == null || rank(kind) < rank(old)) {
      lines.put(line, kind);
    }
  }

  private static int rank(String kind) {
    return switch (kind) {
      case "definite" -> 0;
      case "possible" -> 1;
      default -> 2;
    };
  }

  boolean definite() {
    return lines.containsValue("definite");
  }

  boolean any() {
    return !lines.isEmpty();
  }

  /** The strongest finding anywhere in the program, for the counts: definite, possible, other. */
  String strongest() {
    return lines.values().stream()
        .min((a, b) -> Integer.compare(rank(a), rank(b)))
        .map(k -> k.startsWith("other") ? "other" : k)
        .orElse("clean");
  }

  @Override
  public String toString() {
    if (lines.isEmpty()) {
      return "clean";
    }
    return lines.entrySet().stream()
        .map(e -> e.getValue() + ":" + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
