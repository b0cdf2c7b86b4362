package org.docmerge.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The last step of compiling a template: turns one tagged part (its DOM, tags already repaired and bound) into
 * {@link Segment}s. Tag runs, section paragraphs, repeated table rows ({@code {{#list}}…{{/list}}}) and
 * conditional blocks ({@code {{?name}}…{{/name}}}) are rewritten into processing-instruction markers, the part is
 * serialised once, and the XML is split at the markers into literal, inline, block, repeat and condition
 * segments. Markers are processing instructions, which no text can forge because text is escaped; the template's
 * own processing instructions are removed first. Stateless.
 */
final class PartCompiler {
  private static final Pattern TAG = Pattern.compile("\\{\\{(" + TagSyntax.CONTENT + ")\\}\\}");

  private PartCompiler() {}

  /** An open {{#list}} or {{?name}} while a part is compiled. */
  private record Open(char sigil, String name, Element row, Element paragraph, boolean wholeParagraph, Node parent, int id) {}

  /**
   * Rewrites tag runs, block paragraphs, repeated rows and conditions into marker PIs, serialises once, splits
   * at the markers. Problems with the structure of repeats and conditions are added to {@code problems}.
   */
  static List<Segment> compile(Document dom, Set<String> sections, Set<String> lists, List<String> problems,
      TemplateCompiler.Places places) throws Exception {
    // Our markers are processing instructions; a template's own (meaningless to Word) must not pose as one.
    removeProcessingInstructions(dom);
    int next = 0;
    java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
    Map<Element, String> repeatedRows = new HashMap<>();
    Set<String> misplaced = new java.util.HashSet<>();
    for (Element p : Xml.all(dom, "p")) {
      if (p.getParentNode() == null) {
        continue;
      }
      String where = places.of(p);
      String whole = Xml.text(p).strip();
      Element row = ancestor(p, "tr");
      for (Element t : Xml.ownTexts(p)) {
        String v = t.getTextContent();
        Matcher m = TAG.matcher(v);
        if (!m.find()) {
          continue;
        }
        TagSyntax first = TagSyntax.parse(m.group(1));
        if (first.plain() && sections.contains(first.name())) {
          blockPrototype(dom, p, t, next++);
          break;
        }
        boolean alone = whole.equals(m.group(0)) && !m.find();
        m.reset();
        if (alone && first.sigil() == '?') {
          Node parent = p.getParentNode();
          int id = next++;
          parent.insertBefore(dom.createProcessingInstruction("docmerge-cbegin", id + " " + first.name()), p);
          parent.removeChild(p);
          open.push(new Open('?', first.name(), null, null, true, parent, id));
          break;
        }
        if (alone && first.sigil() == '/' && !open.isEmpty() && open.peek().wholeParagraph()) {
          Open o = open.pop();
          if (!o.name().equals(first.name())) {
            problems.add("{{/" + first.name() + "}} 与前面的 {{?" + o.name() + "}} 不配对。位置：" + where);
          } else if (o.parent() != p.getParentNode()) {
            problems.add("{{?" + o.name() + "}} 和 {{/" + o.name() + "}} 必须在同一层（同在正文或同一个单元格中）。位置：" + where);
          }
          Node parent = p.getParentNode();
          parent.insertBefore(dom.createProcessingInstruction("docmerge-cend", o.id() + " " + o.name()), p);
          parent.removeChild(p);
          break;
        }
        while (t.getFirstChild() != null) {
          t.removeChild(t.getFirstChild());
        }
        SplitTagRepair.setText(t, "");
        int last = 0;
        while (m.find()) {
          if (m.start() > last) {
            t.appendChild(dom.createTextNode(v.substring(last, m.start())));
          }
          last = m.end();
          TagSyntax tag = TagSyntax.parse(m.group(1));
          if (tag.sigil() == '#') {
            if (row == null) {
              problems.add("{{#" + tag.name() + "}} 必须放在表格的一行中，这一行会按列表的每一项重复。位置：" + where);
              misplaced.add(tag.name());
              open.push(new Open('#', tag.name(), null, p, false, null, -1));
            } else if (!repeatedRows.containsKey(row)) {
              int id = next++;
              repeatedRows.put(row, tag.name());
              row.getParentNode().insertBefore(dom.createProcessingInstruction("docmerge-rbegin", id + " " + tag.name()), row);
              row.getParentNode().insertBefore(dom.createProcessingInstruction("docmerge-rend", id + " " + tag.name()),
                  row.getNextSibling());
              open.push(new Open('#', tag.name(), row, p, false, null, id));
            } else {
              problems.add("同一行中只能有一个 {{#…}}。位置：" + where);
            }
          } else if (tag.sigil() == '?') {
            int id = next++;
            t.appendChild(dom.createProcessingInstruction("docmerge-cbegin", id + " " + tag.name()));
            open.push(new Open('?', tag.name(), row, p, false, null, id));
          } else if (tag.sigil() == '/') {
            Open o = open.isEmpty() ? null : open.peek();
            if (o == null || !o.name().equals(tag.name())) {
              problems.add("{{/" + tag.name() + "}} 前面没有对应的 {{#" + tag.name() + "}} 或 {{?" + tag.name() + "}}。位置：" + where);
              continue;
            }
            open.pop();
            if (o.sigil() == '#' && o.row() == null) {
              continue; // already reported
            } else if (o.sigil() == '#' && o.row() != row) {
              problems.add("{{#" + o.name() + "}} 和 {{/" + o.name() + "}} 必须在表格的同一行中。位置：" + where);
            } else if (o.sigil() == '?' && o.paragraph() != p) {
              problems.add("{{?" + o.name() + "}} 和 {{/" + o.name() + "}} 要么在同一段中，要么各自单独占一段。位置：" + where);
            } else if (o.sigil() == '?') {
              t.appendChild(dom.createProcessingInstruction("docmerge-cend", o.id() + " " + o.name()));
            }
          } else {
            int dot = tag.name().indexOf('.');
            if (dot > 0 && lists.contains(tag.name().substring(0, dot)) && !misplaced.contains(tag.name().substring(0, dot))
                && !tag.name().substring(0, dot).equals(row == null ? null : repeatedRows.get(row))) {
              problems.add("列表的列 {{" + tag.name() + "}} 只能用在有 {{#" + tag.name().substring(0, dot)
                  + "}} 的表格行中。位置：" + where);
            }
            t.appendChild(dom.createProcessingInstruction("docmerge-slot", (next++) + " " + m.group(1).strip()));
          }
        }
        if (last < v.length()) {
          t.appendChild(dom.createTextNode(v.substring(last)));
        }
      }
    }
    for (Open o : open) {
      problems.add((o.sigil() == '#' ? "{{#" : "{{?") + o.name() + "}} 没有用 {{/" + o.name() + "}} 结束");
    }
    return split(Xml.serialize(dom));
  }

  static List<Segment> flatten(List<Segment> segs) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : segs) {
      out.add(s);
      if (s instanceof Segment.Repeat r) {
        out.addAll(flatten(r.body()));
      } else if (s instanceof Segment.Condition c) {
        out.addAll(flatten(c.body()));
      }
    }
    return out;
  }

  private static Element ancestor(Node n, String localName) {
    for (Node a = n.getParentNode(); a != null; a = a.getParentNode()) {
      if (Xml.isW(a, localName)) {
        return (Element) a;
      }
    }
    return null;
  }

  private static void removeProcessingInstructions(Node n) {
    for (Node c = n.getFirstChild(); c != null; ) {
      Node next = c.getNextSibling();
      if (c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        n.removeChild(c);
      } else {
        removeProcessingInstructions(c);
      }
      c = next;
    }
  }

  /**
   * Replaces block paragraph p by a prototype paragraph (its pPr, one run with the tag run's rPr, a w:t holding
   * the slot marker) between begin/mid/end markers. When p carries a section break (w:sectPr in its pPr), a
   * second prototype with it follows the mid marker: only the last rendered paragraph may end the section.
   */
  private static void blockPrototype(Document dom, Element p, Element tagText, int id) {
    Element pPr = Xml.child(p, "pPr");
    Element rPr = Xml.isW(tagText.getParentNode(), "r") ? Xml.child((Element) tagText.getParentNode(), "rPr") : null;
    Node parent = p.getParentNode();
    String name = tagText.getTextContent().strip().replace("{{", "").replace("}}", "").strip();
    parent.insertBefore(dom.createProcessingInstruction("docmerge-begin", id + " " + name), p);
    parent.insertBefore(prototype(dom, pPr, rPr, id, false), p);
    parent.insertBefore(dom.createProcessingInstruction("docmerge-mid", id + " " + name), p);
    if (pPr != null && Xml.child(pPr, "sectPr") != null) {
      parent.insertBefore(prototype(dom, pPr, rPr, id, true), p);
    }
    parent.insertBefore(dom.createProcessingInstruction("docmerge-end", id + " " + name), p);
    parent.removeChild(p);
  }

  private static Element prototype(Document dom, Element pPr, Element rPr, int id, boolean keepSect) {
    Element np = dom.createElementNS(Xml.W, "w:p");
    if (pPr != null) {
      Element c = (Element) pPr.cloneNode(true);
      Element sect = Xml.child(c, "sectPr");
      if (sect != null && !keepSect) {
        c.removeChild(sect);
      }
      np.appendChild(c);
    }
    Element r = dom.createElementNS(Xml.W, "w:r");
    if (rPr != null) {
      r.appendChild(rPr.cloneNode(true));
    }
    Element t = dom.createElementNS(Xml.W, "w:t");
    SplitTagRepair.setText(t, "");
    t.appendChild(dom.createProcessingInstruction("docmerge-slot", id + " "));
    r.appendChild(t);
    np.appendChild(r);
    return np;
  }

  static final Pattern MARK_FULL =
      Pattern.compile("<\\?docmerge-(begin|mid|end|slot|rbegin|rend|cbegin|cend) (\\d+) ?([^?<>]*)\\?>");

  /** Splits serialised XML at the marker PIs into literal, inline, block, repeat and condition segments. */
  static List<Segment> split(String xml) {
    List<MatchResult> marks = new ArrayList<>();
    Matcher m = MARK_FULL.matcher(xml);
    while (m.find()) {
      marks.add(m.toMatchResult());
    }
    java.util.ArrayDeque<List<Segment>> stack = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<MatchResult> opened = new java.util.ArrayDeque<>();
    List<Segment> out = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < marks.size(); i++) {
      MatchResult k = marks.get(i);
      out.add(new Segment.Literal(xml.substring(pos, k.start())));
      String what = k.group(1);
      if (what.equals("slot")) {
        out.add(new Segment.Inline(k.group(3)));
        pos = k.end();
        continue;
      }
      if (what.equals("rbegin") || what.equals("cbegin")) {
        stack.push(out);
        opened.push(k);
        out = new ArrayList<>();
        pos = k.end();
        continue;
      }
      if (what.equals("rend") || what.equals("cend")) {
        List<Segment> body = List.copyOf(out);
        MatchResult b = opened.pop();
        out = stack.pop();
        out.add(b.group(1).equals("rbegin") ? new Segment.Repeat(b.group(3), body) : new Segment.Condition(b.group(3), body));
        pos = k.end();
        continue;
      }
      // begin, slot, mid, [slot], end: the prototype without and (optionally) with the section break.
      MatchResult mid = marks.get(i + 2);
      boolean sect = marks.get(i + 3).group(1).equals("slot");
      MatchResult end = marks.get(sect ? i + 4 : i + 3);
      String[] plain = halves(xml, k.end(), marks.get(i + 1), mid.start());
      String[] last = sect ? halves(xml, mid.end(), marks.get(i + 3), end.start()) : plain;
      out.add(new Segment.Block(k.group(3), plain[0], plain[1], last[0], last[1]));
      pos = end.end();
      i = sect ? i + 4 : i + 3;
    }
    out.add(new Segment.Literal(xml.substring(pos)));
    return List.copyOf(out);
  }

  private static String[] halves(String xml, int from, MatchResult slot, int to) {
    return new String[] {xml.substring(from, slot.start()), xml.substring(slot.end(), to)};
  }
}
