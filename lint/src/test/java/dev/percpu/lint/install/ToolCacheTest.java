package dev.percpu.lint.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.LintException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCacheTest {
  @TempDir Path dir;

  @Test
  void unpack_writesTheNestedTreeIntoOneDirectoryNamedForVersionAndContent() throws Exception {
    Path jar = jar("a.jar", Map.of("errorprone/ep.jar", "EP", "checker/cf.jar", "CF"));
    Path home = new ToolCache(dir.resolve("cache")).unpack(jar, "1.2.3");
    assertEquals(dir.resolve("cache"), home.getParent());
    assertTrue(home.getFileName().toString().matches("1\\.2\\.3-[0-9a-f]{20}"), home.toString());
    assertEquals("EP", Files.readString(home.resolve("lib/errorprone/ep.jar")));
    assertEquals("CF", Files.readString(home.resolve("lib/checker/cf.jar")));
    assertEquals(List.of(home), entries(dir.resolve("cache")), "no staging directory left behind");
  }

  @Test
  void unpack_again_reusesTheCopyWithoutWriting() throws Exception {
    Path jar = jar("a.jar", Map.of("errorprone/ep.jar", "EP"));
    ToolCache cache = new ToolCache(dir.resolve("cache"));
    Path file = cache.unpack(jar, "1").resolve("lib/errorprone/ep.jar");
    FileTime old = FileTime.fromMillis(0);
    Files.setLastModifiedTime(file, old);
    assertEquals(file, cache.unpack(jar, "1").resolve("lib/errorprone/ep.jar"));
    assertEquals(old, Files.getLastModifiedTime(file));
  }

  @Test
  void unpack_afterTheCopyWasDamaged_restoresIt() throws Exception {
    Path jar = jar("a.jar", Map.of("errorprone/ep.jar", "EP", "checker/cf.jar", "CF"));
    ToolCache cache = new ToolCache(dir.resolve("cache"));
    Path home = cache.unpack(jar, "1");
    Files.writeString(home.resolve("lib/errorprone/ep.jar"), "XY"); // same size, other bytes
    Files.delete(home.resolve("lib/checker/cf.jar"));
    assertEquals(home, cache.unpack(jar, "1"));
    assertEquals("EP", Files.readString(home.resolve("lib/errorprone/ep.jar")));
    assertEquals("CF", Files.readString(home.resolve("lib/checker/cf.jar")));
    assertEquals(List.of(home), entries(dir.resolve("cache")), "the damaged copy is gone");
  }

  @Test
  void unpack_ofOtherContent_usesAnotherDirectory() throws Exception {
    ToolCache cache = new ToolCache(dir.resolve("cache"));
    Path first = cache.unpack(jar("a.jar", Map.of("errorprone/ep.jar", "EP1")), "1");
    Path second = cache.unpack(jar("b.jar", Map.of("errorprone/ep.jar", "EP2")), "1");
    assertNotEquals(first, second);
    assertArrayEquals(
        "EP1".getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(first.resolve("lib/errorprone/ep.jar")));
  }

  @Test
  void unpack_ofAJarWithoutTools_isABrokenInstallationNamingTheJar() throws Exception {
    Path jar = jar("empty.jar", Map.of());
    LintException e =
        assertThrows(
            LintException.class, () -> new ToolCache(dir.resolve("cache")).unpack(jar, "1"));
    assertTrue(e.getMessage().startsWith("broken installation: " + jar), e.getMessage());
  }

  @Test
  void unpack_intoAnUnwritableRoot_namesTheRootAndTheVariable() throws Exception {
    Path jar = jar("a.jar", Map.of("errorprone/ep.jar", "EP"));
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    LintException e =
        assertThrows(
            LintException.class, () -> new ToolCache(file.resolve("cache")).unpack(jar, "1"));
    assertTrue(e.getMessage().contains(file.resolve("cache").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("PERCPU_LINT_CACHE"), e.getMessage());
  }

  /** A jar with {@code META-INF/percpu-lint/lib/NAME} entries, plus an unrelated class file. */
  private Path jar(String name, Map<String, String> libEntries) throws IOException {
    Path jar = dir.resolve(name);
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("dev/percpu/lint/Main.class", "not really");
    libEntries.forEach((k, v) -> entries.put(ToolCache.PREFIX + "lib/" + k, v));
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static List<Path> entries(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.toList();
    }
  }
}
