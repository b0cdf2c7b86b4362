package org.docmerge.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web page saved as one MIME file: Word's 「单个文件网页」 (.mht/.mhtml), which many office systems publish under a
 * .doc name. Gives the page's HTML part decoded (quoted-printable or base64, in its declared character set), for the
 * web-page reader. Pure JDK; stateless.
 */
final class WebArchive {
  private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

  private WebArchive() {}

  /** MIME headers at the start naming a multipart/related (or single text/html) body. */
  static boolean is(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int end = head.indexOf("\n\n") >= 0 ? head.indexOf("\n\n") : head.indexOf("\r\n\r\n");
    String headers = end < 0 ? head : head.substring(0, end);
    return headers.contains("mime-version:")
        && (headers.contains("multipart/related") || headers.contains("content-type: text/html"));
  }

  /** The first text/html part, decoded; empty when there is none. */
  static Optional<String> html(byte[] b) {
    String all = new String(b, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
    String[] top = split(all);
    String headers = top[0];
    String type = header(headers, "content-type");
    if (type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
      return Optional.of(decode(headers, top[1]));
    }
    Matcher m = BOUNDARY.matcher(type);
    if (!m.find()) {
      return Optional.empty();
    }
    String delimiter = "--" + m.group(1).strip();
    int from = all.indexOf(delimiter, top[0].length());
    while (from >= 0) {
      int start = from + delimiter.length();
      if (all.startsWith("--", start)) {
        break; // the closing delimiter
      }
      int next = all.indexOf(delimiter, start);
      String part = all.substring(start, next < 0 ? all.length() : next).replaceFirst("^[ \\t]*\\r?\\n", "");
      String[] hb = split(part);
      if (header(hb[0], "content-type").toLowerCase(Locale.ROOT).startsWith("text/html")) {
        return Optional.of(decode(hb[0], hb[1]));
      }
      from = next;
    }
    return Optional.empty();
  }

  /** Headers (folded lines joined) and body. */
  private static String[] split(String s) {
    Matcher m = Pattern.compile("\\r?\\n\\r?\\n").matcher(s);
    if (!m.find()) {
      return new String[] {s, ""};
    }
    return new String[] {s.substring(0, m.start()).replaceAll("\\r?\\n[ \\t]+", " "), s.substring(m.end())};
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\\r?\\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return "";
  }

  private static String decode(String headers, String body) {
    String cte = header(headers, "content-transfer-encoding").toLowerCase(Locale.ROOT);
    byte[] bytes;
    if (cte.contains("quoted-printable")) {
      bytes = quotedPrintable(body);
    } else if (cte.contains("base64")) {
      try {
        bytes = java.util.Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        bytes = body.getBytes(StandardCharsets.ISO_8859_1);
      }
    } else {
      bytes = body.getBytes(StandardCharsets.ISO_8859_1);
    }
    Matcher m = CHARSET.matcher(header(headers, "content-type"));
    if (m.find()) {
      String name = m.group(1).strip();
      try {
        Charset cs = name.equalsIgnoreCase("gb2312") || name.equalsIgnoreCase("gbk") ? Charset.forName("GB18030")
            : Charset.forName(name);
        return new String(bytes, cs);
      } catch (IllegalArgumentException e) {
        // an unknown character set: told from the bytes below
      }
    }
    return Reports.decode(bytes);
  }

  private static byte[] quotedPrintable(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i += 1; // soft line break
          continue;
        }
        if (i + 2 < s.length() && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
          i += 2;
          continue;
        }
        if (i + 2 < s.length()) {
          int hi = Character.digit(s.charAt(i + 1), 16);
          int lo = Character.digit(s.charAt(i + 2), 16);
          if (hi >= 0 && lo >= 0) {
            out.write(hi * 16 + lo);
            i += 2;
            continue;
          }
        }
      }
      out.write(c & 0xFF);
    }
    return out.toByteArray();
  }
}
