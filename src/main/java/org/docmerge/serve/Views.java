package org.docmerge.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.CheckJson;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Severity;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.template.TagUse;

/**
 * The JSON documents of the API. The check document is {@code docmerge-check/1} (the same as {@code check --format
 * json}) with keys a script may ignore: {@code kindName}; {@code cover}, {@code tables} and {@code prose} (the kind's
 * layout with the values read and the cell each came from, so the page draws the official tables and marks the
 * faulty cells); and on a diagnostic about a paragraph, {@code paragraph} (its text). Stateless.
 */
final class Views {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** How prose rules name a paragraph: 「一（二）依申请公开」第2段. */
  private static final Pattern PARAGRAPH = Pattern.compile("「(.+)」第(\\d+)段");

  private Views() {}

  static byte[] json(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] error(int status, String code, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", "docmerge-error/1");
    m.put("status", status);
    m.put("code", code);
    m.put("message", message);
    return json(m);
  }

  /** The check document for what was read ({@code data} may be empty) and every diagnostic. */
  static Map<String, Object> check(String file, ReportSpec spec, Optional<ReportData> data, List<Diagnostic> all) {
    Map<String, Object> root = CheckJson.check(file, spec.kind(), all, all);
    root.put("kindName", spec.name());
    if (data.isPresent()) {
      root.put("numbers", spec.cells().size()); // the page says so when not one of them was read
      root.put("numbersRead", org.docmerge.Docmerge.numbersRead(spec, data));
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listed = (List<Map<String, Object>>) root.get("diagnostics");
    for (int i = 0; i < all.size(); i++) {
      Map<String, Object> listedOne = listed.get(i);
      paragraph(spec, data, all.get(i)).ifPresent(p -> listedOne.put("paragraph", p));
    }
    if (data.isPresent()) {
      root.put("cover", cover(spec, data.get()));
      root.put("tables", tables(spec, data.get()));
      root.put("prose", prose(spec, data.get()));
    }
    return root;
  }

  /** The paragraph a diagnostic names, quoted. */
  private static Optional<String> paragraph(ReportSpec spec, Optional<ReportData> data, Diagnostic d) {
    Matcher m = PARAGRAPH.matcher(d.location().detail());
    if (data.isEmpty() || !m.find()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(m.group(2)) - 1;
    return spec.sections().stream().filter(s -> s.label().equals(m.group(1))).findFirst()
        .map(s -> data.get().paragraphs(s.id()))
        .filter(ps -> index >= 0 && index < ps.size())
        .map(ps -> ps.get(index));
  }

  private static List<Map<String, Object>> cover(ReportSpec spec, ReportData data) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReportSpec.Field f : spec.fields()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      m.put("label", f.label());
      m.put("value", data.field(f.id()));
      place(m, data.fieldLocation(f.id()));
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> tables(ReportSpec spec, ReportData data) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReportSpec.Table t : spec.tables()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", t.id());
      tm.put("sheet", t.sheet());
      tm.put("heading", t.heading());
      tm.put("corner", t.corner() == null ? "" : t.corner());
      List<Map<String, Object>> blocks = new ArrayList<>();
      for (ReportSpec.Block b : t.blocks()) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("caption", b.caption() == null ? "" : b.caption());
        bm.put("corner", b.corner() == null ? "" : b.corner());
        bm.put("columns", b.columns().stream().map(c -> Map.of("id", c.id(), "label", c.label())).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportSpec.Line r : b.rows()) {
          List<Map<String, Object>> cells = new ArrayList<>();
          for (ReportSpec.Line c : b.columns()) {
            String id = ReportSpec.cellId(t.id(), r.id(), c.id());
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", id);
            Optional<CellValue> v = data.value(id);
            cm.put("text", v.map(CellValue::display).orElse(""));
            place(cm, v.map(CellValue::location).orElse(Location.NONE));
            cells.add(cm);
          }
          Map<String, Object> rm = new LinkedHashMap<>();
          rm.put("id", r.id());
          rm.put("label", r.label());
          rm.put("cells", cells);
          rows.add(rm);
        }
        bm.put("rows", rows);
        blocks.add(bm);
      }
      tm.put("blocks", blocks);
      out.add(tm);
    }
    return out;
  }

  private static List<Map<String, Object>> prose(ReportSpec spec, ReportData data) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReportSpec.Section s : spec.sections()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("label", s.label());
      m.put("paragraphs", data.paragraphs(s.id()));
      place(m, data.proseLocation(s.id()));
      out.add(m);
    }
    return out;
  }

  private static void place(Map<String, Object> m, Location where) {
    m.put("sheet", where.sheet());
    m.put("cell", where.cellRef());
  }

  /** {@code docmerge-inspect/1}: every tag and where it is, and the problems, as {@code inspect} prints them. */
  static Map<String, Object> inspect(String file, ReportSpec spec, Optional<PreparedTemplate> template,
      List<Diagnostic> all) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "docmerge-inspect/1");
    root.put("file", file);
    root.put("kind", spec.kind());
    root.put("kindName", spec.name());
    root.put("errors", all.stream().filter(Diagnostic::isError).count());
    root.put("warnings", all.stream().filter(d -> d.severity() == Severity.WARNING).count());
    root.put("ok", all.stream().noneMatch(Diagnostic::isError));
    List<Map<String, Object>> tags = new ArrayList<>();
    template.ifPresent(t -> {
      for (TagUse use : t.tags()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", use.name());
        m.put("kind", use.kind() == TagUse.Kind.BLOCK ? "block" : "inline");
        m.put("location", use.location());
        tags.add(m);
      }
    });
    root.put("tags", tags);
    root.put("diagnostics", all.stream().map(CheckJson::diagnostic).toList());
    return root;
  }
}
