/**
 * Error Prone checks for the percpu nesting rule, registered with {@code @AutoService} so that
 * adding {@code dev.percpu:percpu-errorprone} next to Error Prone on the processor path enables
 * them:
 *
 * <pre>{@code
 * javac -XDcompilePolicy=simple --should-stop=ifError=FLOW \
 *   -processorpath error_prone_core.jar:percpu-errorprone.jar:percpu-checker-model.jar \
 *   '-Xplugin:ErrorProne -Xep:PerCpuNestedAccess:ERROR -XepOpt:PerCpu:ApiMethods=com.acme.Shards#update=entering:1:0' \
 *   Foo.java
 * }</pre>
 *
 * <p>The checks ({@link dev.percpu.errorprone.PerCpuNestedAccess}, {@link
 * dev.percpu.errorprone.PerCpuPossibleNestedAccess}, {@link
 * dev.percpu.errorprone.PerCpuGuardNotClosed}, {@link dev.percpu.errorprone.PerCpuGuardEscape},
 * {@link dev.percpu.errorprone.PerCpuValueEscape}, and for maps {@link
 * dev.percpu.errorprone.NestedMapCompute} and {@link
 * dev.percpu.errorprone.PossibleNestedMapCompute}) are thin: each reports one {@link
 * dev.percpu.errorprone.Finding.Kind} of a per-compilation-unit analysis that runs once and is
 * shared. The analysis itself lives in {@code nesting} (allocation identities, the binder, the
 * entered set, method summaries and their fixpoint) and {@code lifetime} (guards, tokens and values
 * that outlive their scope). Units that never mention {@code dev.percpu} exit before the per-CPU
 * analyses, and units that call no entering {@code Map} method before the map analysis.
 */
package dev.percpu.errorprone;
