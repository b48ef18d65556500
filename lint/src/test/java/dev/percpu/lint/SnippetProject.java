package dev.percpu.lint;

import dev.percpu.lint.MarkdownSnippets.Snippet;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A Maven project assembled from the docs' snippets exactly as written, the way a reader pastes
 * them into an empty project.
 *
 * <ul>
 *   <li>{@code maven-pom}: XML elements placed by name: the children of {@code <properties>},
 *       {@code <dependencies>} and {@code <build><plugins>} join the project's, a {@code <plugin>}
 *       joins {@code <build><plugins>}, and an {@code <executions>} marked {@code in=ARTIFACT_ID}
 *       joins that plugin's executions. Only the coordinates of the project itself are this
 *       class's.
 *   <li>{@code jvm-config}: {@code .mvn/jvm.config}.
 *   <li>{@code java-file PATH}: a whole source file at PATH.
 *   <li>{@code java-members CLASS}, {@code java-statements CLASS}: class members, or statements of
 *       a method, of the class CLASS in package {@code com.example.docs}; snippets naming the same
 *       class share it. The wrapper adds the imports that the docs leave out (those of {@link
 *       #IMPORTS}).
 * </ul>
 */
final class SnippetProject {
  static final String PACKAGE = "com.example.docs";

  /** What a doc's class-body snippet may use without showing its imports. */
  static final List<String> IMPORTS =
      List.of(
          "dev.percpu.*",
          "dev.percpu.qual.*",
          "java.util.*",
          "java.util.concurrent.*",
          "java.util.concurrent.atomic.*",
          "java.util.function.*");

  private static final String SKELETON =
      "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
          + "<artifactId>docs-snippets</artifactId><version>1.0-SNAPSHOT</version></project>";

  private SnippetProject() {}

  /** Writes the project of {@code snippets} (of the roles above; others are ignored) into dir. */
  static void write(Path dir, List<Snippet> snippets) throws IOException {
    Document pom = parse(SKELETON);
    for (Snippet s : snippets) {
      switch (s.role()) {
        case "maven-pom" -> merge(pom, s);
        case "jvm-config" -> write(dir.resolve(".mvn/jvm.config"), s.text());
        case "java-file" -> write(dir.resolve(onlyArgument(s)), s.text());
        default -> {}
      }
    }
    write(dir.resolve("pom.xml"), serialise(pom));
    for (Map.Entry<String, String> c : classBodies(snippets).entrySet()) {
      write(
          dir.resolve("src/main/java/" + PACKAGE.replace('.', '/') + "/" + c.getKey() + ".java"),
          compilationUnit(c.getKey(), c.getValue()));
    }
  }

  /**
   * The body of each class that {@code java-members}/{@code java-statements} snippets make, by
   * class name: the members as written, and each statements snippet as a method of its own.
   */
  static Map<String, String> classBodies(List<Snippet> snippets) {
    Map<String, StringBuilder> classes = new LinkedHashMap<>();
    int method = 0;
    for (Snippet s : snippets) {
      switch (s.role()) {
        case "java-members" -> classBody(classes, s).append(s.text()).append('\n');
        case "java-statements" ->
            classBody(classes, s)
                .append("void snippet")
                .append(++method)
                .append("() {\n")
                .append(s.text())
                .append("}\n\n");
        default -> {}
      }
    }
    Map<String, String> bodies = new LinkedHashMap<>();
    classes.forEach((name, body) -> bodies.put(name, body.toString()));
    return bodies;
  }

  /** The class the class-body snippets naming {@code className} make, as one source file. */
  static String compilationUnit(String className, String body) {
    StringBuilder unit = new StringBuilder("package " + PACKAGE + ";\n\n");
    IMPORTS.forEach(i -> unit.append("import ").append(i).append(";\n"));
    return unit.append("\nclass ")
        .append(className)
        .append(" {\n")
        .append(body)
        .append("}\n")
        .toString();
  }

  /** The class a {@code java-members}/{@code java-statements} snippet goes into. */
  static String className(Snippet s) {
    if (s.arguments().isEmpty() || s.arguments().get(0).contains("=")) {
      throw new IllegalArgumentException(s.where() + ": " + s.role() + " needs a class name");
    }
    return s.arguments().get(0);
  }

  private static StringBuilder classBody(Map<String, StringBuilder> classes, Snippet s) {
    return classes.computeIfAbsent(className(s), name -> new StringBuilder());
  }

  private static String onlyArgument(Snippet s) {
    if (s.arguments().size() != 1) {
      throw new IllegalArgumentException(s.where() + ": " + s.role() + " takes one argument");
    }
    return s.arguments().get(0);
  }

  private static void merge(Document pom, Snippet s) {
    Element project = pom.getDocumentElement();
    Document fragment;
    try {
      fragment = parse("<snippet>" + s.text() + "</snippet>");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(s.where() + ": not well-formed XML", e);
    }
    for (Node n = fragment.getDocumentElement().getFirstChild();
        n != null;
        n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      switch (e.getTagName()) {
        case "properties", "dependencies" -> appendChildren(child(project, e.getTagName()), e);
        case "build" -> {
          for (Node b = e.getFirstChild(); b != null; b = b.getNextSibling()) {
            if (b instanceof Element plugins && plugins.getTagName().equals("plugins")) {
              appendChildren(child(child(project, "build"), "plugins"), plugins);
            } else if (b instanceof Element other) {
              throw new IllegalArgumentException(
                  s.where()
                      + ": only <plugins> is placed from a <build>, not <"
                      + other.getTagName()
                      + ">");
            }
          }
        }
        case "plugin" ->
            child(child(project, "build"), "plugins").appendChild(pom.importNode(e, true));
        case "executions" -> {
          String in = s.argument("in");
          if (in == null) {
            throw new IllegalArgumentException(s.where() + ": <executions> needs in=ARTIFACT_ID");
          }
          appendChildren(child(plugin(project, in, s), "executions"), e);
        }
        default ->
            throw new IllegalArgumentException(
                s.where() + ": no place in a pom for a top-level <" + e.getTagName() + ">");
      }
    }
  }

  private static Element plugin(Element project, String artifactId, Snippet s) {
    Element plugins = child(child(project, "build"), "plugins");
    for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element p && artifactId.equals(text(p, "artifactId"))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        s.where() + ": no earlier snippet declares the plugin " + artifactId);
  }

  private static void appendChildren(Element into, Element from) {
    for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
      into.appendChild(into.getOwnerDocument().importNode(n, true));
    }
  }

  /** The element's child named {@code name}, created if there is none. */
  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return (Element) parent.appendChild(parent.getOwnerDocument().createElement(name));
  }

  private static String text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }

  private static Document parse(String xml) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String serialise(Document pom) {
    try {
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(pom), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
