package dev.percpu.errorprone.nesting;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;

/**
 * A {@link TreeScanner} that keeps the current {@link TreePath} and can scan a subtree under a
 * given parent path and come back. {@code TreePathScanner.scan(TreePath, P)} clears the path when
 * it returns, so a scanner that jumps into closure bodies from the middle of a walk needs this.
 */
abstract class PathScanner<R, P> extends TreeScanner<R, P> {
  private TreePath path;

  TreePath getCurrentPath() {
    return path;
  }

  @Override
  public R scan(Tree tree, P p) {
    if (tree == null) {
      return null;
    }
    TreePath prev = path;
    path = new TreePath(path, tree);
    try {
      return tree.accept(this, p);
    } finally {
      path = prev;
    }
  }

  /** Scans {@code tree} as a child of {@code parent}, then restores the current path. */
  R scanUnder(TreePath parent, Tree tree, P p) {
    if (tree == null) {
      return null;
    }
    TreePath prev = path;
    path = parent;
    try {
      return scan(tree, p);
    } finally {
      path = prev;
    }
  }
}
