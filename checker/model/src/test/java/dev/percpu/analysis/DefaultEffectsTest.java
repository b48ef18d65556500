package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DefaultEffectsTest {

  @Test
  void platformPackages_enterNothing() {
    for (String pkg :
        new String[] {
          "java.util", "javax.lang.model", "jdk.internal.misc", "sun.misc", "com.sun.source.tree"
        }) {
      assertTrue(DefaultEffects.isPlatformOrRuntime(pkg), pkg);
    }
  }

  @Test
  void theRuntimePackageItself_entersNothing_butItsSubpackagesAndLookalikesMay() {
    assertTrue(DefaultEffects.isPlatformOrRuntime("dev.percpu"));
    assertFalse(DefaultEffects.isPlatformOrRuntime("dev.percpu.samples"));
    assertFalse(DefaultEffects.isPlatformOrRuntime("javafoo"));
    assertFalse(DefaultEffects.isPlatformOrRuntime("com.example"));
    assertFalse(DefaultEffects.isPlatformOrRuntime(""));
  }
}
