package dev.percpu.checker;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Variable;
import dev.percpu.analysis.CallSite;
import dev.percpu.analysis.CallSiteTranslation;
import dev.percpu.analysis.ConstantStrings;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.OwnReturns;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.Receivers;
import dev.percpu.qual.Allocation;
import dev.percpu.qual.AllocationBottom;
import dev.percpu.qual.UnknownAllocation;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.common.basetype.BaseAnnotatedTypeFactory;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.qual.TypeUseLocation;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.QualifierHierarchy;
import org.checkerframework.framework.type.treeannotator.ListTreeAnnotator;
import org.checkerframework.framework.type.treeannotator.LiteralTreeAnnotator;
import org.checkerframework.framework.type.treeannotator.TreeAnnotator;
import org.checkerframework.framework.util.defaults.QualifierDefaults;
import org.checkerframework.javacutil.AnnotationBuilder;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreePathUtil;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Gives every {@code PerCpu}/{@code PerCpuToken} expression its allocation identity as a type
 * qualifier. Method roles come from {@link PerCpuApi} (the model shared with the Error Prone
 * checks): {@code @FreshAllocation} calls get a qualifier naming their site, {@code @SymbolLookup}
 * calls with a constant get {@code symbol:NAME}, {@code @PreservesAllocation} calls take their
 * source's qualifier. The framework's own flow refinement then carries identities through
 * assignments ({@code b = a.clone()} gives {@code b} the qualifier of {@code a}), and merges of
 * different identities fall to {@code @UnknownAllocation}.
 */
public class PerCpuAnnotatedTypeFactory extends BaseAnnotatedTypeFactory {

  static final String UNKNOWN_NAME = UnknownAllocation.class.getCanonicalName();
  static final String ALLOCATION_NAME = Allocation.class.getCanonicalName();
  static final String BOTTOM_NAME = AllocationBottom.class.getCanonicalName();

  private final PerCpuApi api;

  /** The qualifier strings' one encoder and decoder, shared by all compilation units of a run. */
  private final AllocationId ids = new AllocationId();

  /** Fields whose initialisers are being resolved, against cycles across classes. */
  private final Set<VariableElement> resolving = new HashSet<>();

  private AllocationQualifierHierarchy hierarchy;

  @SuppressWarnings("this-escape")
  public PerCpuAnnotatedTypeFactory(BaseTypeChecker checker) {
    super(checker);
    this.api = ((PerCpuChecker) checker).api();
    postInit();
  }

  PerCpuApi api() {
    return api;
  }

  @Override
  protected Set<Class<? extends Annotation>> createSupportedTypeQualifiers() {
    return Set.of(UnknownAllocation.class, Allocation.class, AllocationBottom.class);
  }

  @Override
  protected QualifierHierarchy createQualifierHierarchy() {
    hierarchy = new AllocationQualifierHierarchy(this, elements);
    return hierarchy;
  }

  @Override
  protected void addCheckedCodeDefaults(QualifierDefaults defs) {
    defs.addCheckedCodeDefault(top(), TypeUseLocation.OTHERWISE);
  }

  @Override
  protected TreeAnnotator createTreeAnnotator() {
    return new ListTreeAnnotator(
        new LiteralTreeAnnotator(this).addStandardLiteralQualifiers(), new RoleTreeAnnotator());
  }

  AnnotationMirror top() {
    return ((AllocationQualifierHierarchy) getQualifierHierarchy()).top();
  }

  AnnotationMirror allocation(String key) {
    AnnotationBuilder builder = new AnnotationBuilder(processingEnv, Allocation.class);
    builder.setValue("value", key);
    return builder.build();
  }

  /** The allocation name a qualifier carries, or {@code null} for top, bottom and others. */
  static String keyOf(AnnotationMirror qualifier) {
    if (qualifier == null || !AnnotationUtils.annotationName(qualifier).equals(ALLOCATION_NAME)) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        qualifier.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")
          && e.getValue().getValue() instanceof String s) {
        return s;
      }
    }
    return null;
  }

  /**
   * The identity of a handle or token expression, as its (flow-refined) type says. For the receiver
   * of a user's own entering method (a wrapper object, not a handle), a final variable names
   * itself.
   */
  AllocationIdentity identityOf(ExpressionTree tree) {
    AnnotatedTypeMirror type = getAnnotatedType(tree);
    String key = keyOf(type.getPrimaryAnnotationInHierarchy(top()));
    ExpressionTree bare = skipParens(tree);
    if (key == null
        && !PerCpuApi.isHandleOrToken(type.getUnderlyingType())
        && (bare instanceof IdentifierTree || bare instanceof MemberSelectTree)
        && TreeUtils.elementFromTree(bare) instanceof VariableElement v) {
      key = variableKey(v);
    }
    return ids.decode(key, typeArgument(type.getUnderlyingType()), describe(tree));
  }

  /**
   * What a read of {@code v} on the current object reaches (a field named in an {@code @Enters}).
   */
  AllocationIdentity identityOf(VariableElement v) {
    return ids.decode(variableKey(v), typeArgument(v.asType()), v.getSimpleName().toString());
  }

  /** The first type argument of a {@code PerCpu<T>}/{@code PerCpuToken<T>}, else {@code null}. */
  static TypeMirror typeArgument(TypeMirror type) {
    if (type != null && type.getKind() == TypeKind.DECLARED) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      if (!args.isEmpty()) {
        return args.get(0);
      }
    }
    return null;
  }

  static String describe(Tree tree) {
    String s = String.valueOf(tree);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /**
   * Names variables that the type system alone leaves unknown: a final field by its initialiser (or
   * by itself), an effectively final local or parameter by itself. Runs after flow refinement, so a
   * variable the flow already identified keeps that identity.
   */
  @Override
  protected void addComputedTypeAnnotations(Tree tree, AnnotatedTypeMirror type, boolean iUseFlow) {
    super.addComputedTypeAnnotations(tree, type, iUseFlow);
    if (!(tree instanceof IdentifierTree || tree instanceof MemberSelectTree)
        || !PerCpuApi.isHandleOrToken(type.getUnderlyingType())) {
      return;
    }
    AnnotationMirror current = type.getPrimaryAnnotationInHierarchy(top());
    if (current != null && !AnnotationUtils.areSame(current, top())) {
      return;
    }
    Element element = TreeUtils.elementFromTree(tree);
    if (element instanceof VariableElement && isAssignedHere(tree)) {
      return; // the target of an assignment (a constructor setting a final field) is no read
    }
    if (tree instanceof MemberSelectTree select
        && element instanceof VariableElement field
        && field.getKind() == ElementKind.FIELD
        && !field.getModifiers().contains(Modifier.STATIC)
        && !Receivers.isCurrentObject(select.getExpression())) {
      // Another object's field: the model's translation through the receiver says what it reaches.
      String key;
      try {
        key =
            fieldThrough(select.getExpression(), field)
                .definiteMember()
                .map(ids::encode)
                .orElse(null);
      } catch (RuntimeException e) {
        key = null;
      }
      if (key != null) {
        type.replaceAnnotation(allocation(key));
      }
      return;
    }
    String key;
    try {
      key = element instanceof VariableElement v ? variableKey(v) : null;
    } catch (RuntimeException e) {
      key = null; // unknown is the sound answer when a declaration cannot be read
    }
    if (key != null) {
      type.replaceAnnotation(allocation(key));
    }
  }

  /**
   * What {@code field} reaches when read through {@code object}: the current object ({@code null},
   * {@code this}, {@code super}), an object made right there ({@code new C(..)}, a constructor's),
   * or one a stable variable holds; through anything else (a method result, a non-final field) it
   * is another object's field. The model's translation ({@link CallSiteTranslation}) decides, from
   * what the field reaches on the current object.
   */
  IdentitySet fieldThrough(Tree object, VariableElement field) {
    AllocationIdentity onCurrentObject = identityOf(field);
    if (object == null
        || field.getModifiers().contains(Modifier.STATIC)
        || object instanceof ExpressionTree e && Receivers.isCurrentObject(e)) {
      return IdentitySet.of(onCurrentObject);
    }
    Tree o = object instanceof ExpressionTree e ? skipParens(e) : object;
    IdentitySet onObject = IdentitySet.of(onCurrentObject);
    if (o instanceof NewClassTree made) {
      Fresh at = freshSite(made, false);
      return CallSiteTranslation.fieldOfNewObject(onObject, made, at.scope(), at.line());
    }
    VariableElement holder = stableHolder(o);
    if (holder != null && onCurrentObject.isStable()) {
      return CallSiteTranslation.fieldOfVariable(onObject, holder, field);
    }
    return IdentitySet.of(
        CallSiteTranslation.anotherObjectsField(
            new Variable(field, typeArgument(field.asType()), false)));
  }

  /**
   * The variable a receiver reads when it holds one object for as long as it is in scope: a
   * parameter, an effectively final local, a final field of the current object or a static one.
   */
  private VariableElement stableHolder(Tree receiver) {
    if (!(receiver instanceof IdentifierTree || receiver instanceof MemberSelectTree)
        || !(TreeUtils.elementFromTree(receiver) instanceof VariableElement v)) {
      return null;
    }
    if (receiver instanceof MemberSelectTree s
        && !(Receivers.isCurrentObject(s.getExpression())
            || v.getModifiers().contains(Modifier.STATIC))) {
      return null; // a field of yet another object
    }
    if (v.getKind() == ElementKind.FIELD) {
      return v.getModifiers().contains(Modifier.FINAL) ? v : null;
    }
    return isEffectivelyFinal(v) ? v : null;
  }

  private boolean isLoopVariable(VariableElement v) {
    TreePath decl = Trees.instance(processingEnv).getPath(v);
    return decl != null
        && decl.getParentPath() != null
        && decl.getParentPath().getLeaf() instanceof EnhancedForLoopTree loop
        && loop.getVariable() == decl.getLeaf();
  }

  private boolean isAssignedHere(Tree tree) {
    TreePath path = getPath(tree);
    return path != null
        && path.getParentPath() != null
        && path.getParentPath().getLeaf() instanceof AssignmentTree a
        && a.getVariable() == tree;
  }

  /**
   * Whether a local or parameter is never assigned after its declaration: javac's answer, which its
   * flow phase has given for the class being checked before the checker sees it (the checker
   * analyses no class that javac has not flowed).
   */
  boolean isEffectivelyFinal(VariableElement v) {
    return ElementUtils.isEffectivelyFinal(v);
  }

  /**
   * Whether {@code m} is declared in a source file of this compilation, so that its body is held to
   * the effect its callers read ({@code effect.beyond.default}), rather than compiled elsewhere.
   */
  boolean isCompiledHere(ExecutableElement m) {
    return Trees.instance(processingEnv).getPath(m) != null;
  }

  /** The declaration of a variable of this unit, or {@code null}. */
  Tree declarationOf(Element element) {
    return declarationInThisUnit(element);
  }

  /**
   * The declaration of a variable when it lies in the unit being checked. javac attributes the
   * units of one compilation one at a time, so trees of other units may not be attributed yet.
   */
  private Tree declarationInThisUnit(Element element) {
    TreePath path = Trees.instance(processingEnv).getPath(element);
    if (path == null || path.getCompilationUnit() != root) {
      return null;
    }
    return path.getLeaf();
  }

  /** The identity name of a variable, or {@code null} when a read of it reaches an unknown one. */
  String variableKey(VariableElement v) {
    String key = null;
    if (v.getKind() == ElementKind.FIELD) {
      if (v.getModifiers().contains(Modifier.FINAL)) {
        key = ownedBy(fieldInitializerKey(v), v);
        if (key == null) {
          key = ids.encode(new Variable(v, typeArgument(v.asType()), false));
        }
      }
    } else if (v.getKind() == ElementKind.LOCAL_VARIABLE
        || v.getKind() == ElementKind.PARAMETER
        || v.getKind() == ElementKind.RESOURCE_VARIABLE
        || v.getKind() == ElementKind.EXCEPTION_PARAMETER
        || v.getKind() == ElementKind.BINDING_VARIABLE) {
      if (isEffectivelyFinal(v)) {
        Tree decl = v.getKind() == ElementKind.PARAMETER ? null : declarationInThisUnit(v);
        if (decl instanceof VariableTree vt && vt.getInitializer() != null) {
          // A final local is whatever its initialiser reaches (which may be unknown).
          key = keyOf(getAnnotatedType(vt.getInitializer()).getPrimaryAnnotationInHierarchy(top()));
          if (key == null) {
            key = ids.encode(new Variable(v, typeArgument(v.asType()), false));
          } else {
            return key; // derived from another handle: @Distinct cannot separate it from that one
          }
        } else if (v.getKind() != ElementKind.LOCAL_VARIABLE || isLoopVariable(v)) {
          // Parameters, for-each, resource, catch and pattern variables: named by themselves.
          key = ids.encode(new Variable(v, typeArgument(v.asType()), false));
        } else if (PerCpuApi.isDistinct(v)) {
          // A @Distinct local assigned once after its declaration: the promise names it.
          key = ids.encode(new Variable(v, typeArgument(v.asType()), false));
        }
        // Otherwise a local assigned once after its declaration is left to flow refinement.
      }
    }
    if (key != null && PerCpuApi.isDistinct(v)) {
      key = ids.promisedDistinct(key);
    }
    return key;
  }

  /**
   * A field's allocation is the object's or the class's, whichever evaluation made it (an
   * initialiser or a constructor), and belongs to the field ({@link Fresh#ownedBy}), so that the
   * model maps it through a call's receiver.
   */
  private String ownedBy(String key, VariableElement field) {
    if (key == null) {
      return null;
    }
    AllocationIdentity id = ids.decode(key, typeArgument(field.asType()), "");
    return id instanceof Fresh f ? ids.encode(f.perObject().ownedBy(field)) : key;
  }

  /** A final field initialised in source by {@code allocate} or {@code define}/{@code symbol}. */
  private String fieldInitializerKey(VariableElement field) {
    TreePath decl = Trees.instance(processingEnv).getPath(field);
    if (decl == null
        || decl.getCompilationUnit() != root
        || !(decl.getLeaf() instanceof VariableTree vt)
        || !resolving.add(field)) {
      return null;
    }
    try {
      if (vt.getInitializer() != null) {
        return expressionKey(vt.getInitializer(), 0);
      }
      // Assigned in constructors: resolvable when every assignment agrees.
      List<ExpressionTree> values = new ArrayList<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree t, Void unused) {
          if (TreeUtils.elementFromTree(skipParens(t.getVariable())) == field) {
            values.add(t.getExpression());
          }
          return super.visitAssignment(t, unused);
        }
      }.scan(decl.getParentPath().getLeaf(), null);
      String key = null;
      for (ExpressionTree value : values) {
        String k = expressionKey(value, 0);
        if (k == null || (key != null && !key.equals(k))) {
          return null;
        }
        key = k;
      }
      return key;
    } finally {
      resolving.remove(field);
    }
  }

  /**
   * The identity of a field initialiser, read from its shape (flow facts do not cover field
   * initialisers read from a method): a fresh or symbol call, an alias-preserving call on something
   * resolvable, another final field, or a conditional whose branches agree.
   */
  private String expressionKey(ExpressionTree tree, int depth) {
    ExpressionTree e = skipParens(tree);
    if (depth > 8) {
      return null;
    }
    if (e instanceof MethodInvocationTree call) {
      String key = roleKey(call);
      ExecutableElement m = EffectAnalysis.calleeOf(call);
      if (key == null && m != null && api.roleOf(m) instanceof MethodRole.PreservesAllocation p) {
        ExpressionTree source =
            p.from() < 0 ? TreeUtils.getReceiverTree(call) : argument(call, p.from());
        key = source == null ? null : expressionKey(source, depth + 1);
      }
      return key;
    }
    if (e instanceof ConditionalExpressionTree c) {
      String a = expressionKey(c.getTrueExpression(), depth + 1);
      String b = expressionKey(c.getFalseExpression(), depth + 1);
      return a != null && a.equals(b) ? a : null;
    }
    if ((e instanceof IdentifierTree || e instanceof MemberSelectTree)
        && TreeUtils.elementFromTree(e) instanceof VariableElement v
        && v.getKind() == ElementKind.FIELD) {
      return variableKey(v);
    }
    return null;
  }

  /** The identity a fresh or symbol call establishes, or {@code null} for any other call. */
  String roleKey(MethodInvocationTree call) {
    ExecutableElement method = EffectAnalysis.calleeOf(call);
    if (method == null) {
      return null; // not attributed (erroneous code)
    }
    MethodRole role = api.roleOf(method);
    if (role instanceof MethodRole.FreshAllocation) {
      return ids.encode(freshSite(call, false));
    }
    if (role instanceof MethodRole.SymbolLookup s) {
      String name =
          ConstantStrings.of(argument(call, s.index()), t -> TreeUtils.elementFromTree(t));
      return name == null ? null : ids.encode(new Symbolic(name, null));
    }
    return null;
  }

  /**
   * The allocation a call makes: new per evaluation of the enclosing method, or of an object or
   * class when the call initialises a field.
   */
  private Fresh freshSite(ExpressionTree call, boolean distinct) {
    TreePath path = getPath(call);
    MethodTree enclosing = path == null ? null : TreePathUtil.enclosingMethod(path);
    ExecutableElement scope =
        enclosing == null ? null : TreeUtils.elementFromDeclaration(enclosing);
    long pos = root == null ? -1 : trees.getSourcePositions().getStartPosition(root, call);
    int line = pos < 0 ? 0 : (int) root.getLineMap().getLineNumber(pos);
    return new Fresh(call, scope, distinct, typeArgument(TreeUtils.typeOf(call)), "", line);
  }

  static ExpressionTree argument(MethodInvocationTree call, int index) {
    List<? extends ExpressionTree> args = call.getArguments();
    return index >= 0 && index < args.size() ? args.get(index) : null;
  }

  static ExpressionTree skipParens(ExpressionTree tree) {
    ExpressionTree t = tree;
    while (true) {
      if (t instanceof ParenthesizedTree p) {
        t = p.getExpression();
      } else if (t instanceof TypeCastTree c) {
        t = c.getExpression();
      } else {
        return t;
      }
    }
  }

  /** Adds identities to calls according to their {@link MethodRole}. */
  private final class RoleTreeAnnotator extends TreeAnnotator {
    RoleTreeAnnotator() {
      super(PerCpuAnnotatedTypeFactory.this);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, AnnotatedTypeMirror type) {
      if (!PerCpuApi.isHandleOrToken(type.getUnderlyingType())) {
        return null;
      }
      ExecutableElement method = EffectAnalysis.calleeOf(call);
      if (method == null) {
        return null;
      }
      MethodRole role = api.roleOf(method);
      if (role instanceof MethodRole.PreservesAllocation p) {
        ExpressionTree source =
            p.from() < 0 ? TreeUtils.getReceiverTree(call) : argument(call, p.from());
        if (source != null) {
          String key = keyOf(getAnnotatedType(source).getPrimaryAnnotationInHierarchy(top()));
          if (key != null) {
            type.replaceAnnotation(allocation(key));
          }
        }
        return null;
      }
      String key = roleKey(call);
      if (key == null && PerCpuApi.isDistinct(method)) {
        // @Distinct on a method: each call site yields a handle no other handle in scope reaches.
        key = ids.encode(freshSite(call, true));
      }
      if (key == null) {
        key = returnedKey(call, method);
      }
      if (key != null) {
        type.replaceAnnotation(allocation(key));
      }
      return null;
    }
  }

  /**
   * The identity of a call's result when the callee is a method of this unit that cannot be
   * overridden and returns only allocations it makes itself ({@code return PerCpu.allocate(..)}):
   * the model's callee-to-caller translation ({@link CallSiteTranslation#returned}) makes each such
   * result a fresh allocation of the call site, as in the Error Prone checks. {@code null} for any
   * other call.
   */
  private String returnedKey(MethodInvocationTree call, ExecutableElement method) {
    if (!cannotBeOverridden(method)
        || !(declarationOf(method) instanceof MethodTree decl)
        || decl.getBody() == null) {
      return null;
    }
    List<AllocationIdentity> inCallee = new ArrayList<>();
    boolean other = false;
    for (ReturnTree r : OwnReturns.of(decl.getBody())) {
      ExpressionTree e = r.getExpression();
      ExecutableElement made =
          e != null && skipParens(e) instanceof MethodInvocationTree inner
              ? EffectAnalysis.calleeOf(inner)
              : null;
      if (made != null && api.roleOf(made) instanceof MethodRole.FreshAllocation) {
        inCallee.add(freshSite((MethodInvocationTree) skipParens(e), false));
      } else {
        other = true;
      }
    }
    if (other || inCallee.isEmpty()) {
      return null;
    }
    Fresh site = freshSite(call, false);
    CallSite at =
        new TreeCallSite(
            method,
            call,
            call.getArguments(),
            TreeUtils.getReceiverTree(call),
            site.scope(),
            site.line(),
            this::identityOf,
            this::fieldThrough);
    List<AllocationIdentity> inCaller =
        CallSiteTranslation.returned(IdentitySet.copyOf(inCallee), at).members();
    return inCaller.size() == 1 ? ids.encode(inCaller.get(0)) : null;
  }

  /** Static, private or final, or of a final class: a call reaches this body and no other. */
  static boolean cannotBeOverridden(ExecutableElement m) {
    Set<Modifier> mods = m.getModifiers();
    return mods.contains(Modifier.STATIC)
        || mods.contains(Modifier.PRIVATE)
        || mods.contains(Modifier.FINAL)
        || m.getEnclosingElement().getModifiers().contains(Modifier.FINAL);
  }
}
