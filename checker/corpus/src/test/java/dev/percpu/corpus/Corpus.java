package dev.percpu.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labelled programs of {@code checker/corpus/programs}: one top-level class per file, named
 * after it, in the unnamed package, with a {@code main}. A line ending in {@code // expect:
 * definite} or {@code // expect: possible} is where the tools must report the nesting; a file
 * without a label is clean.
 */
final class Corpus {
  private static final Pattern LABEL = Pattern.compile("//\\s*expect:\\s*(definite|possible)\\b");

  static final Path DIR = Path.of(System.getProperty("percpu.corpus.dir", "programs"));
  static final Path WORK = Path.of(System.getProperty("percpu.corpus.work", "target/corpus-work"));

  private Corpus() {}

  static List<Path> files() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String programName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }

  /** Program name to its expected findings, for every program (empty for a clean one). */
  static Map<String, Findings> labels() {
    Map<String, Findings> labels = new TreeMap<>();
    for (Path file : files()) {
      Findings expected = new Findings();
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = LABEL.matcher(lines.get(i));
        if (m.find()) {
          expected.add(i + 1, Verdict.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)));
        }
      }
      labels.put(programName(file), expected);
    }
    return labels;
  }

  /**
   * What the runtime must do with a program: throw at the definite line, and nothing else. A
   * possible label says nothing about one run, and each program's {@code main} chooses arguments
   * that are distinct, so the runtime is expected to run it cleanly.
   */
  static Findings runtimeExpectation(Findings labels) {
    Findings expected = new Findings();
    labels
        .lines()
        .forEach(
            (line, v) -> {
              if (v == Verdict.DEFINITE) {
                expected.add(line, v);
              }
            });
    return expected;
  }
}
