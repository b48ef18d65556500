package dev.percpu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class (or method) in percpu assertion mode and fails each test that
 * caused a per-CPU violation, on any thread, even one whose exception was caught, or that left a
 * CPU slot pinned. See {@link PerCpuAssertionsExtension}.
 *
 * <pre>{@code
 * @EnablePerCpuAssertions
 * class RequestStatsTest {
 *   @Test
 *   void recordsEveryRequest() { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(PerCpuAssertionsExtension.class)
public @interface EnablePerCpuAssertions {}
