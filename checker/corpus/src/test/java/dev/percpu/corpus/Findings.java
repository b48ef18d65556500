package dev.percpu.corpus;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One tool's findings on one program, by line; rendered as {@code definite:9, possible:12}. */
final class Findings {
  private final Map<Integer, Verdict> lines = new TreeMap<>();
  private final Map<Integer, String> details = new TreeMap<>();

  void add(int line, Verdict verdict) {
    add(line, verdict, verdict.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Keeps the strongest verdict at a line: definite over possible over anything else. */
  void add(int line, Verdict verdict, String detail) {
    Verdict old = lines.get(line);
    if (old == null || verdict.ordinal() < old.ordinal()) {
      lines.put(line, verdict);
      details.put(line, detail);
    }
  }

  Map<Integer, Verdict> lines() {
    return lines;
  }

  boolean definite() {
    return lines.containsValue(Verdict.DEFINITE);
  }

  /** The program's verdict as the known-differences table writes it. */
  @Override
  public String toString() {
    if (lines.isEmpty()) {
      return "clean";
    }
    return lines.keySet().stream()
        .map(line -> details.get(line) + ":" + line)
        .collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Findings f && toString().equals(f.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
