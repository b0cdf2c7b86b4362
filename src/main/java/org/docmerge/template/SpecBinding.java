package org.docmerge.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.spec.ReportSpec;
import org.w3c.dom.Element;

/**
 * Binds a template's tags to the report kind's spec. Knows every name a tag may use (cover fields, prose
 * sections, table cells, list columns, computed values, and lists for {@code {{#list}}}), checks each tag found
 * (unknown names get the nearest known name as a suggestion, a bad number or date format is named, a section tag
 * must stand alone in its paragraph) and records how it is used; afterwards reports what the spec has and the
 * template never uses (a missing table cell once per table). Problems go to the caller's {@link Diagnostics}
 * with {@code TEMPLATE.*} codes. One instance per compile; not thread-safe.
 */
final class SpecBinding {
  private final ReportSpec spec;
  private final String name;
  private final Set<String> sections = new LinkedHashSet<>();
  private final Set<String> known = new LinkedHashSet<>();
  private final Set<String> lists = new LinkedHashSet<>();
  private final Set<String> valueNames;
  private final List<TagUse> uses = new ArrayList<>();

  SpecBinding(ReportSpec spec, String name) {
    this.spec = spec;
    this.name = name;
    Set<String> fields = new LinkedHashSet<>();
    spec.fields().forEach(f -> fields.add(f.id()));
    spec.sections().forEach(s -> sections.add(s.id()));
    Set<String> cells = new LinkedHashSet<>(spec.cells().keySet());
    known.addAll(fields);
    known.addAll(sections);
    known.addAll(cells);
    Set<String> listColumns = new LinkedHashSet<>();
    for (ReportSpec.ListSheet l : spec.lists()) {
      lists.add(l.id());
      l.columns().forEach(c -> listColumns.add(l.id() + "." + c.id()));
    }
    Set<String> computed = new LinkedHashSet<>();
    spec.computed().forEach(c -> computed.add(c.id()));
    valueNames = new LinkedHashSet<>(known);
    valueNames.addAll(listColumns);
    valueNames.addAll(computed);
  }

  /** The prose sections' ids: their tags stand for whole paragraphs. */
  Set<String> sections() {
    return sections;
  }

  /** The list sheets' ids: the names {@code {{#list}}} may repeat. */
  Set<String> lists() {
    return lists;
  }

  /** The tags bound so far, in the order they were found. */
  List<TagUse> uses() {
    return uses;
  }

  /** Each section's text for when staff leave it empty, by section id. */
  Map<String, String> emptyTexts() {
    Map<String, String> empties = new HashMap<>();
    spec.sections().forEach(s -> {
      if (s.empty() != null) {
        empties.put(s.id(), s.empty());
      }
    });
    return empties;
  }

  /**
   * Checks one tag {@code {{f}}} found in paragraph {@code p} at {@code where}: a closing tag is left to the
   * compiler (which pairs it), anything else is bound to the spec or reported.
   */
  void bind(String found, Element p, String where, Diagnostics d) {
    TagSyntax syntax = TagSyntax.parse(found);
    String tag = "{{" + found + "}}";
    if (syntax.sigil() == '/') {
      return; // pairing is checked when the part is compiled
    }
    if (syntax.sigil() == '#') {
      if (!lists.contains(syntax.name())) {
        d.error(TemplateCodes.UNKNOWN_TAG, Location.detail(name, where), "模板中的 " + tag + " 要重复的列表「"
            + syntax.name() + "」在规格中不存在" + (lists.isEmpty() ? "（规格中没有列表）" : "，可用的列表：" + String.join("、", lists))
            + "。位置：" + where);
        return;
      }
      uses.add(new TagUse(syntax.name(), TagUse.Kind.REPEAT, where));
      return;
    }
    if (syntax.sigil() == '?') {
      if (!valueNames.contains(syntax.name()) && !lists.contains(syntax.name())) {
        String guess = closest(syntax.name(), valueNames);
        d.error(TemplateCodes.UNKNOWN_TAG, Location.detail(name, where), "模板中的条件 " + tag + " 引用的值不存在"
            + (guess == null ? "" : "，是否想写 {{?" + guess + "}}？") + "位置：" + where);
        return;
      }
      uses.add(new TagUse(syntax.name(), TagUse.Kind.CONDITION, where));
      return;
    }
    if (!valueNames.contains(syntax.name())) {
      String guess = closest(syntax.name(), valueNames);
      d.error(TemplateCodes.UNKNOWN_TAG, Location.detail(name, where),
          "模板中的标签 " + tag + " 不存在" + (guess == null ? "" : "，是否想写 {{" + guess + "}}？") + "位置：" + where);
      return;
    }
    String badFormat = TagSyntax.formatProblem(syntax.format());
    if (badFormat != null) {
      d.error(TemplateCodes.SYNTAX, Location.detail(name, where), "模板标签 " + tag + " 的" + badFormat + "。位置：" + where);
      return;
    }
    boolean block = sections.contains(syntax.name());
    if (block && (syntax.format() != null || !Xml.text(p).strip().equals(tag))) {
      d.error(TemplateCodes.BLOCK_NOT_ALONE, Location.detail(name, where),
          "段落标签 " + tag + " 会被替换为若干整段文字，必须单独占一段，不能与其他文字同段。位置：" + where + "。请把其他文字移到另一段。");
      return;
    }
    uses.add(new TagUse(syntax.name(), block ? TagUse.Kind.BLOCK : TagUse.Kind.INLINE, where));
  }

  /** What the spec has and no tag used: a section is a warning, a field a note, missing table cells one warning per table. */
  void reportUnused(Diagnostics d) {
    Location file = Location.file(name);
    Set<String> used = new HashSet<>();
    uses.forEach(u -> used.add(u.name()));
    Map<String, List<String>> missingCells = new java.util.LinkedHashMap<>();
    for (String n : known) {
      if (used.contains(n)) {
        continue;
      }
      String what = "规格中的 " + n + "（" + label(spec, n) + "）在模板中没有对应的标签 {{" + n + "}}";
      if (spec.cells().containsKey(n)) {
        missingCells.computeIfAbsent(spec.cells().get(n).table().sheet(), k -> new ArrayList<>()).add(n);
      } else if (sections.contains(n)) {
        d.warning(TemplateCodes.UNUSED, file, what + "，这一部分的文字不会出现在报告中。");
      } else {
        d.info(TemplateCodes.UNUSED, file, what + "，它的值不会出现在报告中。");
      }
    }
    // One line per table: a template without table 三 would otherwise print 175 lines. A warning here; the
    // facade refuses such a template for an official report (see Docmerge), a partial test template is fine.
    missingCells.forEach((table, names) -> d.warning(TemplateCodes.MISSING_CELL, file, table + " 有 " + names.size()
        + " 个数字在模板中没有标签，如 {{" + names.get(0) + "}}" + (names.size() > 1 ? "、{{" + names.get(1) + "}}" : "")
        + "。官方表格的每一个数字都必须出现在报告中，请在表格相应的单元格中加上这些标签（用 inspect 核对）。"));
  }

  private static String label(ReportSpec spec, String id) {
    var f = spec.field(id);
    if (f.isPresent()) {
      return f.get().label();
    }
    var s = spec.section(id);
    if (s.isPresent()) {
      return s.get().label();
    }
    ReportSpec.CellSpec c = spec.cells().get(id);
    if (c == null) {
      return id;
    }
    String row = c.row().path();
    return c.table().sheet() + " " + (row.isEmpty() ? "" : row + " / ") + c.column().path();
  }

  /** The known name nearest to a misspelt one, or null when nothing is close. */
  static String closest(String name, Set<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int dist = levenshtein(name.toLowerCase(), k.toLowerCase());
      if (dist < bestD) {
        bestD = dist;
        best = k;
      }
    }
    return bestD <= Math.max(2, name.length() / 3) ? best : null;
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
