package dev.percpu.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown page that a {@code <!-- snippet: ROLE ... -->} line marks,
 * with the fence's indentation (inside a list item) removed:
 *
 * <pre>{@code
 * <!-- snippet: maven-pom -->
 * ```xml
 * <properties>...</properties>
 * ```
 * }</pre>
 *
 * <p>The same marker grammar as the docs tests of the lint module, so that one page can serve both.
 */
final class DocSnippets {
  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+).*-->\\s*$");
  private static final Pattern FENCE = Pattern.compile("^( *)```.*$");

  private DocSnippets() {}

  /**
   * The texts of the blocks of {@code role} in {@code markdown}, in order.
   *
   * @throws IllegalArgumentException when there is none, or a block is never closed
   */
  static List<String> ofRole(Path markdown, String role) throws IOException {
    List<String> lines = Files.readAllLines(markdown);
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i));
      Matcher open = FENCE.matcher(lines.get(i + 1));
      if (!marker.matches() || !marker.group(1).equals(role) || !open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      StringBuilder text = new StringBuilder();
      int j = i + 2;
      for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
        String line = lines.get(j);
        text.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
      }
      if (j == lines.size()) {
        throw new IllegalArgumentException(markdown + ":" + (i + 2) + ": block never closed");
      }
      blocks.add(text.toString());
      i = j;
    }
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no '" + role + "' snippet in " + markdown);
    }
    return blocks;
  }
}
