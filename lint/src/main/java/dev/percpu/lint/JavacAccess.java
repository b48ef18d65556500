package dev.percpu.lint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The javac internals that Error Prone and the Checker Framework reach into, and what the linter
 * does when its JVM was started without access to them.
 *
 * <p>How the single-jar linter gets that access: {@code percpu-lint.jar}'s manifest carries {@code
 * Add-Exports} and {@code Add-Opens} for these packages, which {@code java -jar} honours (JDK 9+,
 * tested on 17 and 25), so the common case costs nothing. Started any other way ({@code java -cp
 * percpu-lint.jar dev.percpu.lint.Main}, an IDE, a wrapper), the JVM has no such flags, and a
 * processor would fail deep inside javac with {@code IllegalAccessError}; then {@link
 * dev.percpu.lint.Main} runs the linter again in a child JVM with the flags as {@code
 * --add-exports} and {@code --add-opens}, standard streams inherited, and exits with the child's
 * status. The alternatives were worse: forking every run costs a JVM start where none is needed,
 * and opening the packages reflectively from inside needs {@code --add-opens java.base} or {@code
 * sun.misc.Unsafe} tricks that later JDKs close.
 *
 * <pre>{@code
 * if (!JavacAccess.granted()) {
 *   System.exit(JavacAccess.relaunch(args, System.err));
 * }
 * }</pre>
 */
public final class JavacAccess {
  static final List<String> EXPORTED =
      List.of("api", "file", "main", "model", "parser", "processing", "tree", "util");
  static final List<String> OPENED = List.of("code", "comp");

  /** Set on the child JVM, so that a JVM that still lacks access fails instead of looping. */
  private static final String RELAUNCHED = "percpu.lint.relaunched";

  private JavacAccess() {}

  /**
   * Whether every unnamed module (the linter's and the processors') may use the packages. A JVM
   * without {@code jdk.compiler} counts as granted: the linter then says that it needs a JDK.
   */
  public static boolean granted() {
    Optional<Module> javac = ModuleLayer.boot().findModule("jdk.compiler");
    if (javac.isEmpty()) {
      return true;
    }
    Module unnamed = JavacAccess.class.getModule();
    return EXPORTED.stream().allMatch(p -> javac.get().isExported(pkg(p), unnamed))
        && OPENED.stream().allMatch(p -> javac.get().isOpen(pkg(p), unnamed));
  }

  /** The JVM options that grant the access, as {@code java} takes them. */
  public static List<String> jvmOptions() {
    List<String> options = new ArrayList<>();
    EXPORTED.forEach(p -> options.add("--add-exports=jdk.compiler/" + pkg(p) + "=ALL-UNNAMED"));
    OPENED.forEach(p -> options.add("--add-opens=jdk.compiler/" + pkg(p) + "=ALL-UNNAMED"));
    return options;
  }

  /**
   * Runs {@link Main} with {@code args} in a child JVM of the same Java installation and class
   * path, with the access granted and this JVM's {@code percpu.*} system properties passed on.
   *
   * @return the child's exit status, or {@link Linter#FAILED} when it could not be started
   */
  public static int relaunch(String[] args, PrintStream err) {
    if (Boolean.getBoolean(RELAUNCHED)) {
      err.println(
          "percpu-lint: this JVM does not export javac's internals to the linter even when started"
              + " with "
              + String.join(" ", jvmOptions()));
      return Linter.FAILED;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.add("-D" + RELAUNCHED + "=true");
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("percpu.") && !name.equals(RELAUNCHED))
        .sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException e) {
      err.println("percpu-lint: cannot start " + command.get(0) + ": " + e.getMessage());
      return Linter.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Linter.FAILED;
    }
  }

  private static String pkg(String name) {
    return "com.sun.tools.javac." + name;
  }
}
