package dev.percpu.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Test support: analyses a Java source with the system compiler and hands out its elements, so the
 * model is tested on the same {@code javax.lang.model} objects the checkers see.
 */
final class Elements {
  final JavacTask task;
  final Types types;

  private final List<CompilationUnitTree> units;

  private Elements(JavacTask task, List<CompilationUnitTree> units) {
    this.task = task;
    this.types = task.getTypes();
    this.units = units;
  }

  static Elements compile(String className, String source) {
    return compile(Map.of(className, source));
  }

  /** Analyses several sources in one compilation, keyed by their classes' qualified names. */
  static Elements compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((className, source) -> files.add(source(className, source)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        new ArrayList<>(List.of("-proc:none", "-classpath", System.getProperty("java.class.path")));
    JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, options, null, files);
    List<CompilationUnitTree> units = new ArrayList<>();
    try {
      task.parse().forEach(units::add);
      task.analyze();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    if (!diagnostics.getDiagnostics().isEmpty()) {
      throw new AssertionError("test source does not compile: " + diagnostics.getDiagnostics());
    }
    return new Elements(task, units);
  }

  private static JavaFileObject source(String className, String source) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + className.replace('.', '/') + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
  }

  /** The compilation unit of the source for {@code className}. */
  CompilationUnitTree unit(String className) {
    String path = "/" + className.replace('.', '/') + ".java";
    for (CompilationUnitTree u : units) {
      if (u.getSourceFile().toUri().getPath().equals(path)) {
        return u;
      }
    }
    throw new AssertionError("no source for " + className);
  }

  /**
   * The method or constructor each call, method reference and constructor call of the compiled
   * units invokes, as a checker's framework would look it up.
   */
  Function<Tree, ExecutableElement> callees() {
    Trees trees = Trees.instance(task);
    Map<Tree, ExecutableElement> callees = new IdentityHashMap<>();
    for (CompilationUnitTree u : units) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          record();
          return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
          record();
          return super.visitMemberReference(node, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
          record();
          return super.visitNewClass(node, unused);
        }

        private void record() {
          if (trees.getElement(getCurrentPath()) instanceof ExecutableElement m) {
            callees.put(getCurrentPath().getLeaf(), m);
          }
        }
      }.scan(u, null);
    }
    return callees::get;
  }

  TypeElement type(String qualifiedName) {
    TypeElement t = task.getElements().getTypeElement(qualifiedName);
    if (t == null) {
      throw new AssertionError("no type " + qualifiedName + " on the test classpath");
    }
    return t;
  }

  ExecutableElement method(String qualifiedType, String name) {
    for (ExecutableElement m : ElementFilter.methodsIn(type(qualifiedType).getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(name)) {
        return m;
      }
    }
    throw new AssertionError("no method " + name + " in " + qualifiedType);
  }

  /**
   * {@code question} asked of the first argument of each call of a method named {@code take} in the
   * unit of {@code className}, in source order.
   */
  <T> List<T> takeArguments(String className, Function<ExpressionTree, T> question) {
    List<T> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node.getMethodSelect() instanceof IdentifierTree id
            && id.getName().contentEquals("take")) {
          out.add(question.apply(node.getArguments().get(0)));
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(unit(className), null);
    return out;
  }
}
