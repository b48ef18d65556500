package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnitRelevanceTest {

  private static Elements elements;

  /**
   * Library code (which mentions the API) and one user unit per case (which does not import it).
   */
  @BeforeAll
  static void compile() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "dev.percpu.PerCpu",
        """
        package dev.percpu;
        public final class PerCpu<T> {
          public void with(java.util.function.Consumer<? super T> action) {}
        }
        """);
    sources.put(
        "dev.percpu.Base",
        """
        package dev.percpu;
        public class Base { public void inherited() {} }
        """);
    sources.put(
        "lib.Wrappers",
        """
        package lib;
        import dev.percpu.PerCpu;
        import dev.percpu.qual.*;
        public class Wrappers extends dev.percpu.Base {
          public Wrappers() {}
          public Wrappers(PerCpu<String> handle) {}
          @InvokesClosure(0) public static void wrap(Runnable r) {}
          @Enters("#0") public static void effect(Object handle) {}
          public static PerCpu<String> counter() { return null; }
          public static void take(PerCpu<String> handle) {}
          public static void configured(Runnable r) {}
          @Deprecated public static void plain(Runnable r) {}
        }
        """);
    user(
        sources,
        "Plain",
        "lib.Wrappers.plain(() -> {}); new Object(); java.util.function.Function<String, Integer> f = String::length;"
            + " java.util.List.of(new lib.Wrappers());");
    user(sources, "Inherited", "new lib.Wrappers().inherited();");
    user(sources, "Annotated", "lib.Wrappers.wrap(() -> {});");
    user(sources, "EffectOnly", "lib.Wrappers.effect(null);");
    user(
        sources,
        "MethodReference",
        "java.util.function.Consumer<Runnable> c = lib.Wrappers::wrap;");
    user(sources, "ReturnsHandle", "var h = lib.Wrappers.counter();");
    user(sources, "TakesHandle", "lib.Wrappers.take(null);");
    user(sources, "ConstructorTakesHandle", "new lib.Wrappers(null);");
    user(sources, "Configured", "lib.Wrappers.configured(() -> {});");
    user(sources, "QualifiedName", "dev.percpu.PerCpu<String> h = null;");
    sources.put(
        "app.Imports", "package app;\nimport dev.percpu.qual.Distinct;\nclass Imports {}\n");
    sources.put("dev.percpu.app.InPackage", "package dev.percpu.app;\nclass InPackage {}\n");
    elements = Elements.compile(sources);
  }

  private static void user(Map<String, String> sources, String name, String body) {
    sources.put(
        "app." + name, "package app;\nclass " + name + " {\n  void run() { " + body + " }\n}\n");
  }

  private static boolean relevant(PerCpuApi api, String className) {
    return new UnitRelevance(api, elements.task.getElements(), elements.callees())
        .concernsPerCpu(elements.unit(className));
  }

  private static boolean relevant(String className) {
    return relevant(PerCpuApi.annotationsOnly(), className);
  }

  @Test
  void unitWithoutTheApi_isNotRelevant() {
    assertFalse(relevant("app.Plain"));
  }

  @Test
  void packageOrImportOfTheApi_isRelevant() {
    assertTrue(relevant("dev.percpu.app.InPackage"));
    assertTrue(relevant("app.Imports"));
  }

  @Test
  void qualifiedNameOfTheApi_isRelevant() {
    assertTrue(relevant("app.QualifiedName"));
  }

  @Test
  void callOfMethodDeclaredInTheApi_isRelevant() {
    assertTrue(relevant("app.Inherited"));
  }

  @Test
  void callOfAnnotatedWrapper_isRelevant() {
    assertTrue(relevant("app.Annotated"));
  }

  @Test
  void callOfMethodWithOnlyAnEffect_isRelevant() {
    assertTrue(relevant("app.EffectOnly"));
  }

  @Test
  void methodReference_isRelevant() {
    assertTrue(relevant("app.MethodReference"));
  }

  @Test
  void handleInSignature_isRelevant() {
    assertTrue(relevant("app.ReturnsHandle"));
    assertTrue(relevant("app.TakesHandle"));
    assertTrue(relevant("app.ConstructorTakesHandle"));
  }

  @Test
  void configuredMethod_isRelevantOnlyWhenConfigured() {
    assertFalse(relevant("app.Configured"));
    assertTrue(
        relevant(PerCpuApi.create(List.of("lib.Wrappers#configured=invokes:0")), "app.Configured"));
  }

  @Test
  void unknownCallee_isSkipped() {
    UnitRelevance relevance =
        new UnitRelevance(PerCpuApi.annotationsOnly(), elements.task.getElements(), tree -> null);
    assertFalse(relevance.concernsPerCpu(elements.unit("app.Annotated")));
  }
}
