package dev.percpu.checker;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.util.Elements;
import org.checkerframework.framework.type.GenericAnnotatedTypeFactory;
import org.checkerframework.framework.type.QualifierHierarchy;
import org.checkerframework.javacutil.AnnotationBuilder;
import org.checkerframework.javacutil.AnnotationMirrorSet;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.TypeSystemError;

/**
 * The allocation-identity lattice, built in code because {@code percpu-qual} has no dependencies
 * and so cannot carry checker-qual's {@code @SubtypeOf}:
 *
 * <pre>
 *        {@literal @}UnknownAllocation
 *      /        |          \
 *  {@literal @}Allocation("a") {@literal @}Allocation("b") ...   (unrelated to each other)
 *      \        |          /
 *        {@literal @}AllocationBottom
 * </pre>
 *
 * The lattice has height three, so dataflow needs no widening.
 */
final class AllocationQualifierHierarchy extends QualifierHierarchy {

  private final AnnotationMirror top;
  private final AnnotationMirror bottom;
  private final AnnotationMirrorSet tops;
  private final AnnotationMirrorSet bottoms;

  AllocationQualifierHierarchy(GenericAnnotatedTypeFactory<?, ?, ?, ?> factory, Elements elements) {
    super(factory);
    this.top = AnnotationBuilder.fromClass(elements, dev.percpu.qual.UnknownAllocation.class);
    this.bottom = AnnotationBuilder.fromClass(elements, dev.percpu.qual.AllocationBottom.class);
    this.tops = AnnotationMirrorSet.singleton(top);
    this.bottoms = AnnotationMirrorSet.singleton(bottom);
  }

  AnnotationMirror top() {
    return top;
  }

  @Override
  public AnnotationMirrorSet getTopAnnotations() {
    return tops;
  }

  @Override
  public AnnotationMirror getTopAnnotation(AnnotationMirror qualifier) {
    return top;
  }

  @Override
  public AnnotationMirrorSet getBottomAnnotations() {
    return bottoms;
  }

  @Override
  public AnnotationMirror getBottomAnnotation(AnnotationMirror qualifier) {
    return bottom;
  }

  @Override
  public AnnotationMirror getPolymorphicAnnotation(AnnotationMirror qualifier) {
    return null; // alias-preserving methods are described by @PreservesAllocation instead
  }

  @Override
  public boolean isPolymorphicQualifier(AnnotationMirror qualifier) {
    return false;
  }

  @Override
  protected boolean isSubtypeQualifiers(AnnotationMirror sub, AnnotationMirror sup) {
    check(sub);
    check(sup);
    if (isTop(sup) || isBottom(sub)) {
      return true;
    }
    if (isTop(sub) || isBottom(sup)) {
      return false;
    }
    return AnnotationUtils.areSame(sub, sup);
  }

  @Override
  protected AnnotationMirror leastUpperBoundQualifiers(AnnotationMirror a, AnnotationMirror b) {
    if (!inHierarchy(a) || !inHierarchy(b)) {
      return null;
    }
    if (isSubtypeQualifiers(a, b)) {
      return b;
    }
    if (isSubtypeQualifiers(b, a)) {
      return a;
    }
    return top;
  }

  @Override
  public AnnotationMirror greatestLowerBoundQualifiers(AnnotationMirror a, AnnotationMirror b) {
    if (!inHierarchy(a) || !inHierarchy(b)) {
      return null;
    }
    if (isSubtypeQualifiers(a, b)) {
      return a;
    }
    if (isSubtypeQualifiers(b, a)) {
      return b;
    }
    return bottom;
  }

  private boolean isBottom(AnnotationMirror a) {
    return AnnotationUtils.areSame(a, bottom);
  }

  private static boolean inHierarchy(AnnotationMirror a) {
    String name = AnnotationUtils.annotationName(a);
    return name.equals(PerCpuAnnotatedTypeFactory.UNKNOWN_NAME)
        || name.equals(PerCpuAnnotatedTypeFactory.ALLOCATION_NAME)
        || name.equals(PerCpuAnnotatedTypeFactory.BOTTOM_NAME);
  }

  private static void check(AnnotationMirror a) {
    if (!inHierarchy(a)) {
      throw new TypeSystemError("not an allocation qualifier: " + a);
    }
  }
}
