package dev.percpu.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What well-known JDK methods do with a closure argument, in the spirit of the lists of Error
 * Prone's GuardedBy and NullAway's library models. A name not listed here answers {@link
 * ClosureUse#UNKNOWN} without walking any type hierarchy, so the common case is one hash lookup.
 */
final class KnownLibraryMethods {

  /** owner type -> methods whose closure arguments run on the calling thread during the call. */
  private static final Map<String, Set<String>> INVOKED_NOW =
      Map.ofEntries(
          Map.entry("java.lang.Iterable", Set.of("forEach")),
          Map.entry("java.util.Iterator", Set.of("forEachRemaining")),
          Map.entry("java.util.Spliterator", Set.of("forEachRemaining", "tryAdvance")),
          Map.entry(
              "java.util.Map",
              Set.of(
                  "forEach",
                  "computeIfAbsent",
                  "computeIfPresent",
                  "compute",
                  "merge",
                  "replaceAll")),
          Map.entry("java.util.Collection", Set.of("removeIf")),
          Map.entry("java.util.List", Set.of("replaceAll", "sort")),
          Map.entry("java.util.Collections", Set.of("sort")),
          Map.entry("java.util.Arrays", Set.of("sort", "setAll", "parallelSetAll")),
          Map.entry("java.util.Objects", Set.of("requireNonNullElseGet", "requireNonNull")),
          Map.entry(
              "java.util.Optional",
              Set.of("map", "flatMap", "filter", "ifPresent", "ifPresentOrElse")),
          Map.entry("java.util.OptionalInt", Set.of("ifPresent", "ifPresentOrElse")),
          Map.entry("java.util.OptionalLong", Set.of("ifPresent", "ifPresentOrElse")),
          Map.entry("java.util.OptionalDouble", Set.of("ifPresent", "ifPresentOrElse")),
          Map.entry(
              "java.util.concurrent.atomic.AtomicReference",
              Set.of("updateAndGet", "getAndUpdate", "accumulateAndGet", "getAndAccumulate")),
          Map.entry(
              "java.util.concurrent.atomic.AtomicLong",
              Set.of("updateAndGet", "getAndUpdate", "accumulateAndGet", "getAndAccumulate")),
          Map.entry(
              "java.util.concurrent.atomic.AtomicInteger",
              Set.of("updateAndGet", "getAndUpdate", "accumulateAndGet", "getAndAccumulate")),
          Map.entry("java.security.AccessController", Set.of("doPrivileged")));

  /**
   * owner type -> methods that run their closure only on some paths, which the caller cannot tell
   * apart: a supplier for an empty {@code Optional}, a non-async stage of a future that may or may
   * not be complete yet. Listed so that they stay {@link ClosureUse#UNKNOWN} by decision, not by
   * omission; a nesting in them is at most possible.
   */
  private static final Map<String, Set<String>> SOMETIMES_NOW =
      Map.ofEntries(
          Map.entry("java.util.Optional", Set.of("or", "orElseGet", "orElseThrow")),
          Map.entry("java.util.OptionalInt", Set.of("orElseGet", "orElseThrow")),
          Map.entry("java.util.OptionalLong", Set.of("orElseGet", "orElseThrow")),
          Map.entry("java.util.OptionalDouble", Set.of("orElseGet", "orElseThrow")),
          Map.entry(
              "java.util.concurrent.CompletionStage",
              Set.of(
                  "thenApply",
                  "thenAccept",
                  "thenRun",
                  "thenCompose",
                  "thenCombine",
                  "thenAcceptBoth",
                  "runAfterBoth",
                  "applyToEither",
                  "acceptEither",
                  "runAfterEither",
                  "handle",
                  "whenComplete",
                  "exceptionally",
                  "exceptionallyCompose")));

  /**
   * Owner types all of whose closure arguments run during the call chain that consumes them
   * (streams run their lambdas at the terminal operation, on the calling thread). A method that
   * returns a stream is a lazy stage ({@link ClosureUse#AT_TERMINAL}); any other runs them now.
   */
  private static final Set<String> INVOKED_NOW_ALL_METHODS =
      Set.of(
          "java.util.stream.Stream",
          "java.util.stream.IntStream",
          "java.util.stream.LongStream",
          "java.util.stream.DoubleStream",
          "java.util.stream.BaseStream",
          "java.util.stream.Collectors");

  /** owner type -> methods that store the closure or run it on another thread. */
  private static final Map<String, Set<String>> ELSEWHERE =
      Map.ofEntries(
          Map.entry(
              "java.util.concurrent.ThreadPoolExecutor", Set.of("execute", "submit", "schedule")),
          Map.entry(
              "java.util.concurrent.ScheduledThreadPoolExecutor",
              Set.of(
                  "execute",
                  "submit",
                  "schedule",
                  "scheduleAtFixedRate",
                  "scheduleWithFixedDelay")),
          Map.entry("java.util.concurrent.ForkJoinPool", Set.of("submit", "execute", "invoke")),
          Map.entry("java.util.concurrent.ThreadFactory", Set.of("newThread")),
          Map.entry("java.lang.Thread", Set.of("<init>", "startVirtualThread")),
          Map.entry("java.lang.Thread.Builder", Set.of("start", "unstarted", "factory")),
          Map.entry("java.lang.ThreadLocal", Set.of("withInitial")),
          Map.entry("java.lang.ref.Cleaner", Set.of("register")),
          Map.entry("java.util.Timer", Set.of("schedule", "scheduleAtFixedRate")),
          Map.entry(
              "java.util.concurrent.CompletableFuture",
              Set.of(
                  "supplyAsync",
                  "runAsync",
                  "thenApplyAsync",
                  "thenAcceptAsync",
                  "thenRunAsync",
                  "thenComposeAsync",
                  "thenCombineAsync",
                  "thenAcceptBothAsync",
                  "runAfterBothAsync",
                  "applyToEitherAsync",
                  "acceptEitherAsync",
                  "runAfterEitherAsync",
                  "handleAsync",
                  "whenCompleteAsync",
                  "exceptionallyAsync",
                  "exceptionallyComposeAsync",
                  "completeAsync")),
          // Storing a closure in a collection defers it; whoever takes it out runs it later. The
          // immutable factories (List.of, Set.of, Map.of, Arrays.asList) store their elements too.
          Map.entry("java.util.Collection", Set.of("add", "addAll")),
          Map.entry("java.util.List", Set.of("add", "set", "addFirst", "addLast", "of", "copyOf")),
          Map.entry("java.util.Set", Set.of("of", "copyOf")),
          Map.entry("java.util.Arrays", Set.of("asList")),
          Map.entry("java.util.Queue", Set.of("add", "offer")),
          Map.entry(
              "java.util.Deque", Set.of("addFirst", "addLast", "offerFirst", "offerLast", "push")),
          Map.entry("java.util.concurrent.BlockingQueue", Set.of("put", "offer")),
          Map.entry("java.util.Map", Set.of("put", "putIfAbsent", "of", "entry")));

  /**
   * owner type -> methods that hand the closure to an object of unknown implementation that decides
   * where it runs: an {@code Executor} is usually a pool, but may be {@code Runnable::run}.
   */
  private static final Map<String, Set<String>> HANDED_ON =
      Map.ofEntries(
          Map.entry("java.util.concurrent.Executor", Set.of("execute")),
          Map.entry(
              "java.util.concurrent.ExecutorService", Set.of("submit", "invokeAll", "invokeAny")),
          Map.entry(
              "java.util.concurrent.ScheduledExecutorService",
              Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay")));

  /**
   * Methods and constructors ({@code owner#name}) whose result is a thread pool: an executor made
   * by one of them runs what it is handed on its own threads.
   */
  private static final Set<String> POOL_MAKERS =
      Set.of(
          "java.util.concurrent.Executors#newFixedThreadPool",
          "java.util.concurrent.Executors#newCachedThreadPool",
          "java.util.concurrent.Executors#newSingleThreadExecutor",
          "java.util.concurrent.Executors#newScheduledThreadPool",
          "java.util.concurrent.Executors#newSingleThreadScheduledExecutor",
          "java.util.concurrent.Executors#newWorkStealingPool",
          "java.util.concurrent.Executors#newVirtualThreadPerTaskExecutor",
          "java.util.concurrent.Executors#newThreadPerTaskExecutor",
          "java.util.concurrent.ForkJoinPool#commonPool",
          "java.util.concurrent.ForkJoinPool#<init>",
          "java.util.concurrent.ThreadPoolExecutor#<init>",
          "java.util.concurrent.ScheduledThreadPoolExecutor#<init>");

  /**
   * maker ({@code owner#name}) -> the method of the object it makes that runs the closure the maker
   * was given, and how: {@code new Thread(r).run()} runs {@code r} now (only {@code start()} hands
   * it to another thread); a {@code ThreadLocal.withInitial} supplier runs at {@code get()} on a
   * thread that has no value yet, which the caller cannot know.
   */
  private static final Map<String, Map<String, ClosureUse>> HELD =
      Map.of(
          "java.lang.Thread#<init>", Map.of("run", ClosureUse.INVOKED_NOW),
          "java.lang.Thread.Builder#unstarted", Map.of("run", ClosureUse.INVOKED_NOW),
          "java.lang.ThreadLocal#withInitial", Map.of("get", ClosureUse.UNKNOWN));

  private static final Set<String> KNOWN_NAMES = new HashSet<>();

  static {
    INVOKED_NOW.values().forEach(KNOWN_NAMES::addAll);
    ELSEWHERE.values().forEach(KNOWN_NAMES::addAll);
    SOMETIMES_NOW.values().forEach(KNOWN_NAMES::addAll);
    HANDED_ON.values().forEach(KNOWN_NAMES::addAll);
  }

  private static final Set<String> HELD_RUNNERS = Set.of("run", "get");

  private KnownLibraryMethods() {}

  /** What {@code method} does with a closure argument; {@link ClosureUse#UNKNOWN} if not listed. */
  static ClosureUse closureUse(ExecutableElement method, Types types) {
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return ClosureUse.UNKNOWN;
    }
    String name = method.getSimpleName().toString();
    if (!KNOWN_NAMES.contains(name)) {
      // Stream methods are declared on the stream interfaces themselves, so no walk is needed.
      return INVOKED_NOW_ALL_METHODS.contains(owner.getQualifiedName().toString())
          ? streamUse(method)
          : ClosureUse.UNKNOWN;
    }
    // Walk the owner and its supertypes breadth-first: ArrayList.forEach is Iterable.forEach.
    Deque<TypeMirror> work = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    work.add(owner.asType());
    while (!work.isEmpty()) {
      TypeMirror t = work.poll();
      if (t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
      String qualified = e.getQualifiedName().toString();
      if (!seen.add(qualified)) {
        continue;
      }
      if (INVOKED_NOW_ALL_METHODS.contains(qualified)) {
        return streamUse(method);
      }
      if (INVOKED_NOW.getOrDefault(qualified, Set.of()).contains(name)) {
        return ClosureUse.INVOKED_NOW;
      }
      if (ELSEWHERE.getOrDefault(qualified, Set.of()).contains(name)) {
        return ClosureUse.ELSEWHERE;
      }
      if (HANDED_ON.getOrDefault(qualified, Set.of()).contains(name)) {
        return ClosureUse.HANDED_ON;
      }
      if (SOMETIMES_NOW.getOrDefault(qualified, Set.of()).contains(name)) {
        return ClosureUse.UNKNOWN;
      }
      work.addAll(types.directSupertypes(t));
    }
    return ClosureUse.UNKNOWN;
  }

  /** A stream method that returns a stream is a lazy stage; any other runs its closures now. */
  private static ClosureUse streamUse(ExecutableElement method) {
    return StreamPipeline.isStreamType(method.getReturnType())
        ? ClosureUse.AT_TERMINAL
        : ClosureUse.INVOKED_NOW;
  }

  /** Whether {@code maker}'s result is a thread pool, which runs what it is handed elsewhere. */
  static boolean makesThreadPool(ExecutableElement maker) {
    return POOL_MAKERS.contains(key(maker));
  }

  /**
   * How a call of {@code runner} on an object made by {@code maker} runs the closure the maker was
   * given: {@link ClosureUse#ELSEWHERE} when this call does not run it.
   */
  static ClosureUse heldClosureUse(ExecutableElement maker, ExecutableElement runner) {
    String name = runner.getSimpleName().toString();
    if (!HELD_RUNNERS.contains(name) || !runner.getParameters().isEmpty()) {
      return ClosureUse.ELSEWHERE;
    }
    return HELD.getOrDefault(key(maker), Map.of()).getOrDefault(name, ClosureUse.ELSEWHERE);
  }

  private static String key(ExecutableElement m) {
    return m.getEnclosingElement() instanceof TypeElement owner
        ? owner.getQualifiedName() + "#" + m.getSimpleName()
        : "";
  }
}
