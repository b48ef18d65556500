package dev.percpu.errorprone;

import com.google.errorprone.fixes.Fix;
import com.sun.source.util.TreePath;
import java.util.Optional;

/**
 * One problem found by the per-unit analysis, waiting to be reported by the check of its {@link
 * Kind}. The path (not just the tree) is kept so that {@code @SuppressWarnings} on any enclosing
 * declaration can be honoured: the checks report from a compilation-unit matcher, where Error
 * Prone's own suppression only sees the unit itself.
 *
 * @param kind which check reports it
 * @param path where it is reported
 * @param message the diagnostic text
 * @param fix a safe fix, when there is one
 */
public record Finding(Kind kind, TreePath path, String message, Optional<Fix> fix) {

  /** The check that reports a finding. */
  public enum Kind {
    NESTED,
    POSSIBLE_NESTED,
    GUARD_NOT_CLOSED,
    GUARD_ESCAPE,
    VALUE_ESCAPE,
    NESTED_MAP_COMPUTE,
    POSSIBLE_NESTED_MAP_COMPUTE,
    BLOCKING_WHILE_PINNED,
    ON_EACH_CPU_WHILE_PINNED
  }
}
