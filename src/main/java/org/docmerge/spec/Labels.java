package org.docmerge.spec;

import java.text.Normalizer;

/**
 * How a label typed in a workbook or printed in a published report is compared with the spec's official label:
 * NFKC (full-width and half-width forms alike), then every kind of white space and line break removed, so
 * 「商业\n企业」 and 「商业企业」 match. Every reader uses this one rule. Stateless; thread-safe.
 */
public final class Labels {
  private Labels() {}

  /** The comparison form of a label. */
  public static String norm(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != 0x0B && cp != 0xFEFF)
        .forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
