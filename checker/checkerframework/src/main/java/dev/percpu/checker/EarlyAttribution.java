package dev.percpu.checker;

import com.sun.source.tree.ClassTree;
import java.lang.reflect.Method;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Asks javac to attribute a top-level class of the unit being checked before its turn. javac
 * records the class as attributed and does not attribute it again; its own flow checks and the
 * checker's visit of that class still happen at the class's turn.
 *
 * <p>javac's internals are reached reflectively: the module is compiled with {@code --release 17},
 * which does not allow {@code --add-exports}, and the packages are exported at run time by the same
 * flags every Checker Framework run needs.
 */
final class EarlyAttribution {

  private EarlyAttribution() {}

  /** Whether {@code ct} is attributed now (it may have been already). */
  static boolean attribute(ProcessingEnvironment env, ClassTree ct) {
    try {
      TypeElement symbol = TreeUtils.elementFromDeclaration(ct);
      if (symbol == null) {
        return false;
      }
      Object context = env.getClass().getMethod("getContext").invoke(env);
      Class<?> contextClass = Class.forName("com.sun.tools.javac.util.Context");
      Class<?> enterClass = Class.forName("com.sun.tools.javac.comp.Enter");
      Class<?> compilerClass = Class.forName("com.sun.tools.javac.main.JavaCompiler");
      Class<?> envClass = Class.forName("com.sun.tools.javac.comp.Env");
      Class<?> typeSymbolClass = Class.forName("com.sun.tools.javac.code.Symbol$TypeSymbol");
      Object enter = enterClass.getMethod("instance", contextClass).invoke(null, context);
      Object classEnv = enterClass.getMethod("getEnv", typeSymbolClass).invoke(enter, symbol);
      if (classEnv == null) {
        return false;
      }
      Object compiler = compilerClass.getMethod("instance", contextClass).invoke(null, context);
      Method attribute = compilerClass.getMethod("attribute", envClass);
      attribute.invoke(compiler, classEnv);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false; // the later class then counts as compiled elsewhere
    }
  }
}
