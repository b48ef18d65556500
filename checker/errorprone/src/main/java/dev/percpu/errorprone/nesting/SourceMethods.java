package dev.percpu.errorprone.nesting;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance methods with bodies of a set of source classes, by name: where a call's overriders
 * are looked for ({@link #overriders}). Built once per set; a call's lookup touches only the
 * methods of its own name.
 */
final class SourceMethods {

  /** A stable order for findings: by class, then by name and signature. */
  static final Comparator<MethodSymbol> ORDER =
      Comparator.comparing((MethodSymbol m) -> m.owner.flatName().toString())
          .thenComparing(m -> m.toString());

  private final Map<Name, List<MethodSymbol>> byName = new HashMap<>();

  SourceMethods(Iterable<? extends Symbol> classes) {
    for (Symbol c : classes) {
      if (!(c instanceof ClassSymbol cs)) {
        continue;
      }
      try {
        for (Symbol member : cs.members().getSymbols()) {
          if (member instanceof MethodSymbol m
              && !m.isConstructor()
              && !m.isStatic()
              && (m.flags() & (Flags.ABSTRACT | Flags.NATIVE | Flags.PRIVATE)) == 0) {
            byName.computeIfAbsent(m.name, k -> new ArrayList<>()).add(m);
          }
        }
      } catch (RuntimeException e) {
        // A class javac cannot complete: its methods are unknown, as a class file's would be.
      }
    }
  }

  /**
   * The methods here that override {@code m} in a class that may be the receiver's (a subtype of
   * {@code receiver}), in {@link #ORDER}.
   */
  List<MethodSymbol> overriders(MethodSymbol m, TypeSymbol receiver, Types types) {
    List<MethodSymbol> out = new ArrayList<>();
    for (MethodSymbol candidate : byName.getOrDefault(m.name, List.of())) {
      try {
        if (candidate != m
            && candidate.owner instanceof TypeSymbol owner
            && types.isSubtype(types.erasure(owner.type), types.erasure(receiver.type))
            && candidate.overrides(m, owner, types, true)) {
          out.add(candidate);
        }
      } catch (RuntimeException e) {
        // An incomplete type: not an overrider this analysis can show.
      }
    }
    out.sort(ORDER);
    return out;
  }
}
