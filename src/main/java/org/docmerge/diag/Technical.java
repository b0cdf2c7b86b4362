package org.docmerge.diag;

import java.util.regex.Pattern;

/**
 * Technical detail (an exception's class and message, in English) kept inside a Chinese message for support
 * staff, between {@code 〔技术信息：} and {@code 〕}. The CLI shows it only with {@code --verbose}; otherwise
 * {@link #hide} removes it, so staff never read {@code POIXMLException} or {@code java.lang.StackOverflowError}.
 * Stateless.
 */
public final class Technical {
  private static final String OPEN = "〔技术信息：";
  private static final Pattern DETAIL = Pattern.compile("〔技术信息：[^〕]*〕");

  private Technical() {}

  /** The detail of e, ready to append to a message. */
  public static String of(Throwable e) {
    String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").strip();
    if (m.length() > 200) {
      m = m.substring(0, 200) + "…";
    }
    String text = e.getClass().getName() + (m.isEmpty() ? "" : ": " + m);
    return OPEN + SafeText.oneLine(text).replace('〕', ']') + "〕";
  }

  /** s without its technical details. */
  public static String hide(String s) {
    return s.indexOf(OPEN) < 0 ? s : DETAIL.matcher(s).replaceAll("");
  }
}
