package dev.percpu.errorprone.nesting;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;

/** Line numbers for messages. */
final class Lines {
  private final LineMap map;

  Lines(CompilationUnitTree unit) {
    this.map = unit.getLineMap();
  }

  int of(Tree tree) {
    if (map == null || !(tree instanceof JCTree t) || t.getStartPosition() < 0) {
      return 0;
    }
    return (int) map.getLineNumber(t.getStartPosition());
  }
}
