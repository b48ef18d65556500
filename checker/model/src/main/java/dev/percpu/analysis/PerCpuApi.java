package dev.percpu.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The one place both checkers ask what a method does with per-CPU allocations and closures. Answers
 * come, in order, from {@code dev.percpu.qual} annotations on the method, from configured {@link
 * ApiMethodSpec}s, and from {@link KnownLibraryMethods}.
 *
 * <p>Annotations are matched by qualified name on {@link AnnotationMirror}s, so the annotation
 * classes need not be loadable by the checker's class loader. Instances are immutable and
 * thread-safe.
 *
 * <pre>{@code
 * PerCpuApi api = PerCpuApi.create(List.of("com.acme.Shards#update=entering:1:0"));
 * if (api.roleOf(method) instanceof MethodRole.Entering e) { ... }
 * }</pre>
 */
public final class PerCpuApi {

  public static final String PER_CPU = "dev.percpu.PerCpu";
  public static final String TOKEN = "dev.percpu.PerCpuToken";
  public static final String GUARD = "dev.percpu.CpuGuard";
  public static final String NESTING_EXCEPTION = "dev.percpu.PerCpuNestingException";

  private static final String QUAL = "dev.percpu.qual.";
  private static final String ENTERING = QUAL + "Entering";
  private static final String PRESERVES = QUAL + "PreservesAllocation";
  private static final String SYMBOL_LOOKUP = QUAL + "SymbolLookup";
  private static final String FRESH = QUAL + "FreshAllocation";
  private static final String INVOKES = QUAL + "InvokesClosure";
  private static final String DEFERRED = QUAL + "Deferred";
  private static final String ENTERS = QUAL + "Enters";
  private static final String DISTINCT = QUAL + "Distinct";

  private final Map<String, MethodRole> configuredRoles;
  private final Map<String, Set<Integer>> configuredDeferred;

  private PerCpuApi(Map<String, MethodRole> roles, Map<String, Set<Integer>> deferred) {
    this.configuredRoles = Map.copyOf(roles);
    this.configuredDeferred = Map.copyOf(deferred);
  }

  /** The model described by annotations and the built-in library list only. */
  public static PerCpuApi annotationsOnly() {
    return new PerCpuApi(Map.of(), Map.of());
  }

  /**
   * The model plus the given configured methods (see {@link ApiMethodSpec} for the form).
   *
   * @throws IllegalArgumentException naming the first malformed entry
   */
  public static PerCpuApi create(List<String> specs) {
    Map<String, MethodRole> roles = new HashMap<>();
    Map<String, Set<Integer>> deferred = new HashMap<>();
    for (String text : specs) {
      if (text.isBlank()) {
        continue;
      }
      ApiMethodSpec spec = ApiMethodSpec.parse(text);
      if (spec.mapCall() != null) {
        continue; // a map role: MapMethods's, no per-CPU role
      }
      if (spec.role() != null) {
        roles.put(spec.key(), spec.role());
      } else {
        deferred.computeIfAbsent(spec.key(), k -> new HashSet<>()).addAll(spec.deferred());
      }
    }
    return new PerCpuApi(roles, deferred);
  }

  /** The role of {@code method}: annotated, else configured, else {@link MethodRole#NONE}. */
  public MethodRole roleOf(ExecutableElement method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      String name = annotationName(a);
      if (!name.startsWith(QUAL)) {
        continue;
      }
      switch (name) {
        case ENTERING:
          return new MethodRole.Entering(intValue(a, "handle", -1), intValue(a, "closure", 0));
        case PRESERVES:
          return new MethodRole.PreservesAllocation(intValue(a, "from", -1));
        case SYMBOL_LOOKUP:
          return new MethodRole.SymbolLookup(intValue(a, "value", 0));
        case FRESH:
          return new MethodRole.FreshAllocation();
        case INVOKES:
          return new MethodRole.InvokesClosure(intArray(a, "value"));
        default:
          break;
      }
    }
    if (configuredRoles.isEmpty()) {
      return MethodRole.NONE;
    }
    return configuredRoles.getOrDefault(key(method), MethodRole.NONE);
  }

  /**
   * Whether configuration gives roles to methods, so that {@link #roleOf} can answer for a method
   * without {@code dev.percpu.qual} annotations. Callers on hot paths skip the lookup otherwise.
   */
  public boolean hasConfiguredRoles() {
    return !configuredRoles.isEmpty();
  }

  /**
   * What {@code method} does with the closure passed as parameter {@code index} (0-based): its own
   * role first, then {@link dev.percpu.qual.Deferred} and configuration, then the JDK list.
   */
  public ClosureUse closureUse(ExecutableElement method, int index, Types types) {
    MethodRole role = roleOf(method);
    if (role instanceof MethodRole.Entering e && e.closure() == index) {
      return ClosureUse.INVOKED_NOW;
    }
    if (role instanceof MethodRole.InvokesClosure i && i.invokes(index)) {
      return ClosureUse.INVOKED_NOW;
    }
    List<? extends VariableElement> params = method.getParameters();
    int p = Math.min(index, params.size() - 1); // varargs: every extra argument is the last param
    if (p >= 0 && hasAnnotation(params.get(p), DEFERRED)) {
      return ClosureUse.ELSEWHERE;
    }
    if (!configuredDeferred.isEmpty()
        && configuredDeferred.getOrDefault(key(method), Set.of()).contains(index)) {
      return ClosureUse.ELSEWHERE;
    }
    ClosureUse listed = KnownLibraryMethods.closureUse(method, types);
    // Without the receiver, an executor of unknown origin is presumed to be a pool, as nearly
    // every one is; the sound answer needs the receiver (the overload below).
    return listed == ClosureUse.HANDED_ON ? ClosureUse.ELSEWHERE : listed;
  }

  /**
   * As {@link #closureUse(ExecutableElement, int, Types)}, for a call whose receiver is known to
   * have been made by {@code receiverMaker} (a method or constructor, or {@code null} when not
   * known): an executor made by a JDK thread-pool factory runs what it is handed on its own
   * threads.
   *
   * <pre>{@code
   * // pool = Executors.newFixedThreadPool(4); ... pool.execute(() -> ...)
   * api.closureUse(execute, 0, types, newFixedThreadPool) // ELSEWHERE, not HANDED_ON
   * }</pre>
   */
  public ClosureUse closureUse(
      ExecutableElement method, int index, Types types, ExecutableElement receiverMaker) {
    ClosureUse presumed = closureUse(method, index, types);
    ClosureUse use =
        presumed == ClosureUse.ELSEWHERE && !hasConfiguredOrDeclaredDeferral(method, index)
            ? KnownLibraryMethods.closureUse(method, types)
            : presumed;
    return use == ClosureUse.HANDED_ON
            && receiverMaker != null
            && KnownLibraryMethods.makesThreadPool(receiverMaker)
        ? ClosureUse.ELSEWHERE
        : use;
  }

  private boolean hasConfiguredOrDeclaredDeferral(ExecutableElement method, int index) {
    List<? extends VariableElement> params = method.getParameters();
    int p = Math.min(index, params.size() - 1);
    return (p >= 0 && hasAnnotation(params.get(p), DEFERRED))
        || (!configuredDeferred.isEmpty()
            && configuredDeferred.getOrDefault(key(method), Set.of()).contains(index));
  }

  /**
   * How a call of {@code runner} on an object made by {@code maker} runs the closure {@code maker}
   * was given: {@code new Thread(r).run()} runs {@code r} now ({@link ClosureUse#INVOKED_NOW}), a
   * {@code ThreadLocal.withInitial(s).get()} may run {@code s} ({@link ClosureUse#UNKNOWN}); any
   * other call does not run it ({@link ClosureUse#ELSEWHERE}: {@code start()} hands it to another
   * thread).
   *
   * <pre>{@code
   * if (api.heldClosureUse(newThread, run) == ClosureUse.INVOKED_NOW) { ... r runs here }
   * }</pre>
   */
  public ClosureUse heldClosureUse(ExecutableElement maker, ExecutableElement runner) {
    return KnownLibraryMethods.heldClosureUse(maker, runner);
  }

  /**
   * The declared {@link dev.percpu.qual.Enters} effect of {@code method}, or empty when it declares
   * none (the checker then applies its conservative default).
   *
   * @throws IllegalArgumentException naming the malformed term
   */
  public Optional<List<EffectTerm>> declaredEffect(ExecutableElement method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (annotationName(a).equals(ENTERS)) {
        List<EffectTerm> terms = new ArrayList<>();
        for (String s : stringArray(a, "value")) {
          terms.add(EffectTerm.parse(s));
        }
        return Optional.of(List.copyOf(terms));
      }
    }
    return Optional.empty();
  }

  /** Whether the field, parameter, local or method carries {@link dev.percpu.qual.Distinct}. */
  public static boolean isDistinct(Element element) {
    return hasAnnotation(element, DISTINCT);
  }

  /** Whether {@code type} is {@code PerCpu<...>} or {@code PerCpuToken<...>}. */
  public static boolean isHandleOrToken(TypeMirror type) {
    String name = erasedName(type);
    return name.equals(PER_CPU) || name.equals(TOKEN);
  }

  /** Whether {@code type} is {@code CpuGuard}. */
  public static boolean isGuard(TypeMirror type) {
    return erasedName(type).equals(GUARD);
  }

  /** The qualified name of a declared type's class, or {@code ""} for any other type. */
  public static String erasedName(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return "";
    }
    return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
  }

  private static String key(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    String ownerName =
        owner instanceof TypeElement t
            ? t.getQualifiedName().toString()
            : owner.getSimpleName().toString();
    return ownerName + "#" + method.getSimpleName();
  }

  private static boolean hasAnnotation(Element element, String qualifiedName) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      if (annotationName(a).equals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  private static String annotationName(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static AnnotationValue value(AnnotationMirror a, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null; // the attribute has its default value
  }

  private static int intValue(AnnotationMirror a, String name, int defaultValue) {
    AnnotationValue v = value(a, name);
    return v != null && v.getValue() instanceof Integer i ? i : defaultValue;
  }

  private static int[] intArray(AnnotationMirror a, String name) {
    List<Integer> out = new ArrayList<>();
    AnnotationValue v = value(a, name);
    if (v != null) {
      collect(v.getValue(), Integer.class, out);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<String> stringArray(AnnotationMirror a, String name) {
    List<String> out = new ArrayList<>();
    AnnotationValue v = value(a, name);
    if (v != null) {
      collect(v.getValue(), String.class, out);
    }
    return out;
  }

  // A single-element array attribute may be written without braces; javac still hands a list.
  private static <T> void collect(Object value, Class<T> type, List<T> out) {
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && type.isInstance(av.getValue())) {
          out.add(type.cast(av.getValue()));
        }
      }
    } else if (type.isInstance(value)) {
      out.add(type.cast(value));
    }
  }
}
