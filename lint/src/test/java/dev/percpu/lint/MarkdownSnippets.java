package dev.percpu.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file, each with the role that the line just above it gives
 * it:
 *
 * <pre>{@code
 * <!-- snippet: maven-pom -->
 * ```xml
 * <dependencies>...</dependencies>
 * ```
 * }</pre>
 *
 * <p>The role is the first word after {@code snippet:}; the rest are its arguments. A block without
 * the comment is an error naming the file and line, so that a new block cannot escape the tests
 * that run every snippet ({@link DocSnippetsTest}). Fences may be indented (inside a list item);
 * the block's text loses that indentation.
 */
final class MarkdownSnippets {
  private static final Pattern FENCE = Pattern.compile("^( *)(```+|~~~+)\\s*(\\S*).*$");
  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*(.*?)\\s*-->\\s*$");

  /** One fenced block: where it opens (1-based line of the fence), its role, and its text. */
  record Snippet(Path file, int line, String role, List<String> arguments, String text) {
    /** {@code file:line}, for messages. */
    String where() {
      return file.getFileName() + ":" + line;
    }

    /** The argument {@code name=value}'s value, or {@code null}. */
    String argument(String name) {
      return arguments.stream()
          .filter(a -> a.startsWith(name + "="))
          .map(a -> a.substring(name.length() + 1))
          .findFirst()
          .orElse(null);
    }

    /** The arguments as one string: a {@code not-run} block's reason. */
    String rest() {
      return String.join(" ", arguments);
    }

    @Override
    public String toString() {
      return where() + " (" + role + ")";
    }
  }

  private MarkdownSnippets() {}

  /**
   * Every fenced block of {@code markdown}, in order.
   *
   * @throws IllegalArgumentException naming the file and line of a block without a snippet marker,
   *     or of a fence that is never closed
   */
  static List<Snippet> of(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown);
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      String fence = open.group(2);
      int start = i;
      Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
      if (marker == null || !marker.matches()) {
        throw new IllegalArgumentException(
            markdown.getFileName()
                + ":"
                + (start + 1)
                + ": a code block without a '<!-- snippet: ROLE ... -->' line above it; say what"
                + " it is so that DocSnippetsTest runs it (or 'not-run REASON')");
      }
      List<String> words = Arrays.asList(marker.group(1).split("\\s+"));
      StringBuilder text = new StringBuilder();
      for (i++; ; i++) {
        if (i == lines.size()) {
          throw new IllegalArgumentException(
              markdown.getFileName() + ":" + (start + 1) + ": the code block is never closed");
        }
        String line = lines.get(i);
        if (line.strip().startsWith(fence)
            && line.strip().replace(fence.charAt(0), ' ').isBlank()) {
          break;
        }
        text.append(
                line.length() >= indent && line.substring(0, indent).isBlank()
                    ? line.substring(indent)
                    : line.strip())
            .append('\n');
      }
      snippets.add(
          new Snippet(
              markdown,
              start + 1,
              words.get(0),
              List.copyOf(words.subList(1, words.size())),
              text.toString()));
    }
    return snippets;
  }
}
