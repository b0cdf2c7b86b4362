package org.docmerge.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code docmerge-check/1} document as plain maps and lists, shared by {@code check --format json} and the
 * page's {@code POST /api/check}, so both speak the same schema (version 1, stable for scripts):
 *
 * <pre>{@code
 * { "schema": "docmerge-check/1", "file": "年报.xlsx", "kind": "gov-info-annual-2021",
 *   "errors": 2, "warnings": 1, "ok": false, "truncated": false,
 *   "diagnostics": [ { "severity": "error|warning|info", "code": "R03", "file": "年报.xlsx",
 *                      "sheet": "表N", "cell": "H12", "detail": "", "message": "…" } ] }
 * }</pre>
 *
 * {@code sheet}, {@code cell} and {@code detail} are empty strings when they do not apply. A reader ignores keys it
 * does not know (the web API adds some). Stateless.
 */
public final class CheckJson {
  private CheckJson() {}

  /** The document for {@code all} diagnostics of which {@code shown} are listed. Insertion-ordered, mutable. */
  public static Map<String, Object> check(String file, String kind, List<Diagnostic> all, List<Diagnostic> shown) {
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
      list.add(diagnostic(d));
    }
    root.put("diagnostics", list);
    return root;
  }

  /** One diagnostic as the schema writes it. Insertion-ordered, mutable. */
  public static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
    m.put("code", d.code());
    m.put("file", d.location().file());
    m.put("sheet", d.location().sheet());
    m.put("cell", d.location().cellRef());
    m.put("detail", d.location().detail());
    m.put("message", d.message());
    return m;
  }
}
