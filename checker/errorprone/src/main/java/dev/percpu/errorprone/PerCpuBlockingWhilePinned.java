package dev.percpu.errorprone;

import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import javax.inject.Inject;

/**
 * A call that may block (sleep, join, wait, park, {@code Future.get}, locks, latches, barriers,
 * blocking queues, blocking I/O, a {@code @MayBlock} method, a {@code synchronized} block or
 * method) made while the thread is pinned: inside a {@code with}/{@code apply} closure, a {@code
 * try (CpuGuard g = CpuGuard.pin())} block or an {@code onEachCpu} action, directly or through the
 * unit's own methods (WARNING). See {@code docs/bugpattern/PerCpuBlockingWhilePinned.md}; extra
 * blocking methods come from {@code -XepOpt:PerCpu:BlockingMethods=OWNER#METHOD,...}.
 *
 * <pre>{@code
 * counts.with(c -> {
 *   c[0]++;
 *   queue.take();   // flagged: take before the pin, or hand the wait to another thread
 * });
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A call that may block (a sleep, a wait for a lock, a future, a queue or I/O, a synchronized block) made while the thread is pinned keeps its CPU slot the whole time: every thread that needs the slot stalls, and it can deadlock",
    severity = WARNING,
    linkType = NONE)
public final class PerCpuBlockingWhilePinned extends BugChecker
    implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuBlockingWhilePinned() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuBlockingWhilePinned(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.BLOCKING_WHILE_PINNED, config, tree, state);
  }
}
