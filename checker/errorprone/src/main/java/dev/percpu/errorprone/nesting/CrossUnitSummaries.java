package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.model.JavacTypes;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import dev.percpu.analysis.CallScanner;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.analysis.MethodRole;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.tools.JavaFileObject;

/**
 * The summaries of methods of the other compilation units of one javac invocation, memoised in its
 * {@link Context}: each unit's come from that unit's own fixpoint, in its own terms, computed once
 * and only when a unit under analysis calls into it.
 *
 * <p>They must not depend on which unit asks first, or on the order of the files on the command
 * line. A unit's summaries depend on the summaries of the units it calls, so the units form a
 * graph; its strongly connected components are found first (Tarjan's algorithm over the units each
 * one calls). Within one component a call into another member is read as a call into a class file
 * ({@code @Enters}, or the default); calls into a component further down use that component's
 * summaries. So each unit's summaries are a function of the sources alone.
 *
 * <p>Only with {@code -XDcompilePolicy=simple} is every unit attributed before any is checked (and
 * none lowered yet); under any other policy this knows no other unit, and their methods are read
 * from their declarations as class files are. A method that declares {@code @Enters} is read from
 * its declaration too, so that compiling its file with the caller or before it gives the same
 * findings.
 *
 * <pre>{@code
 * UnitContext ctx =
 *     new UnitContext(unit, state, config, CrossUnitSummaries.instance(state, config).seenFrom(unit));
 * }</pre>
 */
final class CrossUnitSummaries {

  private static final Context.Key<CrossUnitSummaries> KEY = new Context.Key<>();

  /** A unit's place in the graph of units, and (once asked) its summaries. */
  private static final class Node {
    final CompilationUnitTree unit;
    int index = -1;
    int lowLink;
    boolean onStack;

    /** The component's representative: the same object for every member. */
    Object component;

    Set<CompilationUnitTree> callees;
    NestingAnalysis.Result<NestingListener> result;
    UnitContext context;
    boolean computing;

    Node(CompilationUnitTree unit) {
      this.unit = unit;
    }
  }

  private final VisitorState state;
  private final PerCpuConfig config;
  private final JavacTrees trees;
  private final boolean enabled;
  private final Map<CompilationUnitTree, Node> nodes = new IdentityHashMap<>();
  private final Map<ClassSymbol, Optional<CompilationUnitTree>> unitOfClass = new HashMap<>();
  private final Map<MethodSymbol, Optional<BodySummary>> bodies = new HashMap<>();
  private final JavacTypes modelTypes;
  private int nextIndex;
  private final Symtab symtab;
  private final Types types;
  private SourceMethods sources;

  private CrossUnitSummaries(Context context, PerCpuConfig config) {
    this.state = VisitorState.createForUtilityPurposes(context);
    this.config = config;
    this.trees = JavacTrees.instance(context);
    this.modelTypes = JavacTypes.instance(context);
    this.symtab = Symtab.instance(context);
    this.types = Types.instance(context);
    this.enabled = "simple".equals(Options.instance(context).get("compilePolicy"));
  }

  /** The compilation's instance. */
  static CrossUnitSummaries instance(VisitorState state, PerCpuConfig config) {
    CrossUnitSummaries s = state.context.get(KEY);
    if (s == null) {
      s = new CrossUnitSummaries(state.context, config);
      state.context.put(KEY, s);
    }
    return s;
  }

  /**
   * The instance methods of the named (top-level and member) classes of every source unit of this
   * compilation, where a call's overriders in other units are looked for; none under another
   * compile policy.
   */
  SourceMethods sourceMethods() {
    if (sources == null) {
      List<ClassSymbol> named = new ArrayList<>();
      if (enabled) {
        for (ClassSymbol c : symtab.getAllClasses()) {
          // A class entered from source has no class file yet, or its source as one.
          if ((c.classfile == null || c.classfile.getKind() == JavaFileObject.Kind.SOURCE)
              && c.sourcefile != null
              && c.sourcefile.getKind() == JavaFileObject.Kind.SOURCE
              && !c.name.isEmpty()
              && !c.isDirectlyOrIndirectlyLocal()
              && unitOf(c) != null) {
            named.add(c);
          }
        }
      }
      named.sort(Comparator.comparing(c -> c.flatName().toString()));
      sources = new SourceMethods(named);
    }
    return sources;
  }

  /** The lookup the analysis of {@code unit} itself uses: any other unit's summaries. */
  Function<MethodSymbol, BodySummary> seenFrom(CompilationUnitTree unit) {
    return m -> {
      CompilationUnitTree there = unitOf(m);
      return there == null || there == unit ? null : bodyOf(m, there);
    };
  }

  /** The unit that declares {@code m} from source in this compilation, or null. */
  CompilationUnitTree unitOf(Symbol m) {
    if (!enabled || m == null) {
      return null;
    }
    ClassSymbol top = m.outermostClass();
    if (top == null) {
      return null;
    }
    Optional<CompilationUnitTree> known = unitOfClass.get(top);
    if (known == null) {
      CompilationUnitTree found = null;
      try {
        TreePath path = trees.getPath(top);
        found = path == null ? null : path.getCompilationUnit();
      } catch (RuntimeException e) {
        // A class javac read from a class file, or one it cannot complete: no source to read.
      }
      known = Optional.ofNullable(found);
      unitOfClass.put(top, known);
    }
    return known.orElse(null);
  }

  private BodySummary bodyOf(MethodSymbol m, CompilationUnitTree unit) {
    Optional<BodySummary> known = bodies.get(m);
    if (known == null) {
      known = Optional.ofNullable(declares(m) ? null : computeBodyOf(m, unit));
      bodies.put(m, known);
    }
    return known.orElse(null);
  }

  private BodySummary computeBodyOf(MethodSymbol m, CompilationUnitTree unit) {
    Node node = node(unit);
    if (node.component == null) {
      connect(node);
    }
    if (node.result == null) {
      if (node.computing) {
        return null; // cannot happen between components; never loop if it does
      }
      node.computing = true;
      try {
        node.context =
            new UnitContext(unit, state, config, inComponentOf(node), this::sourceMethods);
        node.result = NestingAnalysis.fixpoint(node.context, () -> event -> {});
      } finally {
        node.computing = false;
      }
    }
    if (!node.context.index().declaredHere(m)) {
      return null; // abstract, or a tree the unit's index did not see: unknown, as a class file
    }
    EffectSummary summary = node.result.table().finished().get(m);
    return new BodySummary(
        summary == null ? EffectSummary.EMPTY : summary,
        node.result.table().parameterNestings(m),
        node.context.binder());
  }

  /** The lookup a member of {@code node}'s component uses: units further down the graph only. */
  private Function<MethodSymbol, BodySummary> inComponentOf(Node node) {
    return m -> {
      CompilationUnitTree there = unitOf(m);
      if (there == null || there == node.unit) {
        return null;
      }
      Node other = node(there);
      if (other.component == null) {
        connect(other);
      }
      return other.component == node.component ? null : bodyOf(m, there);
    };
  }

  /**
   * Whether {@code m} says what it does (an {@code @Enters} effect, a role, a closure parameter
   * whose use is declared or configured), so it is read from that as a class file would be.
   */
  private boolean declares(MethodSymbol m) {
    try {
      if (config.api().declaredEffect(m).isPresent() || config.api().roleOf(m) != MethodRole.NONE) {
        return true;
      }
      for (int i = 0; i < m.getParameters().size(); i++) {
        if (config.api().closureUse(m, i, modelTypes) != ClosureUse.UNKNOWN) {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException malformed) {
      return true; // read as declared: the declaring library's problem
    }
  }

  private Node node(CompilationUnitTree unit) {
    return nodes.computeIfAbsent(unit, Node::new);
  }

  // ---- the components (Tarjan) ----

  private final Deque<Node> stack = new ArrayDeque<>();

  private void connect(Node v) {
    v.index = nextIndex;
    v.lowLink = nextIndex;
    nextIndex++;
    stack.push(v);
    v.onStack = true;
    for (CompilationUnitTree callee : calleesOf(v)) {
      Node w = node(callee);
      if (w.index < 0) {
        connect(w);
        v.lowLink = Math.min(v.lowLink, w.lowLink);
      } else if (w.onStack) {
        v.lowLink = Math.min(v.lowLink, w.index);
      }
    }
    if (v.lowLink == v.index) {
      Object component = new Object();
      Node w;
      do {
        w = stack.pop();
        w.onStack = false;
        w.component = component;
      } while (w != v);
    }
  }

  /** The other units whose methods {@code v}'s unit calls, constructs or refers to. */
  private Set<CompilationUnitTree> calleesOf(Node v) {
    if (v.callees == null) {
      Set<CompilationUnitTree> out = new LinkedHashSet<>();
      Set<Symbol> seen = new HashSet<>();
      new CallScanner() {
        @Override
        protected void call(ExpressionTree call) {
          Symbol s = ASTHelpers.getSymbol(call);
          if (s != null && seen.add(s)) {
            add(unitOf(s));
            // A call that may dispatch to an overrider depends on the overrider's unit too.
            if (s instanceof MethodSymbol m
                && !m.isStatic()
                && !m.isConstructor()
                && m.owner instanceof TypeSymbol owner) {
              for (MethodSymbol o : sourceMethods().overriders(m, owner, types)) {
                add(unitOf(o));
              }
            }
          }
        }

        private void add(CompilationUnitTree there) {
          if (there != null && there != v.unit) {
            out.add(there);
          }
        }
      }.scan(v.unit, null);
      v.callees = out;
    }
    return v.callees;
  }
}
