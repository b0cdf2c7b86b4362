package org.docmerge.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The open fields of a Word document while its text is read in order ({@code w:fldChar} in .docx, marks 0x13/0x14/
 * 0x15 in .doc): a field's code (before its separator) is not visible, its result is — except a table of contents'
 * (「目录」, a {@code TOC} field), which repeats the section headings with page numbers and is navigation, not
 * content. A code never runs past its paragraph and a table of contents past {@value #MAX_TOC_PARAGRAPHS}
 * paragraphs, so that a damaged file (a field never closed) hides no more. One instance per walk; not thread-safe.
 */
public final class Fields {
  static final int MAX_TOC_PARAGRAPHS = 400;

  private static final class Field {
    boolean code = true;
    boolean toc;
    int paragraphs;
    final StringBuilder instruction = new StringBuilder();
  }

  private final Deque<Field> open = new ArrayDeque<>();

  /** A paragraph that reads 「目录」 alone (spaces aside): the heading of a table of contents, not content. */
  public static boolean contentsHeading(String paragraph) {
    return paragraph.replaceAll("[\\s\u3000]", "").equals("目录");
  }

  /** A field begins (its code follows). */
  public void begin() {
    open.push(new Field());
  }

  /** Text of a field code (instruction), for the innermost field. */
  public void code(String text) {
    if (!open.isEmpty() && open.peek().code && open.peek().instruction.length() < 200) {
      open.peek().instruction.append(text);
    }
  }

  /** The innermost field's result follows. */
  public void separate() {
    if (!open.isEmpty()) {
      Field f = open.peek();
      f.code = false;
      f.toc = f.instruction.toString().strip().toUpperCase(Locale.ROOT).startsWith("TOC");
    }
  }

  /** A phonetic guide as Word 97–2003 writes it: an EQ field overstriking (o) the raised guide (s, up) and the base. */
  private static final java.util.regex.Pattern RUBY = java.util.regex.Pattern.compile(
      "\\\\o\\\\a[dlcr]?\\s*\\(\\s*\\\\s\\\\up\\s*-?\\d+\\s*\\(.*?\\),(.*)\\)\\s*$", java.util.regex.Pattern.DOTALL);

  /**
   * The innermost field ends. Returns the text it shows without a result: the base text of a phonetic guide (an
   * {@code EQ} field, shown from its code), else nothing.
   */
  public String end() {
    if (open.isEmpty()) {
      return "";
    }
    Field f = open.pop();
    if (!f.code || hidden()) {
      return "";
    }
    String code = f.instruction.toString().strip();
    if (!code.toUpperCase(Locale.ROOT).startsWith("EQ")) {
      return "";
    }
    java.util.regex.Matcher m = RUBY.matcher(code);
    return m.find() ? m.group(1).strip() : "";
  }

  /** Whether text read now is not visible: a field's code, or a table of contents. */
  public boolean hidden() {
    for (Field f : open) {
      if (f.code || f.toc) {
        return true;
      }
    }
    return false;
  }

  /** A paragraph has ended. */
  public void paragraphEnd() {
    for (Field f : open) {
      f.code = false; // a code left open shows its result from here on
      if (f.toc && ++f.paragraphs > MAX_TOC_PARAGRAPHS) {
        f.toc = false;
      }
    }
  }
}
