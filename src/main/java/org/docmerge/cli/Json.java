package org.docmerge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Severity;

/**
 * The JSON form of {@code check --format json}. Schema (version 1), stable for scripts:
 *
 * <pre>{@code
 * { "schema": "docmerge-check/1", "file": "年报.xlsx", "kind": "gov-info-annual-2021",
 *   "errors": 2, "warnings": 1, "ok": false, "truncated": false,
 *   "diagnostics": [ { "severity": "error|warning|info", "code": "R03", "file": "年报.xlsx",
 *                      "sheet": "表三", "cell": "H12", "detail": "", "message": "…" } ] }
 * }</pre>
 *
 * {@code sheet}, {@code cell} and {@code detail} are empty strings when they do not apply. Stateless.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String check(String file, String kind, List<Diagnostic> all, List<Diagnostic> shown) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "docmerge-check/1");
    root.put("file", file);
    root.put("kind", kind);
    root.put("errors", all.stream().filter(Diagnostic::isError).count());
    root.put("warnings", all.stream().filter(d -> d.severity() == Severity.WARNING).count());
    root.put("ok", all.stream().noneMatch(Diagnostic::isError));
    root.put("truncated", shown.size() < all.size());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Diagnostic d : shown) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
      m.put("code", d.code());
      m.put("file", d.location().file());
      m.put("sheet", d.location().sheet());
      m.put("cell", d.location().cellRef());
      m.put("detail", d.location().detail());
      m.put("message", d.message());
      list.add(m);
    }
    root.put("diagnostics", list);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
