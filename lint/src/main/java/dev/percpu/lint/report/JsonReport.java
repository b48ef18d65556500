package dev.percpu.lint.report;

import java.io.IOException;
import java.io.Writer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The linter's own JSON format: an object with the run's facts and a {@code findings} array holding
 * one object per finding (file, line, column, end, severity, check, message, tool, docs when there
 * is a page to link, alsoReportedBy when the other checker reported the same verdict there). Its
 * JSON Schema is {@code docs/schema/percpu-lint-report.schema.json}, and the tests validate against
 * it.
 *
 * <p>Version 2 (from 1): {@code docs} became optional (no default docs site, see {@link DocsLinks})
 * and {@code alsoReportedBy} was added (one finding per verdict, see {@link Findings#merge}).
 */
public final class JsonReport implements ReportWriter {
  /** Bumped on any incompatible change to the shape below. */
  public static final int FORMAT_VERSION = 2;

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Override
  public void write(Summary summary, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("filesChecked", summary.filesChecked());
    ArrayNode tools = root.putArray("toolsRun");
    summary.toolsRun().forEach(t -> tools.add(t.id()));
    ArrayNode findings = root.putArray("findings");
    for (Finding f : summary.findings()) {
      ObjectNode node = findings.addObject();
      node.put("file", f.file());
      node.put("line", f.start().line());
      node.put("column", f.start().column());
      ObjectNode end = node.putObject("end");
      end.put("line", f.end().line());
      end.put("column", f.end().column());
      node.put("severity", f.severity().sarifLevel());
      node.put("check", f.check());
      node.put("message", f.message());
      node.put("tool", f.tool().id());
      f.docs().ifPresent(d -> node.put("docs", d));
      if (!f.alsoReportedBy().isEmpty()) {
        ArrayNode also = node.putArray("alsoReportedBy");
        for (Finding.Also a : f.alsoReportedBy()) {
          ObjectNode other = also.addObject();
          other.put("tool", a.tool().id());
          other.put("check", a.check());
          other.put("message", a.message());
          a.docs().ifPresent(d -> other.put("docs", d));
        }
      }
    }
    ObjectNode counts = root.putObject("summary");
    counts.put("errors", summary.count(Severity.ERROR));
    counts.put("warnings", summary.count(Severity.WARNING));
    counts.put("notes", summary.count(Severity.NOTE));
    out.write(MAPPER.writeValueAsString(root));
    out.write("\n");
  }
}
