package org.docmerge.template;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds the {@code {{tags}}} of one paragraph and repairs those Word split over several runs. Word breaks a run
 * wherever formatting, spell-check or revision marks change, so {@code {{t3.new.natural}}} can arrive as
 * {@code {{} + {@code t3.new.} + {@code natural}}} in three {@code w:r}, even with the braces split. The repair
 * moves the whole tag text, in its canonical form {@code {{name}}} (whitespace inside the braces trimmed), into
 * the first {@code w:t} that holds part of it, so the value inherits that run's {@code w:rPr}; it removes the
 * tag's text from the other runs and drops runs left with no content. Text around the tag stays where it was.
 * Stateless; thread-safe (each call works on the caller's DOM only).
 */
public final class SplitTagRepair {

  /** A tag found in a paragraph, after repair: its trimmed name. */
  public record Found(String name) {}

  /** What one paragraph holds: its tags in order, and syntax problems as Chinese sentences. */
  public record Outcome(List<Found> tags, List<String> syntaxErrors) {
    public Outcome {
      tags = List.copyOf(tags);
      syntaxErrors = List.copyOf(syntaxErrors);
    }
  }

  private SplitTagRepair() {}

  /** Finds and repairs the tags of paragraph p in place (p is a {@code w:p} DOM element). */
  public static Outcome repair(Element p) {
    List<Element> texts = Xml.ownTexts(p);
    StringBuilder all = new StringBuilder();
    int[] start = new int[texts.size() + 1];
    for (int i = 0; i < texts.size(); i++) {
      start[i] = all.length();
      all.append(texts.get(i).getTextContent());
    }
    start[texts.size()] = all.length();
    String s = all.toString();

    List<int[]> spans = new ArrayList<>();
    List<Found> tags = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("{{", i);
      int close = s.indexOf("}}", i);
      if (open < 0 && close < 0) {
        break;
      }
      if (open < 0 || (close >= 0 && close < open)) {
        errors.add("「" + excerpt(s, close) + "」中的 }} 没有对应的 {{");
        i = close + 2;
        continue;
      }
      int end = s.indexOf("}}", open + 2);
      int nextOpen = s.indexOf("{{", open + 2);
      if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
        errors.add("「" + excerpt(s, open) + "」中的 {{ 没有用 }} 结束");
        i = open + 2;
        continue;
      }
      String name = s.substring(open + 2, end).strip();
      if (!name.matches(TagSyntax.CONTENT)) {
        errors.add("标签 {{" + name + "}} 的名称无效：只能用英文字母、数字、点和下划线（可加 # / ? 前缀和 |格式）");
      } else {
        tags.add(new Found(name));
        spans.add(new int[] {open, end + 2});
      }
      i = end + 2;
    }

    // Edit from the last tag back, so offsets of earlier tags stay valid: an edit only rewrites text at or
    // after its own start, and keeps the prefix of its first piece.
    List<Element> touched = new ArrayList<>();
    for (int k = spans.size() - 1; k >= 0; k--) {
      int from = spans.get(k)[0];
      int to = spans.get(k)[1];
      String canonical = "{{" + tags.get(k).name() + "}}";
      int first = piece(start, from);
      int last = piece(start, to - 1);
      if (first == last) {
        Element t = texts.get(first);
        String v = t.getTextContent();
        int a = from - start[first];
        int b = to - start[first];
        String nv = v.substring(0, a) + canonical + v.substring(b);
        if (!nv.equals(v)) {
          setText(t, nv);
        }
        continue;
      }
      Element ft = texts.get(first);
      String fv = ft.getTextContent();
      setText(ft, fv.substring(0, from - start[first]) + canonical);
      for (int m = first + 1; m < last; m++) {
        setText(texts.get(m), "");
        touched.add(texts.get(m));
      }
      Element lt = texts.get(last);
      String lv = lt.getTextContent();
      setText(lt, lv.substring(to - start[last]));
      touched.add(lt);
      // Text after the tag in its last piece stays in that piece; the tag itself is now whole in the first.
    }
    for (Element t : touched) {
      if (t.getTextContent().isEmpty() && t.getParentNode() != null) {
        Node run = t.getParentNode();
        run.removeChild(t);
        if (Xml.isW(run, "r") && onlyProperties((Element) run) && run.getParentNode() != null) {
          run.getParentNode().removeChild(run);
        }
      }
    }
    return new Outcome(tags, errors);
  }

  /** The index of the text piece holding character offset pos. */
  private static int piece(int[] start, int pos) {
    int k = 0;
    while (k + 1 < start.length - 1 && start[k + 1] <= pos) {
      k++;
    }
    return k;
  }

  private static boolean onlyProperties(Element run) {
    for (Node c = run.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element && !Xml.isW(c, "rPr")) {
        return false;
      }
    }
    return true;
  }

  /** Sets a w:t's text and keeps its spaces: the tag or the text around it may start or end with a space. */
  static void setText(Element t, String v) {
    t.setTextContent(v);
    t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
  }

  private static String excerpt(String s, int at) {
    int a = Math.max(0, at - 10);
    int b = Math.min(s.length(), at + 12);
    return s.substring(a, b);
  }
}
