package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
  @Test
  void theRuntimeIsModuleDevPercpu_exportingItsApiButNotItsInternals() {
    Module module = CpuGuard.class.getModule();
    assertTrue(module.isNamed(), "tests run on the module path");
    ModuleDescriptor descriptor = module.getDescriptor();
    assertEquals("dev.percpu", descriptor.name());
    Set<String> exported =
        descriptor.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    assertEquals(Set.of("dev.percpu"), exported);
    assertFalse(exported.contains("dev.percpu.internal"));
  }

  @Test
  void theRuntimeRequiresNoThirdPartyModule_andJfrOnlyOptionally() {
    Set<ModuleDescriptor.Requires> requires = CpuGuard.class.getModule().getDescriptor().requires();
    Set<String> required =
        requires.stream()
            .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
    assertEquals(Set.of("java.base", "dev.percpu.qual"), required);
    // Blocking detection uses JFR where it is resolved and degrades where it is not.
    Set<String> optional =
        requires.stream()
            .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
    assertEquals(Set.of("jdk.jfr"), optional);
  }
}
