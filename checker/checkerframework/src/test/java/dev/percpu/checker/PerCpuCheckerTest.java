package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.util.List;
import org.checkerframework.framework.test.TestConfiguration;
import org.checkerframework.framework.test.TestConfigurationBuilder;
import org.checkerframework.framework.test.TestUtilities;
import org.checkerframework.framework.test.TypecheckExecutor;
import org.checkerframework.framework.test.TypecheckResult;
import org.junit.jupiter.api.Test;

/**
 * Runs the Checker Framework's per-directory harness over {@code tests/<dir>}: every {@code //
 * :: error: [key]} expectation must be reported on the next line, and nothing else.
 */
class PerCpuCheckerTest {

  static TypecheckResult typecheck(String dir, String... options) {
    List<File> files = TestUtilities.findRelativeNestedJavaFiles(new File("tests"), dir);
    TestConfiguration config =
        TestConfigurationBuilder.buildDefaultConfiguration(
            "tests",
            files,
            List.of(PerCpuChecker.class.getName()),
            List.of(options),
            false);
    return new TypecheckExecutor().runTest(config);
  }

  static void assertExpectations(String dir, String... options) {
    TypecheckResult result = typecheck(dir, options);
    assertFalse(result.didTestFail(), result.summarize());
  }

  @Test
  void nestingCases_matchTheirExpectations() {
    assertExpectations("percpu");
  }
}
