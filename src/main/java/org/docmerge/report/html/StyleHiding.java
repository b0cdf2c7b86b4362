package org.docmerge.report.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page hides from a reader on a computer's screen, so that {@link HtmlReport} reads what a browser shows:
 * elements hidden by an inline style ({@code display:none}, {@code visibility:hidden}, Word's {@code mso-hide}),
 * the {@code hidden} attribute, and the simple rules of the page's own style sheets (and the style parts of a
 * .mht) whose media hold on a screen. Stateless.
 */
final class StyleHiding {
  private static final Pattern HIDING = Pattern.compile(
      "(?:^|;)\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden|mso-hide\\s*:\\s*(?:all|screen))\\s*(?:!\\s*important\\s*)?(?:;|$)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SHOWING = Pattern.compile(
      "(?:^|;)\\s*(?:display\\s*:\\s*(?!none)[a-z-]+|visibility\\s*:\\s*visible)", Pattern.CASE_INSENSITIVE);

  private StyleHiding() {}

  /** Elements the page itself hides: inline styles, the {@code hidden} attribute, and its own simple CSS rules. */
  static Set<Element> hidden(Document doc, Map<String, String> sheets) {
    Map<Element, Boolean> bySheet = new IdentityHashMap<>();
    Index index = new Index(doc);
    for (Element style : doc.select("style, link[rel~=(?i)stylesheet]")) {
      if (!onScreen(style.attr("media"))) {
        continue;
      }
      String css = style.normalName().equals("style") ? style.data() : sheets.getOrDefault(style.attr("href").strip(), "");
      if (css.length() <= 2_000_000) {
        rules(css.replaceAll("(?s)/\\*.*?\\*/", "").replace("<!--", " ").replace("-->", " "), index, bySheet);
      }
    }
    Set<Element> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    bySheet.forEach((e, hide) -> {
      if (hide) {
        out.add(e);
      }
    });
    for (Element e : doc.getAllElements()) {
      String style = e.attr("style");
      if (HIDING.matcher(style).find()) {
        out.add(e);
      } else if (SHOWING.matcher(style).find()) {
        out.remove(e);
      }
      if (e.hasAttr("hidden")) {
        out.add(e);
      }
    }
    return out;
  }

  /** The rules of a style sheet in source order; {@code @media} blocks only when they are not for print alone. */
  private static void rules(String css, Index doc, Map<Element, Boolean> bySheet) {
    int i = 0;
    int n = css.length();
    while (i < n) {
      int open = css.indexOf('{', i);
      if (open < 0) {
        return;
      }
      String selector = css.substring(i, open).strip();
      int statement = selector.indexOf(';');
      if (selector.startsWith("@") && statement >= 0) {
        i += css.substring(i, open).indexOf(';') + 1; // 「@charset "utf-8";」「@import url(…);」: no block of its own
        continue;
      }
      if (selector.startsWith("@")) {
        int close = matching(css, open);
        String at = selector.toLowerCase(Locale.ROOT);
        if (at.startsWith("@media") && onScreen(at.substring(6))) {
          rules(css.substring(open + 1, Math.max(open + 1, close - 1)), doc, bySheet);
        }
        i = close;
        continue;
      }
      int close = css.indexOf('}', open);
      if (close < 0) {
        return;
      }
      String body = css.substring(open + 1, close);
      Boolean hide = HIDING.matcher(body).find() ? Boolean.TRUE : SHOWING.matcher(body).find() ? Boolean.FALSE : null;
      if (hide != null) {
        for (String one : selector.split(",")) {
          doc.select(one.strip()).forEach(e -> bySheet.put(e, hide));
        }
      }
      i = close + 1;
    }
  }

  /**
   * Whether a media query holds on a computer's screen as a browser shows a saved page (1280 pixels wide; an em
   * 16 pixels): none, {@code all}, {@code screen}, {@code min-width}/{@code max-width} in px or em. Print rules, and
   * queries this does not know, do not: what they hide is read. A comma is 「or」.
   */
  static boolean onScreen(String media) {
    String m = media.strip().toLowerCase(Locale.ROOT);
    if (m.isEmpty()) {
      return true;
    }
    for (String query : m.split(",")) {
      boolean holds = true;
      for (String part : query.strip().split("\\s+and\\s+")) {
        String p = part.strip().replaceFirst("^only\\s+", "");
        Matcher w = WIDTH.matcher(p);
        if (p.equals("all") || p.equals("screen")) {
          continue;
        } else if (w.matches()) {
          double px = Double.parseDouble(w.group(2)) * (w.group(3).equals("em") || w.group(3).equals("rem") ? 16 : 1);
          holds &= w.group(1).equals("min") ? SCREEN_WIDTH >= px : SCREEN_WIDTH <= px;
        } else {
          holds = false;
        }
      }
      if (holds) {
        return true;
      }
    }
    return false;
  }

  private static final double SCREEN_WIDTH = 1280;
  private static final Pattern WIDTH = Pattern.compile(
      "\\(\\s*(min|max)-width\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px|em|rem)\\s*\\)");

  private static int matching(String css, int open) {
    int depth = 0;
    for (int k = open; k < css.length(); k++) {
      if (css.charAt(k) == '{') {
        depth++;
      } else if (css.charAt(k) == '}' && --depth == 0) {
        return k + 1;
      }
    }
    return css.length();
  }

  /**
   * The page's elements by tag, class and id, so that a style sheet of thousands of rules costs a look-up per
   * simple rule ({@code .c}, {@code #i}, {@code p.c}); other selectors go to jsoup's selector engine, at most 200 of
   * them (a page's own few; past that what they hide is read, and a table shown twice is caught afterwards).
   */
  private static final class Index {
    private static final Pattern SIMPLE = Pattern.compile("([a-zA-Z][\\w-]*|\\*)?((?:[.#][\\w-]+)*)");
    private final Document doc;
    private final Map<String, List<Element>> byClass = new java.util.HashMap<>();
    private final Map<String, List<Element>> byId = new java.util.HashMap<>();
    private final Map<String, List<Element>> byTag = new java.util.HashMap<>();
    private int complex;

    Index(Document doc) {
      this.doc = doc;
      for (Element e : doc.getAllElements()) {
        byTag.computeIfAbsent(e.normalName(), k -> new ArrayList<>()).add(e);
        if (!e.id().isEmpty()) {
          byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
        for (String c : e.classNames()) {
          byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
        }
      }
    }

    /** Elements a selector names; none for selectors of states ({@code :hover}), pseudo-elements, or unparsed. */
    List<Element> select(String selector) {
      if (selector.isEmpty() || selector.contains(":") || selector.length() > 200) {
        return List.of();
      }
      Matcher m = SIMPLE.matcher(selector);
      if (m.matches() && !selector.equals("*")) {
        String tag = m.group(1) == null || m.group(1).equals("*") ? null : m.group(1).toLowerCase(Locale.ROOT);
        List<String> classes = new ArrayList<>();
        String id = null;
        for (String part : m.group(2).split("(?=[.#])")) {
          if (part.startsWith(".")) {
            classes.add(part.substring(1));
          } else if (part.startsWith("#")) {
            id = part.substring(1);
          }
        }
        List<Element> from = id != null ? byId.getOrDefault(id, List.of())
            : !classes.isEmpty() ? byClass.getOrDefault(classes.get(0), List.of())
            : tag != null ? byTag.getOrDefault(tag, List.of()) : List.of();
        String wantId = id;
        return from.stream().filter(e -> (tag == null || e.normalName().equals(tag))
            && (wantId == null || e.id().equals(wantId)) && classes.stream().allMatch(e::hasClass)).toList();
      }
      if (++complex > 200) {
        return List.of();
      }
      try {
        return doc.select(selector);
      } catch (RuntimeException e) {
        return List.of(); // a selector jsoup does not parse
      }
    }
  }
}
