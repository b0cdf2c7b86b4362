package org.docmerge.diag;

/**
 * The one cleaning of text taken from data (a cell, a file name, a published report) before it reaches a
 * document part, a document property, a file name or the terminal. XML 1.0 forbids C0 control characters other
 * than tab, line feed and carriage return, unpaired surrogates and U+FFFE/U+FFFF: one of them in any part makes
 * Word, LibreOffice and python-docx refuse the whole .docx. Word's Shift+Enter (U+000B, {@code _x000B_} in a
 * workbook) and a form feed mean a line break and become {@code \n}; the rest is dropped. Stateless.
 */
public final class SafeText {
  private SafeText() {}

  /** Whether code point cp may appear in an XML 1.0 document. */
  public static boolean xmlAllowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
        || cp >= 0x10000 && cp <= 0x10FFFF;
  }

  /**
   * s with every character XML 1.0 forbids removed (lone surrogates included) and U+000B / U+000C turned into
   * {@code \n}; tabs and line breaks are kept. Returns s itself when there is nothing to clean.
   */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!xmlAllowed(cp)) { // a lone surrogate is its own code point here, and not allowed
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0xB || cp == 0xC) {
        b.append('\n');
      } else if (xmlAllowed(cp)) {
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }

  /**
   * One line for a property, a file name or a location: {@link #clean}ed, every run of line breaks, tabs and
   * other line or paragraph separators becomes one space, stripped.
   */
  public static String oneLine(String s) {
    if (s == null) {
      return null;
    }
    return clean(s).replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
  }
}
