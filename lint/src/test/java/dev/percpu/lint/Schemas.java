package dev.percpu.lint;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON Schemas the reports must satisfy, loaded once. */
final class Schemas {
  static final Schema SARIF = load(SpecificationVersion.DRAFT_7, sarifSchema());
  static final Schema LINT_JSON = load(SpecificationVersion.DRAFT_2020_12, lintSchema());

  private Schemas() {}

  /**
   * An empty string when {@code json} satisfies {@code schema}, else every violation, one per line.
   */
  static String violations(Schema schema, String json) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    return errors.stream().map(Error::toString).collect(Collectors.joining("\n"));
  }

  private static Schema load(SpecificationVersion version, InputStream in) {
    try (in) {
      return SchemaRegistry.withDefaultDialect(version).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream sarifSchema() {
    InputStream in = Schemas.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json");
    if (in == null) {
      throw new IllegalStateException("test resource schema/sarif-schema-2.1.0.json is missing");
    }
    return in;
  }

  private static InputStream lintSchema() {
    try {
      return Files.newInputStream(
          LintProcess.REPO_ROOT.resolve("docs/schema/percpu-lint-report.schema.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
