package dev.percpu.analysis;

/**
 * One allocation named by a declared {@link dev.percpu.qual.Enters} effect, in the terms of the
 * annotated method. A checker instantiates it at each call site: {@link This} with the receiver,
 * {@link Parameter} with the actual argument, {@link Field} with the receiver's field, {@link
 * Symbol} as it is.
 */
public sealed interface EffectTerm {

  /** The explicit receiver: a handle, a token, or a wrapper object in a stable variable. */
  record This() implements EffectTerm {
    @Override
    public String toString() {
      return "this";
    }
  }

  /**
   * A field of the receiver, or a static field: {@code name} is as written, without {@code this.}.
   */
  record Field(String name) implements EffectTerm {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The allocation reached by the parameter with this 1-based index ({@code #1} is the first). */
  record Parameter(int index) implements EffectTerm {
    public Parameter {
      if (index < 1) {
        throw new IllegalArgumentException("parameter index must be 1 or more, was " + index);
      }
    }

    @Override
    public String toString() {
      return "#" + index;
    }
  }

  /** The static per-CPU variable defined under {@code name}. */
  record Symbol(String name) implements EffectTerm {
    @Override
    public String toString() {
      return "symbol:" + name;
    }
  }

  /**
   * Parses one string of an {@code @Enters} annotation.
   *
   * @throws IllegalArgumentException naming the string and the accepted forms
   */
  static EffectTerm parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("@Enters term is null");
    }
    String s = text.trim();
    if (s.equals("this")) {
      return new This();
    }
    if (s.startsWith("#")) {
      try {
        return new Parameter(Integer.parseInt(s.substring(1)));
      } catch (IllegalArgumentException e) {
        throw invalid(text);
      }
    }
    if (s.startsWith("symbol:")) {
      String name = s.substring("symbol:".length());
      if (name.isEmpty()) {
        throw invalid(text);
      }
      return new Symbol(name);
    }
    String field = s.startsWith("this.") ? s.substring("this.".length()) : s;
    if (!isQualifiedIdentifier(field)) {
      throw invalid(text);
    }
    return new Field(field);
  }

  private static boolean isQualifiedIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        return false;
      }
      for (int i = 1; i < part.length(); i++) {
        if (!Character.isJavaIdentifierPart(part.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid @Enters term '"
            + text
            + "': expected this, a field name (counts or this.counts), #N (1-based parameter) or"
            + " symbol:NAME");
  }
}
