package dev.percpu.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of {@code checker/corpus/KNOWN_DIFFERENCES.md}: for each program on which a tool is
 * allowed to differ from the labels (or the tools from each other), what each tool is observed to
 * say. A row must match what the tools say now, column for column, so a fixed defect or a new
 * regression both show up as a failure that asks for the row to be updated.
 */
record KnownDifferences(Map<String, Row> rows) {
  static final Path FILE =
      Path.of(System.getProperty("percpu.corpus.differences", "KNOWN_DIFFERENCES.md"));

  record Row(
      String program,
      String errorProne,
      String checkerFramework,
      String runtime,
      String status,
      String why) {
    String column(Tool tool) {
      return switch (tool) {
        case ERROR_PRONE -> errorProne;
        case CHECKER_FRAMEWORK -> checkerFramework;
        case RUNTIME -> runtime;
      };
    }
  }

  static KnownDifferences load() {
    List<String> lines;
    try {
      lines = Files.readAllLines(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Row> rows = new TreeMap<>();
    boolean inTable = false;
    for (String line : lines) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("|")) {
        inTable = false;
        continue;
      }
      String[] cells = trimmed.substring(1, trimmed.length() - 1).split("\\|", -1);
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i].strip().replace("`", "");
      }
      if (cells[0].equals("program")) {
        inTable = true;
        continue;
      }
      if (!inTable || cells[0].startsWith("---")) {
        continue;
      }
      if (cells.length != 6) {
        throw new IllegalStateException(FILE + ": a row needs six cells: " + line);
      }
      Row row = new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
      if (rows.put(row.program(), row) != null) {
        throw new IllegalStateException(FILE + ": " + row.program() + " is listed twice");
      }
    }
    return new KnownDifferences(rows);
  }

  /** Whether the listed row for {@code program} says exactly what {@code tool} observed. */
  boolean allows(String program, Tool tool, Findings observed) {
    Row row = rows.get(program);
    return row != null && row.column(tool).equals(observed.toString());
  }
}
