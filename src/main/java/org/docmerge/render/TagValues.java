package org.docmerge.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * The text each template tag receives for one report: cover fields and table cells as inline text, prose
 * sections as lists of paragraphs. Numbers print as the official tables print them (whole numbers plain, the
 * fee without trailing zeros); an empty section prints the spec's {@code empty} text (「无」) so its heading is
 * never left hanging. Immutable and thread-safe.
 */
public record TagValues(
    Map<String, String> inline, Map<String, List<String>> blocks, Map<String, List<Map<String, String>>> lists) {

  public TagValues {
    inline = Map.copyOf(inline);
    blocks = Map.copyOf(blocks);
    lists = lists == null ? Map.of() : Map.copyOf(lists);
  }

  /** Values of a kind without lists. */
  public TagValues(Map<String, String> inline, Map<String, List<String>> blocks) {
    this(inline, blocks, Map.of());
  }

  public static TagValues of(ReportSpec spec, ReportData data) {
    Map<String, String> inline = new LinkedHashMap<>();
    for (ReportSpec.Field f : spec.fields()) {
      inline.put(f.id(), display(f, data.field(f.id())));
    }
    for (var cell : spec.cells().values()) {
      CellValue v = data.values().get(cell.id());
      String shown = v == null ? "" : v.display();
      if (v != null && "signed".equals(cell.type()) && v.isNumber() && v.number().signum() > 0) {
        shown = "+" + shown; // 本年增/减 is published with its sign: +19, -3, 0
      }
      inline.put(cell.id(), shown);
    }
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    for (ReportSpec.Section s : spec.sections()) {
      List<String> ps = data.paragraphs(s.id());
      blocks.put(s.id(), ps.isEmpty() && s.empty() != null ? List.of(s.empty()) : ps);
    }
    Map<String, List<Map<String, String>>> lists = new LinkedHashMap<>();
    for (ReportSpec.ListSheet l : spec.lists()) {
      List<Map<String, String>> rows = new java.util.ArrayList<>();
      for (Map<String, CellValue> row : data.rows(l.id())) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (ReportSpec.ListColumn c : l.columns()) {
          CellValue v = row.get(c.id());
          shown.put(c.id(), v == null ? "" : v.display().strip());
        }
        rows.add(shown);
      }
      lists.put(l.id(), rows);
    }
    for (ReportSpec.Computed c : spec.computed()) {
      inline.put(c.id(), computed(c, spec, data));
    }
    return new TagValues(inline, blocks, lists);
  }

  /** A computed sum as the document prints it; blank when a term is not a number. */
  static String computed(ReportSpec.Computed c, ReportSpec spec, ReportData data) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (String term : c.sum()) {
      int dot = term.indexOf('.');
      if (spec.cells().containsKey(term)) {
        CellValue v = data.values().get(term);
        if (v == null || !v.isNumber()) {
          return "";
        }
        sum = sum.add(v.number());
      } else if (dot > 0 && spec.list(term.substring(0, dot)).isPresent()) {
        for (Map<String, CellValue> row : data.rows(term.substring(0, dot))) {
          CellValue v = row.get(term.substring(dot + 1));
          if (v != null && v.isNumber()) {
            sum = sum.add(v.number());
          } else if (v != null && !v.isBlank()) {
            return "";
          }
        }
      }
    }
    return CellValue.of(sum, null).display();
  }

  private static String display(ReportSpec.Field f, String value) {
    String v = value.strip();
    if ("date".equals(f.type())) {
      var m = java.util.regex.Pattern.compile("^(\\d{4})\\D+(\\d{1,2})\\D+(\\d{1,2})\\D*$").matcher(v);
      if (m.matches()) {
        return m.group(1) + "年" + Integer.parseInt(m.group(2)) + "月" + Integer.parseInt(m.group(3)) + "日";
      }
    }
    return v;
  }
}
