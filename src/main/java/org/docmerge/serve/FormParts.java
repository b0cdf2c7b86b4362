package org.docmerge.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces of reading a browser's request that the page's API and the collection share: the query string parsed by
 * hand (getParameterMap() would also parse a multipart body, outside the upload limits), the client's file name made
 * a label, Jetty's refusal of an over-large part recognised, and an over-large body drained. Stateless; thread-safe.
 */
public final class FormParts {
  private FormParts() {}

  /**
   * Adds the query string's parameters to {@code fields} (the first of a repeated name wins), each value clipped to
   * {@code maxChars}.
   *
   * @throws IllegalArgumentException for a malformed percent escape
   */
  public static void query(HttpServletRequest req, Map<String, String> fields, int maxChars) {
    String query = req.getQueryString() == null ? "" : req.getQueryString();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            clip(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8), maxChars));
      }
    }
  }

  /** {@code s}, at most {@code maxChars} long. */
  public static String clip(String s, int maxChars) {
    return s.length() > maxChars ? s.substring(0, maxChars) : s;
  }

  /**
   * The client's file name as a label for messages: its last segment only (a browser on Windows may send
   * {@code C:\fakepath\年报.xlsx}), without control characters, at most 100 characters. Never opened as a path.
   */
  public static String label(String submitted) {
    String s = submitted == null ? "" : submitted;
    s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder();
    s.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7F && !Character.isISOControl(cp))
        .limit(100).forEach(b::appendCodePoint);
    String out = b.toString().strip();
    return out.isEmpty() || out.equals(".") || out.equals("..") ? "上传的文件" : out;
  }

  /** Whether a multipart failure is Jetty refusing a part or a request above the limits. */
  public static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("exceed") || m.contains("too large") || m.contains("413")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads and discards what the client is still sending (up to 256 MB), so that it gets the 413 and its message
   * instead of a connection closed under its upload; past that the connection is simply closed.
   */
  public static void drain(HttpServletRequest req) {
    byte[] buf = new byte[1 << 16];
    long left = 256L << 20;
    try (InputStream in = req.getInputStream()) {
      for (int r; left > 0 && (r = in.read(buf)) != -1; ) {
        left -= r;
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away or the stream was taken: nothing more to read
    }
  }
}
