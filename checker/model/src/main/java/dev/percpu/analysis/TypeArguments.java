package dev.percpu.analysis;

import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Whether two handles' type arguments let them reach one allocation. An allocation has one type
 * argument for its whole life ({@code PerCpu<List<String>>} is never a {@code
 * PerCpu<List<Integer>>}), so two fully concrete, different type arguments prove two handles
 * distinct. Type arguments are compared in full, not by erasure: the erasure would call those two
 * handles possibly the same. A type variable or wildcard anywhere inside may stand for anything,
 * and an unknown ({@code null}) or erroneous type proves nothing, so those stay compatible.
 *
 * <pre>{@code
 * if (!TypeArguments.mayBeSame(inner.typeArgument(), outer.typeArgument(), types)) {
 *   return DISTINCT;
 * }
 * }</pre>
 */
public final class TypeArguments {

  private TypeArguments() {}

  /**
   * The type argument of a {@code PerCpu<T>} or {@code PerCpuToken<T>} type (its first), or {@code
   * null} for a raw, erroneous or non-generic type.
   */
  public static TypeMirror of(TypeMirror handleType) {
    if (handleType instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
      return d.getTypeArguments().get(0);
    }
    return null;
  }

  /** Whether handles of type arguments {@code a} and {@code b} may reach the same allocation. */
  public static boolean mayBeSame(TypeMirror a, TypeMirror b, Types types) {
    if (a == null || b == null || !concrete(a) || !concrete(b)) {
      return true;
    }
    try {
      return types.isSameType(a, b);
    } catch (RuntimeException e) {
      return true; // a type javac could not complete proves nothing
    }
  }

  private static boolean concrete(TypeMirror t) {
    switch (t.getKind()) {
      case DECLARED:
        for (TypeMirror arg : ((DeclaredType) t).getTypeArguments()) {
          if (!concrete(arg)) {
            return false;
          }
        }
        return true;
      case ARRAY:
        return concrete(((ArrayType) t).getComponentType());
      case BOOLEAN:
      case BYTE:
      case CHAR:
      case SHORT:
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
        return true;
      default:
        return false;
    }
  }
}
