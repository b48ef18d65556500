package dev.percpu.analysis;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * Test support: analyses a Java source with the system compiler and hands out its elements, so
 * the model is tested on the same {@code javax.lang.model} objects the checkers see.
 */
final class Elements {
  final JavacTask task;
  final Types types;

  private Elements(JavacTask task) {
    this.task = task;
    this.types = task.getTypes();
  }

  static Elements compile(String className, String source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("-proc:none", "-classpath", System.getProperty("java.class.path")));
    JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, options, null, List.of(file));
    try {
      task.analyze();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    if (!diagnostics.getDiagnostics().isEmpty()) {
      throw new AssertionError("test source does not compile: " + diagnostics.getDiagnostics());
    }
    return new Elements(task);
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
}
