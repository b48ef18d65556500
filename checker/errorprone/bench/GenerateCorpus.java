import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes an API-heavy corpus for the compile-time benchmark: classes whose methods nest closures
 * over several allocations, clone handles, look symbols up, call private helpers that enter fields,
 * pass lambdas to forEach and streams, and use method references and anonymous classes. About one
 * method in forty nests an allocation in itself, so the checks also report.
 *
 * <p>Usage: {@code java GenerateCorpus.java OUT_DIR FILES METHODS_PER_FILE SEED [CLASSES]}
 *
 * <p>With {@code CLASSES}, each file is one large compilation unit instead: a class {@code UnitN}
 * holding that many static nested classes of {@code METHODS_PER_FILE} methods each, every one with
 * a pair of mutually recursive helpers that enter an allocation, so that the nesting fixpoint needs
 * more than one pass (the unit-size benchmark, {@code unit-size.sh}).
 */
public final class GenerateCorpus {
  public static void main(String[] args) throws IOException {
    if (args.length != 4 && args.length != 5) {
      System.err.println(
          "usage: java GenerateCorpus.java OUT_DIR FILES METHODS_PER_FILE SEED [CLASSES]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int files = Integer.parseInt(args[1]);
    int methods = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    int classes = args.length == 5 ? Integer.parseInt(args[4]) : 0;
    Random random = new Random(seed);
    Path dir = out.resolve("gen");
    Files.createDirectories(dir);
    for (int f = 0; f < files; f++) {
      if (classes == 0) {
        Files.writeString(dir.resolve("Gen" + f + ".java"), file(f, methods, random));
      } else {
        Files.writeString(dir.resolve("Unit" + f + ".java"), unit(f, classes, methods, random));
      }
    }
    System.out.println(
        "wrote " + files + " files x " + methods + " methods to " + dir + " (seed " + seed + ")");
  }

  private static final String HEADER =
      "package gen;\n\n"
          + "import dev.percpu.*;\nimport java.util.*;\nimport java.util.concurrent.*;\n"
          + "import java.util.function.*;\n\n";

  private static String file(int f, int methods, Random r) {
    return HEADER + body("final class Gen" + f, "gen" + f, methods, r, "") + "}\n";
  }

  /** One compilation unit of {@code classes} nested classes, each with recursive helpers. */
  private static String unit(int f, int classes, int methods, Random r) {
    StringBuilder s = new StringBuilder(HEADER).append("final class Unit").append(f).append(" {\n");
    String recursive =
        "  private void down(int n) { if (n > 0) { up(n - 1); } else { a.with(v -> v[0]++); } }\n"
            + "  private void up(int n) { if (n > 0) { down(n - 1); } else { b.with(v -> v[1]++); } }\n"
            + "  long viaRecursion(int n) { aClone.with(v -> down(n)); return n; }\n\n";
    for (int c = 0; c < classes; c++) {
      s.append(body("static final class C" + c, "unit" + f + "c" + c, methods, r, recursive))
          .append("}\n");
    }
    return s.append("}\n").toString();
  }

  private static String body(
      String declaration, String symbol, int methods, Random r, String extra) {
    StringBuilder s = new StringBuilder();
    s.append(declaration)
        .append(" {\n")
        .append("  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[4]);\n")
        .append("  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[4]);\n")
        .append("  private final PerCpu<long[]> aClone = a.clone();\n")
        .append(
            "  private final PerCpu<StringBuilder> text = PerCpu.allocate(StringBuilder::new);\n")
        .append("  static final PerCpu<long[]> NAMED = PerCpu.define(\"")
        .append(symbol)
        .append("\", long[].class, () -> new long[2]);\n")
        .append("  private final List<Integer> items = new ArrayList<>(List.of(1, 2, 3));\n")
        .append("  private final Executor executor = Runnable::run;\n\n")
        .append("  private void bumpB(long n) { b.with(v -> v[0] += n); }\n")
        .append("  private void bumpNamed() { PerCpu.symbol(\"")
        .append(symbol)
        .append("\", long[].class).with(v -> v[1]++); }\n")
        .append(
            "  private static void enter(PerCpu<long[]> h, long n) { h.with(v -> v[2] += n); }\n")
        .append("  private void inside(Runnable body) { text.with(t -> body.run()); }\n\n")
        .append(extra);
    for (int m = 0; m < methods; m++) {
      s.append(method(m, r));
    }
    return s.toString();
  }

  private static String method(int m, Random r) {
    String name = "  long m" + m + "(int n) {\n";
    switch (r.nextInt(10)) {
      case 0:
        return name
            + "    a.with(x -> b.with(y -> { y[0] += x[0]; items.forEach(i -> NAMED.with(z -> z[0] += i)); }));\n"
            + "    return b.apply(y -> y[0]);\n  }\n";
      case 1:
        return name
            + "    try (CpuGuard g = CpuGuard.pin()) {\n"
            + "      PerCpuToken<long[]> t = aClone.get(g);\n"
            + "      t.with(x -> { bumpB(x[0]); bumpNamed(); });\n"
            + "      return b.get(g).apply(y -> y[0] + n);\n    }\n  }\n";
      case 2:
        return name
            + "    PerCpu<long[]> h = n > 0 ? b : b.clone();\n"
            + "    a.with(x -> enter(h, n));\n"
            + "    return items.stream().mapToLong(i -> a.apply(x -> x[0] * i)).sum();\n  }\n";
      case 3:
        return name
            + "    text.with(new Consumer<StringBuilder>() {\n"
            + "      @Override public void accept(StringBuilder t) { t.append(n); a.with(x -> x[3]++); }\n"
            + "    });\n"
            + "    inside(() -> b.with(y -> y[1]++));\n"
            + "    return n;\n  }\n";
      case 4:
        return name
            + "    CpuGuard.onEachCpu(g -> a.get(g).with(x -> NAMED.get(g).with(z -> z[0] += x[0])));\n"
            + "    a.with(x -> executor.execute(() -> a.with(y -> y[0]++)));\n"
            + "    return n;\n  }\n";
      case 5:
        return name
            + "    long[] total = {0};\n"
            + "    for (int i = 0; i < n; i++) {\n"
            + "      if (i % 2 == 0) { a.with(x -> total[0] += x[0]); } else { b.with(y -> total[0] += y[0]); }\n"
            + "    }\n"
            + "    return total[0];\n  }\n";
      case 6:
        return name
            + "    Optional<Integer> first = items.stream().findFirst();\n"
            + "    first.ifPresent(i -> NAMED.with(z -> z[1] += i));\n"
            + "    return a.apply(x -> b.apply(y -> x[0] + y[0]));\n  }\n";
      case 7:
        return name
            + "    Runnable later = () -> a.with(x -> x[0]++);\n"
            + "    List<Runnable> queue = new ArrayList<>();\n"
            + "    a.with(x -> queue.add(later));\n"
            + "    queue.forEach(Runnable::run);\n"
            + "    return n;\n  }\n";
      case 8:
        if (r.nextInt(4) == 0) {
          return name + "    a.with(x -> aClone.with(y -> y[0] += x[0]));\n    return n;\n  }\n";
        }
        return name + "    a.with(x -> bumpB(x[0]));\n    return n;\n  }\n";
      default:
        return name
            + "    Map<Integer, Long> m = new HashMap<>();\n"
            + "    items.forEach(i -> m.merge(i, b.apply(y -> y[0]), Long::sum));\n"
            + "    return m.values().stream().mapToLong(Long::longValue).sum();\n  }\n";
    }
  }
}
