package dev.percpu.corpus.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes one random program in the shapes of the corpus: handles made by {@code allocate} (in place
 * or by a factory), {@code define}, {@code symbol} and {@code clone}, held in static and instance
 * fields, locals, parameters and fields of other instances; a chain of two to four entries, each
 * entered through a lambda, {@code apply}, a guard's token, a method reference, an anonymous class,
 * a private helper, an {@code @Enters} helper or a closure in a final field, with closures between
 * them that run now ({@code forEach}, a terminal stream operation, a local {@code Runnable}, ...)
 * or never (a present {@code Optional}'s {@code orElseGet}, a stream without a terminal operation).
 * Which handle each entry uses, and which arguments {@code main} passes, is the
 * aliasing-or-distinct choice; nothing in the program says which, the runtime decides.
 *
 * <p>The generator writes no labels: the runtime's run of {@code main} is the oracle. Draws come
 * from one {@link Random}, so a seed replays a run program for program.
 *
 * <pre>{@code
 * GeneratedProgram p = ProgramGenerator.generate(new Random(7), "Gen0", "gen.7.0");
 * }</pre>
 */
final class ProgramGenerator {
  private static final String HANDLE = "PerCpu<long[]>";
  private static final String TOKEN = "PerCpuToken<long[]>";
  private static final String NEW = "PerCpu.allocate(() -> new long[1])";

  /** A value that can be entered: a handle or a token, and where it is declared. */
  private record Ref(String name, boolean token, Scope where, String source) {
    boolean isField() {
      return where == Scope.STATIC_FIELD || where == Scope.INSTANCE_FIELD;
    }
  }

  private enum Scope {
    STATIC_FIELD,
    INSTANCE_FIELD,
    /** A parameter of {@code run} or of a helper, or a local: passed to helpers by name. */
    LOCAL,
    /** A field of another instance ({@code o.f1}, {@code new G().f1}): not passed to helpers. */
    OTHER
  }

  private enum Entry {
    LAMBDA,
    APPLY,
    TOKEN,
    METHOD_REF,
    ANONYMOUS,
    PRIVATE_HELPER,
    ENTERS_HELPER,
    /** A closure held in a final field, entering its target, run here. */
    FIELD_CLOSURE
  }

  private enum Wrapper {
    FOR_EACH,
    STREAM,
    LOCAL_RUNNABLE,
    RUN_NOW_HELPER,
    OPTIONAL,
    /** A non-async stage of a completed future: runs now, and the future keeps the exception. */
    COMPLETED_FUTURE,
    /** {@code orElseGet} on an empty optional: runs now. */
    OR_ELSE_GET_EMPTY,
    /** {@code orElseGet} on a present optional: never runs. */
    OR_ELSE_GET_PRESENT,
    /** {@code Thread.run()} called directly: runs now, on this thread. */
    THREAD_RUN,
    /** An intermediate stream operation with no terminal one: never runs. */
    LAZY_STREAM
  }

  private final Random random;
  private final String name;
  private final String symbolPrefix;

  private final List<String> header = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private final List<Ref> fields = new ArrayList<>();
  private final List<String> symbols = new ArrayList<>();
  private final Set<String> shapes = new TreeSet<>();
  private final Set<String> imports = new TreeSet<>();
  private final Map<String, String> tokenSources = new HashMap<>();
  private boolean runNowHelper;
  private boolean symbolConstant;
  private final List<String> path = new ArrayList<>();
  private boolean factory;
  private int counter;

  private ProgramGenerator(Random random, String name, String symbolPrefix) {
    this.random = random;
    this.name = name;
    this.symbolPrefix = symbolPrefix;
  }

  /**
   * One program, class {@code name}; symbols are defined under {@code symbolPrefix}, which must be
   * unique in the JVM that runs it (the runtime's symbols are global).
   */
  static GeneratedProgram generate(Random random, String name, String symbolPrefix) {
    return new ProgramGenerator(random, name, symbolPrefix).write();
  }

  private GeneratedProgram write() {
    imports.add("dev.percpu.PerCpu");
    declareStaticFields();
    declareInstanceFields();
    List<Ref> params = new ArrayList<>();
    int paramCount = random.nextInt(3);
    for (int i = 1; i <= paramCount; i++) {
      params.add(new Ref("p" + i, false, Scope.LOCAL, "param"));
    }
    List<String> run = new ArrayList<>();
    List<Ref> scope = new ArrayList<>(fields);
    scope.addAll(params);
    List<Ref> instanceFields =
        fields.stream().filter(f -> f.where == Scope.INSTANCE_FIELD).toList();
    String other = null;
    if (!instanceFields.isEmpty() && random.nextInt(3) == 0) {
      // The fields of another instance, which is this one or not as main chooses.
      other = random.nextBoolean() ? "g" : "new " + name + "()";
      shapes.add(other.equals("g") ? "other instance aliases" : "other instance distinct");
      for (Ref f : instanceFields) {
        scope.add(new Ref("o." + f.name, false, Scope.OTHER, "o"));
      }
    }
    if (!instanceFields.isEmpty() && random.nextInt(4) == 0) {
      shapes.add("new instance field");
      Ref f = instanceFields.get(random.nextInt(instanceFields.size()));
      scope.add(new Ref("new " + name + "()." + f.name, false, Scope.OTHER, "new"));
    }
    int locals = random.nextInt(3);
    for (int i = 1; i <= locals; i++) {
      String init = handleInit(scope);
      run.add("    " + HANDLE + " l" + i + " = " + init + ";");
      scope.add(new Ref("l" + i, false, Scope.LOCAL, init));
      shapes.add("local");
    }
    int entries = 2 + random.nextInt(3);
    Chain chain = chain(0, entries, scope, false, "    ");
    run.addAll(chain.lines);

    // Before the header is written: an argument may declare the symbol prefix constant.
    List<String> args = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      args.add(argument());
    }
    List<String> out = new ArrayList<>();
    for (String i : imports) {
      out.add("import " + i + ";");
    }
    out.add("");
    out.add("/** Generated: " + String.join(", ", shapes) + ". */");
    out.add("class " + name + " {");
    out.addAll(header);
    out.add("");
    String runParams = paramList(params);
    if (other != null) {
      runParams += (runParams.isEmpty() ? "" : ", ") + name + " o";
      args.add(other);
    }
    out.add("  private void run(" + runParams + ") {");
    out.addAll(run);
    out.add("  }");
    for (String m : methods) {
      out.add("");
      out.add(m);
    }
    if (factory) {
      out.add("");
      out.add("  private static " + HANDLE + " make() {");
      out.add("    return " + NEW + ";");
      out.add("  }");
    }
    if (runNowHelper) {
      out.add("");
      out.add("  private static void runNow(Runnable body) {");
      out.add("    body.run();");
      out.add("  }");
    }
    out.add("");
    out.add("  public static void main(String[] args) {");
    out.add("    " + name + " g = new " + name + "();");
    out.add("    g.run(" + String.join(", ", args) + ");");
    out.add("  }");
    out.add("}");
    return new GeneratedProgram(name, String.join("\n", out) + "\n", List.copyOf(shapes));
  }

  private void declareStaticFields() {
    int count = 1 + random.nextInt(3);
    for (int i = 1; i <= count; i++) {
      String field = "S" + i;
      String init;
      int pick = random.nextInt(i == 1 ? 2 : 4);
      if (pick == 0) {
        init = fresh();
      } else if (pick == 1 || symbols.isEmpty() && pick == 3) {
        String symbol = symbolPrefix + "." + i;
        symbols.add(symbol);
        init = "PerCpu.define(" + symbolText(symbol) + ", long[].class, () -> new long[1])";
        shapes.add("define");
      } else if (pick == 2) {
        init = fields.get(random.nextInt(fields.size())).name + ".clone()";
        shapes.add("clone");
      } else {
        init = lookup();
      }
      header.add("  static final " + HANDLE + " " + field + " = " + init + ";");
      fields.add(new Ref(field, false, Scope.STATIC_FIELD, init));
      shapes.add("static field");
    }
  }

  private void declareInstanceFields() {
    int count = random.nextInt(3);
    for (int i = 1; i <= count; i++) {
      String init = handleInit(fields);
      header.add("  private final " + HANDLE + " f" + i + " = " + init + ";");
      fields.add(new Ref("f" + i, false, Scope.INSTANCE_FIELD, init));
      shapes.add("instance field");
    }
  }

  /** A new allocation, a clone of a handle in scope or a symbol lookup. */
  private String handleInit(List<Ref> scope) {
    List<Ref> handles = scope.stream().filter(r -> !r.token).toList();
    int pick = random.nextInt(3);
    if (pick == 1 && !handles.isEmpty()) {
      shapes.add("clone");
      return handles.get(random.nextInt(handles.size())).name + ".clone()";
    }
    if (pick == 2 && !symbols.isEmpty()) {
      return lookup();
    }
    return fresh();
  }

  /** A new allocation, written in place or as a call of a factory (each call allocates anew). */
  private String fresh() {
    if (random.nextInt(3) == 0) {
      factory = true;
      shapes.add("factory");
      return "make()";
    }
    shapes.add("allocate");
    return NEW;
  }

  private String lookup() {
    shapes.add("symbol");
    return "PerCpu.symbol("
        + symbolText(symbols.get(random.nextInt(symbols.size())))
        + ", long[].class)";
  }

  /** A symbol's name as a literal, or folded from a constant the way javac folds it. */
  private String symbolText(String symbol) {
    if (random.nextInt(4) != 0) {
      return "\"" + symbol + "\"";
    }
    if (!symbolConstant) {
      symbolConstant = true;
      header.add(0, "  static final String PREFIX = \"" + symbolPrefix + "\";");
    }
    shapes.add("symbol constant");
    return "PREFIX + \"" + symbol.substring(symbolPrefix.length()) + "\"";
  }

  /** What {@code main} passes for a parameter: a new allocation, or one aliasing a handle. */
  private String argument() {
    int pick = random.nextInt(5);
    List<Ref> statics = fields.stream().filter(f -> f.where == Scope.STATIC_FIELD).toList();
    List<Ref> instance = fields.stream().filter(f -> f.where == Scope.INSTANCE_FIELD).toList();
    Ref s = statics.get(random.nextInt(statics.size()));
    if (pick == 1) {
      shapes.add("argument aliases");
      return s.name;
    }
    if (pick == 2) {
      shapes.add("argument aliases");
      return s.name + ".clone()";
    }
    if (pick == 3 && !instance.isEmpty()) {
      shapes.add("argument aliases");
      return "g." + instance.get(random.nextInt(instance.size())).name;
    }
    if (pick == 4 && !symbols.isEmpty()) {
      shapes.add("argument aliases");
      return lookup();
    }
    shapes.add("argument distinct");
    return fresh();
  }

  /** The code of entries {@code level..entries-1} and the names of the values they enter. */
  private record Chain(List<String> lines, SortedSet<String> entered) {}

  private Chain chain(int level, int entries, List<Ref> scope, boolean inAnonymous, String in) {
    List<String> lines = new ArrayList<>();
    if (level == entries) {
      return new Chain(lines, new TreeSet<>());
    }
    List<Ref> here = new ArrayList<>(scope);
    String close = "";
    List<String> tail = new ArrayList<>();
    // A closure that runs now between two entries.
    if (level > 0 && random.nextInt(3) == 0) {
      Wrapper w = Wrapper.values()[random.nextInt(Wrapper.values().length)];
      int n = ++counter;
      switch (w) {
        case FOR_EACH -> {
          imports.add("java.util.List");
          lines.add(in + "List.of(1L).forEach(d" + n + " -> {");
          tail.add(in + "});");
          shapes.add("forEach");
        }
        case STREAM -> {
          imports.add("java.util.List");
          lines.add(in + "long s" + n + " = List.of(1L).stream().mapToLong(d" + n + " -> {");
          tail.add(in + "  return d" + n + ";");
          tail.add(in + "}).sum();");
          shapes.add("stream");
        }
        case LOCAL_RUNNABLE -> {
          lines.add(in + "Runnable r" + n + " = () -> {");
          tail.add(in + "};");
          tail.add(in + "r" + n + ".run();");
          shapes.add("local Runnable");
        }
        case RUN_NOW_HELPER -> {
          runNowHelper = true;
          lines.add(in + "runNow(() -> {");
          tail.add(in + "});");
          shapes.add("invoking helper");
        }
        case COMPLETED_FUTURE -> {
          imports.add("java.util.concurrent.CompletableFuture");
          lines.add(in + "CompletableFuture.completedFuture(1L).thenAccept(d" + n + " -> {");
          tail.add(in + "});");
          shapes.add("completed future");
        }
        case OR_ELSE_GET_EMPTY, OR_ELSE_GET_PRESENT -> {
          imports.add("java.util.Optional");
          String of = w == Wrapper.OR_ELSE_GET_EMPTY ? "Optional.<Long>empty()" : "Optional.of(1L)";
          lines.add(in + "long o" + n + " = " + of + ".orElseGet(() -> {");
          tail.add(in + "  return 0L;");
          tail.add(in + "});");
          shapes.add(w == Wrapper.OR_ELSE_GET_EMPTY ? "orElseGet runs" : "orElseGet skipped");
        }
        case THREAD_RUN -> {
          lines.add(in + "new Thread(() -> {");
          tail.add(in + "}).run();");
          shapes.add("Thread.run");
        }
        case LAZY_STREAM -> {
          imports.add("java.util.List");
          imports.add("java.util.stream.Stream");
          lines.add(in + "Stream<Long> z" + n + " = List.of(1L).stream().map(d" + n + " -> {");
          tail.add(in + "  return d" + n + ";");
          tail.add(in + "});");
          shapes.add("lazy stream");
        }
        case OPTIONAL -> {
          imports.add("java.util.Optional");
          lines.add(in + "Optional.of(1L).ifPresent(d" + n + " -> {");
          tail.add(in + "});");
          shapes.add("Optional");
        }
      }
      in = in + "  ";
    }
    // A token taken before the entry, entered deeper down.
    List<Ref> handles = here.stream().filter(r -> !r.token).toList();
    if (random.nextInt(6) == 0) {
      int n = ++counter;
      Ref of = handles.get(random.nextInt(handles.size()));
      imports.add("dev.percpu.CpuGuard");
      imports.add("dev.percpu.PerCpuToken");
      lines.add(in + "try (CpuGuard g" + n + " = CpuGuard.pin()) {");
      lines.add(in + "  " + TOKEN + " t" + n + " = " + of.name + ".get(g" + n + ");");
      here.add(new Ref("t" + n, true, Scope.LOCAL, of.name));
      tokenSources.put("t" + n, of.name);
      tail.add(0, in + "}");
      in = in + "  ";
      shapes.add("earlier token");
    }
    // Half of the entries prefer a name not entered yet on the way here, so that both verdicts
    // are common (aliasing names still alias).
    List<Ref> unentered = here.stream().filter(r -> !path.contains(r.name)).toList();
    List<Ref> choices = !unentered.isEmpty() && random.nextBoolean() ? unentered : here;
    Ref target = choices.get(random.nextInt(choices.size()));
    path.add(target.name);
    Entry entry = pickEntry(target);
    int n = ++counter;
    String slot = "x" + n;
    SortedSet<String> entered = new TreeSet<>();
    entered.add(target.name);
    switch (entry) {
      case LAMBDA, APPLY, TOKEN, ANONYMOUS -> {
        boolean anonymous = entry == Entry.ANONYMOUS;
        String inner = in + (entry == Entry.TOKEN ? "    " : "  ") + (anonymous ? "    " : "");
        Chain rest = chain(level + 1, entries, here, inAnonymous || anonymous, inner);
        entered.addAll(rest.entered);
        String on = target.name;
        String base = in;
        if (entry == Entry.TOKEN) {
          imports.add("dev.percpu.CpuGuard");
          lines.add(in + "try (CpuGuard g" + n + " = CpuGuard.pin()) {");
          on = target.name + ".get(g" + n + ")";
          base = in + "  ";
          shapes.add("guard token");
        }
        if (anonymous) {
          imports.add("java.util.function.Consumer");
          lines.add(base + on + ".with(new Consumer<long[]>() {");
          lines.add(base + "  @Override");
          lines.add(base + "  public void accept(long[] " + slot + ") {");
          lines.addAll(rest.lines);
          lines.add(inner + slot + "[0]++;");
          lines.add(base + "  }");
          lines.add(base + "});");
          shapes.add("anonymous class");
        } else if (entry == Entry.APPLY) {
          lines.add(base + "long v" + n + " = " + on + ".apply(" + slot + " -> {");
          lines.addAll(rest.lines);
          lines.add(inner + "return " + slot + "[0]++;");
          lines.add(base + "});");
          shapes.add("apply");
        } else {
          lines.add(base + on + ".with(" + slot + " -> {");
          lines.addAll(rest.lines);
          lines.add(inner + slot + "[0]++;");
          lines.add(base + "});");
          shapes.add("lambda");
        }
        if (entry == Entry.TOKEN) {
          lines.add(in + "}");
        }
      }
      case METHOD_REF -> {
        List<Ref> fieldsOnly = here.stream().filter(r -> r.isField()).toList();
        Chain rest = chain(level + 1, entries, fieldsOnly, false, "    ");
        entered.addAll(rest.entered);
        String self = inAnonymous ? name + ".this" : "this";
        lines.add(in + target.name + ".with(" + self + "::step" + n + ");");
        List<String> m = new ArrayList<>();
        m.add("  private void step" + n + "(long[] " + slot + ") {");
        m.addAll(rest.lines);
        m.add("    " + slot + "[0]++;");
        m.add("  }");
        methods.add(String.join("\n", m));
        shapes.add("method reference");
      }
      case FIELD_CLOSURE -> {
        List<Ref> fieldsOnly = here.stream().filter(r -> r.isField()).toList();
        Chain rest = chain(level + 1, entries, fieldsOnly, false, "      ");
        entered.addAll(rest.entered);
        lines.add(in + "c" + n + ".run();");
        header.add("  private final Runnable c" + n + " = () -> {");
        header.add("    " + target.name + ".with(" + slot + " -> {");
        header.addAll(rest.lines);
        header.add("      " + slot + "[0]++;");
        header.add("    });");
        header.add("  };");
        shapes.add("closure in a final field");
      }
      case PRIVATE_HELPER, ENTERS_HELPER -> {
        List<Ref> passed = here.stream().filter(r -> r.where == Scope.LOCAL).toList();
        List<Ref> inside = new ArrayList<>(here.stream().filter(r -> r.isField()).toList());
        inside.addAll(passed);
        Chain rest = chain(level + 1, entries, inside, false, "      ");
        entered.addAll(rest.entered);
        lines.add(
            in
                + "step"
                + n
                + "("
                + String.join(", ", passed.stream().map(Ref::name).toList())
                + ");");
        List<String> m = new ArrayList<>();
        if (entry == Entry.ENTERS_HELPER) {
          imports.add("dev.percpu.qual.Enters");
          m.add("  @Enters({" + entersTerms(entered, here, passed) + "})");
          m.add("  void step" + n + "(" + paramList(passed) + ") {");
          shapes.add("@Enters helper");
        } else {
          m.add("  private void step" + n + "(" + paramList(passed) + ") {");
          shapes.add("private helper");
        }
        m.add("    " + target.name + ".with(" + slot + " -> {");
        m.addAll(rest.lines);
        m.add("      " + slot + "[0]++;");
        m.add("    });");
        m.add("  }");
        methods.add(String.join("\n", m));
      }
    }
    path.remove(path.size() - 1);
    lines.addAll(tail);
    return new Chain(lines, entered);
  }

  private Entry pickEntry(Ref target) {
    while (true) {
      Entry e = Entry.values()[random.nextInt(Entry.values().length)];
      if (e == Entry.TOKEN && target.token) {
        continue;
      }
      // A helper enters its target in its own body, where another instance is out of scope.
      boolean helper = e == Entry.PRIVATE_HELPER || e == Entry.ENTERS_HELPER;
      if (helper && target.where == Scope.OTHER) {
        continue;
      }
      if (e == Entry.FIELD_CLOSURE && !target.isField()) {
        continue;
      }
      return e;
    }
  }

  /**
   * The helper's effect in its own terms: a field by its name, a parameter (a token too) as {@code
   * #i}, a token taken inside the helper by the handle it was taken from. Since every helper's
   * parameters carry the names of its caller's locals, one name is one value.
   */
  private String entersTerms(Set<String> entered, List<Ref> scope, List<Ref> params) {
    Set<String> terms = new LinkedHashSet<>();
    for (String e : entered) {
      String name = e;
      while (name != null) {
        String n = name;
        int index = -1;
        for (int i = 0; i < params.size(); i++) {
          if (params.get(i).name.equals(n)) {
            index = i + 1;
          }
        }
        if (index > 0) {
          terms.add("\"#" + index + "\"");
          break;
        }
        if (scope.stream().anyMatch(x -> x.name.equals(n) && x.isField())) {
          terms.add("\"" + n + "\"");
          break;
        }
        name = tokenSources.get(n);
      }
    }
    return String.join(", ", terms);
  }

  private static String paramList(List<Ref> params) {
    return String.join(
        ", ", params.stream().map(p -> (p.token ? TOKEN : HANDLE) + " " + p.name).toList());
  }
}
