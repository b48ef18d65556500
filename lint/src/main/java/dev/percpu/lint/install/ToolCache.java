package dev.percpu.lint.install;

import dev.percpu.lint.LintException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Unpacks the tool jars nested in {@code percpu-lint.jar} into a directory of their own under a
 * cache root, once per content: the directory's name is a digest of every nested entry's name, size
 * and CRC-32 (read from the jar's central directory, so finding the directory costs no
 * decompression), and a new build of the jar gets a new directory.
 *
 * <pre>{@code
 * Path home = new ToolCache(ToolCache.defaultRoot()).unpack(Path.of("percpu-lint.jar"), "0.1.0");
 * // home/lib/errorprone/*.jar, home/lib/checker/*.jar, home/lib/classpath/*.jar
 * }</pre>
 *
 * <p>Each run checks the unpacked files against the jar's sizes and CRCs (tens of milliseconds for
 * the ~30 MB), so a directory that a cleaner emptied halfway, or a file that was overwritten, is
 * unpacked again rather than handed to javac. Unpacking goes to a private staging directory that is
 * then renamed into place, so concurrent first runs never see each other's partial files: the first
 * rename wins and the others use its result.
 */
public final class ToolCache {
  /** Where the nested tool jars live inside {@code percpu-lint.jar}, and in the cache directory. */
  public static final String PREFIX = "META-INF/percpu-lint/";

  private static final String LIB = PREFIX + "lib/";

  private final Path root;

  public ToolCache(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The cache root: the system property {@code percpu.lint.cache}, else the environment variable
   * {@code PERCPU_LINT_CACHE}, else {@code $XDG_CACHE_HOME/percpu-lint}, else {@code
   * ~/.cache/percpu-lint}. Any of them may be deleted at any time.
   */
  public static Path defaultRoot() {
    String property = System.getProperty("percpu.lint.cache");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String environment = System.getenv("PERCPU_LINT_CACHE");
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "percpu-lint");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "percpu-lint");
  }

  /**
   * The directory holding {@code jar}'s nested {@code lib/} tree, unpacking it first when no valid
   * copy is there.
   *
   * @param version shown in the directory's name, for whoever looks into the cache
   */
  public Path unpack(Path jar, String version) throws LintException {
    try (JarFile jarFile = new JarFile(jar.toFile(), false)) {
      List<ZipEntry> entries =
          jarFile.stream()
              .filter(e -> !e.isDirectory() && e.getName().startsWith(LIB))
              .sorted(Comparator.comparing(ZipEntry::getName))
              .map(ZipEntry.class::cast)
              .toList();
      if (entries.isEmpty()) {
        throw new LintException(
            "broken installation: "
                + jar
                + " carries no checkers (nothing under "
                + LIB
                + "); build it with: mvn -pl lint -am package -DskipTests");
      }
      Path home = root.resolve(safe(version) + "-" + key(entries));
      if (matches(home, entries)) {
        return home;
      }
      Files.createDirectories(root);
      Path staging = Files.createTempDirectory(root, ".unpacking-");
      try {
        for (ZipEntry entry : entries) {
          extract(jarFile, entry, staging.resolve(relative(entry)));
        }
        install(staging, home, entries);
      } finally {
        deleteRecursively(staging);
      }
      return home;
    } catch (IOException | UncheckedIOException e) {
      throw new LintException(
          "cannot unpack the checkers from "
              + jar
              + " into "
              + root
              + ": "
              + e.getMessage()
              + " (set PERCPU_LINT_CACHE to a writable directory)",
          e);
    }
  }

  private void install(Path staging, Path home, List<ZipEntry> entries)
      throws IOException, LintException {
    // Renaming onto an existing directory fails (how, depends on the OS: a rename onto a non-empty
    // directory is a plain FileSystemException on Linux), whoever put it there.
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      return;
    } catch (FileSystemException e) {
      if (!Files.exists(home)) {
        throw e;
      }
      if (matches(home, entries)) {
        return; // another run unpacked the same jars first
      }
    }
    // A damaged copy: move it aside (a run still reading it keeps its open files), then replace it.
    Path stale = Files.createTempDirectory(root, ".stale-");
    try {
      Files.move(home, stale.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      if (!Files.exists(home) || !matches(home, entries)) {
        throw new LintException(
            "cannot replace the damaged cache directory " + home + " (delete it): " + e, e);
      }
    } finally {
      deleteRecursively(stale);
    }
  }

  private static void extract(JarFile jar, ZipEntry entry, Path target)
      throws IOException, LintException {
    Files.createDirectories(target.getParent());
    CRC32 crc = new CRC32();
    long size = 0;
    try (InputStream in = jar.getInputStream(entry);
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
    }
    if (size != entry.getSize() || crc.getValue() != entry.getCrc()) {
      throw new LintException(
          "the linter's jar is damaged: " + entry.getName() + " does not match its checksum");
    }
  }

  /** Whether {@code home} holds exactly the bytes the jar's entries describe. */
  private static boolean matches(Path home, List<ZipEntry> entries) throws IOException {
    if (!Files.isDirectory(home)) {
      return false;
    }
    byte[] buffer = new byte[1 << 16];
    for (ZipEntry entry : entries) {
      Path file = home.resolve(relative(entry));
      if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
        return false;
      }
      CRC32 crc = new CRC32();
      try (InputStream in = Files.newInputStream(file)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          crc.update(buffer, 0, n);
        }
      }
      if (crc.getValue() != entry.getCrc()) {
        return false;
      }
    }
    return true;
  }

  /** {@code lib/errorprone/x.jar} for {@code META-INF/percpu-lint/lib/errorprone/x.jar}. */
  private static String relative(ZipEntry entry) throws IOException {
    String name = entry.getName().substring(PREFIX.length());
    if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
      throw new IOException("unexpected entry name " + entry.getName());
    }
    return name;
  }

  private static String key(List<ZipEntry> entries) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (ZipEntry entry : entries) {
      String line = entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n';
      sha.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 10);
  }

  private static String safe(String version) {
    return version.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover staging directory is not worth failing a lint run over.
    }
  }
}
