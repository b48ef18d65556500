package dev.percpu.errorprone.nesting;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.percpu.analysis.ClosureLiteral;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the compilation unit that records every value assigned to each variable
 * (initialiser first) and which methods are declared here, so the binder can resolve a variable
 * through its assignments without searching the tree again.
 */
final class UnitIndex {

  private final Map<VarSymbol, List<ExpressionTree>> assignments = new HashMap<>();
  private final Set<VarSymbol> declaredHere = new HashSet<>();
  private final Set<MethodSymbol> methods = new HashSet<>();
  private final Map<MethodSymbol, TreePath> methodPaths = new HashMap<>();
  private final Map<Symbol, TreePath> classPaths = new HashMap<>();
  private final Map<MethodSymbol, List<ExpressionTree>> returns = new HashMap<>();

  /** Paths of closures that initialise variables, for running them where they are invoked. */
  private final Map<Tree, TreePath> closurePaths = new IdentityHashMap<>();

  /** Fields assigned somewhere other than a constructor or initialiser of this unit. */
  private final Set<VarSymbol> reassigned = new HashSet<>();

  /** The variable of each for-each loop over a variable, and that variable. */
  private final Map<VarSymbol, VarSymbol> forEachOver = new HashMap<>();

  static UnitIndex of(CompilationUnitTree unit) {
    UnitIndex index = new UnitIndex();
    new TreePathScanner<Void, Void>() {
      /** Whether the code being scanned runs only while an object or class is initialised. */
      private boolean initialising = true;

      /** The method whose own return statements are being scanned (null inside lambdas). */
      private MethodSymbol returnsOf;

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (returnsOf != null && node.getExpression() != null) {
          index
              .returns
              .computeIfAbsent(returnsOf, k -> new ArrayList<>())
              .add(node.getExpression());
        }
        return super.visitReturn(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        boolean saved = initialising;
        MethodSymbol savedReturns = returnsOf;
        initialising = false;
        returnsOf = null;
        try {
          return super.visitLambdaExpression(node, null);
        } finally {
          initialising = saved;
          returnsOf = savedReturns;
        }
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        Symbol c = ASTHelpers.getSymbol(node);
        if (c != null) {
          index.classPaths.put(c, getCurrentPath());
        }
        boolean saved = initialising;
        initialising = true;
        try {
          return super.visitClass(node, null);
        } finally {
          initialising = saved;
        }
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        VarSymbol v = ASTHelpers.getSymbol(node);
        if (v != null) {
          index.declaredHere.add(v);
          if (node.getInitializer() != null) {
            index
                .assignments
                .computeIfAbsent(v, k -> new ArrayList<>())
                .add(0, node.getInitializer());
            if (ClosureLiteral.isClosure(node.getInitializer())) {
              index.closurePaths.put(
                  node.getInitializer(), new TreePath(getCurrentPath(), node.getInitializer()));
            }
          }
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
        VarSymbol element = ASTHelpers.getSymbol(node.getVariable());
        if (element != null
            && ASTHelpers.getSymbol(ASTHelpers.stripParentheses(node.getExpression()))
                instanceof VarSymbol over) {
          index.forEachOver.put(element, over);
        }
        return super.visitEnhancedForLoop(node, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (ASTHelpers.getSymbol(node.getVariable()) instanceof VarSymbol v) {
          index.assignments.computeIfAbsent(v, k -> new ArrayList<>()).add(node.getExpression());
          if (!initialising) {
            index.reassigned.add(v);
          }
        }
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        Symbol s = ASTHelpers.getSymbol(node);
        // Only a method with a body here can be summarised; an abstract or interface method is
        // as unknown as one compiled elsewhere.
        if (s instanceof MethodSymbol m && node.getBody() != null) {
          index.methods.add(m);
          index.methodPaths.put(m, getCurrentPath());
        }
        boolean saved = initialising;
        MethodSymbol savedReturns = returnsOf;
        initialising = s != null && s.isConstructor();
        returnsOf = s instanceof MethodSymbol m ? m : null;
        try {
          return super.visitMethod(node, null);
        } finally {
          initialising = saved;
          returnsOf = savedReturns;
        }
      }
    }.scan(new TreePath(unit), null);
    return index;
  }

  /** The variable a for-each loop declaring {@code element} iterates over, or null. */
  VarSymbol forEachOver(VarSymbol element) {
    return forEachOver.get(element);
  }

  /** Every value assigned to {@code v} in this unit, the initialiser first; empty if none. */
  List<ExpressionTree> assignments(VarSymbol v) {
    return assignments.getOrDefault(v, List.of());
  }

  /** Whether {@code v} is declared in this unit (so its assignments are all known). */
  boolean declaredHere(VarSymbol v) {
    return declaredHere.contains(v);
  }

  /**
   * Whether a field is assigned only where objects or the class are initialised (its initialiser,
   * constructors, initialiser blocks) in this unit.
   */
  boolean assignedOnlyWhileInitialising(VarSymbol field) {
    return declaredHere.contains(field) && !reassigned.contains(field);
  }

  /** The path of a closure that initialises a variable, or null. */
  TreePath closurePath(Tree initializer) {
    return closurePaths.get(initializer);
  }

  /** The path of the declaration of a method of this unit, or null. */
  TreePath pathOf(MethodSymbol m) {
    return methodPaths.get(m);
  }

  /** The path of the declaration of a class (named, local or anonymous) of this unit, or null. */
  TreePath pathOf(Symbol c) {
    return classPaths.get(c);
  }

  /** Every class (named, local or anonymous) this unit declares. */
  Iterable<Symbol> classes() {
    return classPaths.keySet();
  }

  /** The expressions {@code m}'s own return statements return (not its lambdas'). */
  List<ExpressionTree> returns(MethodSymbol m) {
    return returns.getOrDefault(m, List.of());
  }

  /** Whether {@code m} is declared with a body in this unit. */
  boolean declaredHere(MethodSymbol m) {
    return methods.contains(m);
  }
}
