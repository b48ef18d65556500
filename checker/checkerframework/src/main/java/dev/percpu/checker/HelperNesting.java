package dev.percpu.checker;

import com.sun.source.tree.Tree;
import dev.percpu.analysis.NestedParameters;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A nesting between a method's own parameters ({@link NestedParameters}), with what a finding at a
 * call of the method needs to say where the two entries are.
 *
 * @param nesting the two sides, in the method's terms
 * @param outerSite the entering call of the outer side, in the body of the innermost helper
 * @param innerSite the call that enters the inner side there
 * @param innerVia how {@code innerSite} reaches the inner entry, or empty when it is the entry
 * @param through the helpers from the method down to the one whose body nests, outermost first;
 *     empty when it is the method's own body
 */
record HelperNesting(
    NestedParameters nesting,
    Tree outerSite,
    Tree innerSite,
    String innerVia,
    List<ExecutableElement> through) {}
