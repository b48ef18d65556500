package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.net.URI;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The qualifier string and the model's identity translate into each other without loss. */
class AllocationIdTest {

  private static VariableElement field;
  private static MethodInvocationTree call;

  @BeforeAll
  static void compile() throws Exception {
    String source = "class Handles { Object field; Object m() { return m(); } }";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    SimpleJavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///Handles.java"), SimpleJavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavacTask task = (JavacTask) javac.getTask(null, null, null, List.of(), null, List.of(file));
    Iterable<? extends CompilationUnitTree> units = task.parse();
    task.analyze();
    TypeElement handles = task.getElements().getTypeElement("Handles");
    field = ElementFilter.fieldsIn(handles.getEnclosedElements()).get(0);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        call = tree;
        return null;
      }
    }.scan(units, null);
  }

  private final AllocationId ids = new AllocationId();

  @Test
  void symbol_roundTripsByName() {
    String key = ids.encode(new Symbolic("hits", null));
    assertEquals("symbol:hits", key);
    assertEquals(new Symbolic("hits", null), ids.decode(key, null, "h"));
  }

  @Test
  void variable_roundTripsToTheSameElement() {
    String key = ids.encode(new Variable(field, null, false));
    AllocationIdentity back = ids.decode(key, null, "field");
    assertEquals(new Variable(field, null, false), back);
    assertTrue(!back.isPromisedDistinct());
  }

  @Test
  void distinctPromise_survivesTheRoundTrip() {
    String key = ids.promisedDistinct(ids.encode(new Variable(field, null, false)));
    assertTrue(ids.decode(key, null, "field").isPromisedDistinct());
    String site = ids.promisedDistinct(ids.encode(new Fresh(call, null, false, null, "", 1)));
    assertTrue(ids.decode(site, null, "h").isPromisedDistinct());
  }

  @Test
  void freshSite_keepsItsScopeAndLineAndTakesTheReadersLabel() {
    String key = ids.encode(new Fresh(call, null, false, null, "", 7));
    Fresh back = assertInstanceOf(Fresh.class, ids.decode(key, null, "counts"));
    assertEquals(call, back.site());
    assertEquals(7, back.line());
    assertEquals("`counts`", back.describe());
  }

  @Test
  void freshSiteOwnedByAnInstanceField_keepsItsOwner_evenUnderTheDistinctPromise() {
    String key = ids.encode(new Fresh(call, null, false, null, "", 3).ownedBy(field));
    Fresh back = assertInstanceOf(Fresh.class, ids.decode(key, null, "counts"));
    assertTrue(back.ofInstance());
    Fresh promised =
        assertInstanceOf(Fresh.class, ids.decode(ids.promisedDistinct(key), null, "counts"));
    assertTrue(promised.isPromisedDistinct());
    assertEquals(field, promised.field());
  }

  @Test
  void unknown_hasNoStringAndAnUnrecognisedStringIsUnknown() {
    assertNull(ids.encode(new Unknown(null, "a method result")));
    assertInstanceOf(Unknown.class, ids.decode(null, null, "a method result"));
    assertInstanceOf(Unknown.class, ids.decode("written-by-hand", null, "h"));
  }
}
