package org.docmerge.report.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single-file web archive ({@code .mht}/{@code .mhtml}, RFC 2557), as browsers' 「网页，单个文件」 and Word's
 * 「单个文件网页」 save it: a MIME message whose root part is the page. A small, strict reader (RFC 2045/2046):
 * headers (folded lines unfolded), the {@code multipart/related} boundary, the root part (the {@code start}
 * parameter's {@code Content-ID}, else the first {@code text/html} part), its transfer encoding
 * ({@code quoted-printable}, {@code base64}, {@code 7bit}/{@code 8bit}/{@code binary}) and its charset (the
 * part header's, else the page's own {@code <meta>}, by {@link PageText}'s rules). Other parts (images, style
 * sheets) are not needed to read the report. Stateless.
 */
public final class Mhtml {
  private static final Pattern PARAM = Pattern.compile(
      ";\\s*([A-Za-z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

  private Mhtml() {}

  /** Whether the bytes are a MIME archive of a page: {@code MIME-Version} and a multipart/related (or HTML) type. */
  public static boolean is(byte[] b) {
    Optional<Entity> top = entity(b, 0, Math.min(b.length, 65536), 0, false);
    if (top.isEmpty() || !top.get().headers().containsKey("mime-version")) {
      return false;
    }
    String type = top.get().type();
    return type.equals("multipart/related") || type.equals("text/html");
  }

  /**
   * A page out of an archive: its HTML and the style sheets it links, by the address it links them with
   * ({@code Content-Location}, or {@code cid:} and the {@code Content-ID}) — browsers save the page's own
   * {@code <style>}s as such parts too. {@code cut}: the archive ends inside the page's part (a download that
   * stopped): the page is what there is of it.
   */
  public record Page(String html, Map<String, String> sheets, boolean cut) {
    public Page {
      sheets = Map.copyOf(sheets);
    }
  }

  /** The page the archive holds, decoded; empty when it holds none that can be read. */
  public static Optional<Page> page(byte[] b) {
    Optional<Entity> top = entity(b, 0, b.length, 0, true);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    List<Entity> all = new ArrayList<>();
    boolean[] cut = {false};
    return root(top.get(), b, 0, all, cut).map(e -> {
      Map<String, String> sheets = new LinkedHashMap<>();
      for (Entity p : all) {
        if (p.type().equals("text/css")) {
          String css = text(p, b);
          Optional.ofNullable(p.headers().get("content-location")).ifPresent(l -> sheets.putIfAbsent(l.strip(), css));
          Optional.ofNullable(p.headers().get("content-id")).ifPresent(id -> sheets.putIfAbsent("cid:" + bare(id), css));
        }
      }
      return new Page(text(e, b), sheets, cut[0] && e.bodyEnd() == b.length);
    });
  }

  private static String text(Entity e, byte[] b) {
    byte[] body = e.decoded(b);
    return e.param("charset").map(cs -> PageText.decode(body, cs)).orElseGet(() -> PageText.decode(body));
  }

  /** The HTML part of an entity: itself, or the root of its multipart body (nested at most a few deep). */
  private static Optional<Entity> root(Entity e, byte[] b, int depth, List<Entity> all, boolean[] cut) {
    if (e.type().equals("text/html")) {
      return Optional.of(e);
    }
    if (!e.type().startsWith("multipart/") || depth > 4) {
      return Optional.empty();
    }
    Optional<String> boundary = e.param("boundary");
    if (boundary.isEmpty() || boundary.get().isEmpty() || boundary.get().length() > 200) {
      return Optional.empty();
    }
    List<Entity> parts = parts(b, e.bodyStart(), e.bodyEnd(), boundary.get(), depth + 1, cut);
    all.addAll(parts);
    Optional<String> start = e.param("start").map(Mhtml::bare);
    if (start.isPresent()) {
      for (Entity p : parts) {
        if (start.get().equals(Optional.ofNullable(p.headers().get("content-id")).map(Mhtml::bare).orElse(null))) {
          return root(p, b, depth + 1, all, cut);
        }
      }
    }
    for (Entity p : parts) {
      Optional<Entity> html = root(p, b, depth + 1, all, cut);
      if (html.isPresent()) {
        return html;
      }
    }
    return Optional.empty();
  }

  private static String bare(String id) {
    return id.strip().replaceAll("^<|>$", "");
  }

  /** The parts between {@code --boundary} delimiter lines, up to the closing {@code --boundary--}. */
  private static List<Entity> parts(byte[] b, int from, int to, String boundary, int depth, boolean[] cut) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Entity> out = new ArrayList<>();
    int partStart = -1;
    int line = from;
    while (line < to) {
      int eol = line;
      while (eol < to && b[eol] != '\n') {
        eol++;
      }
      int next = Math.min(to, eol + 1);
      if (startsWith(b, line, eol, delimiter)) {
        int end = line;
        if (end > from && b[end - 1] == '\n') {
          end--; // the line break before a delimiter belongs to the delimiter
          if (end > from && b[end - 1] == '\r') {
            end--;
          }
        }
        if (partStart >= 0) {
          entity(b, partStart, Math.max(partStart, end), depth, true).ifPresent(out::add);
        }
        String rest = new String(b, line + delimiter.length, eol - line - delimiter.length, StandardCharsets.ISO_8859_1);
        if (rest.startsWith("--")) {
          return out;
        }
        partStart = next;
      }
      line = next;
    }
    if (partStart >= 0 && partStart < to) {
      cut[0] = true; // no closing delimiter: the archive stops inside its last part, which is kept as far as it goes
      entity(b, partStart, to, depth, true).ifPresent(out::add);
    }
    return out;
  }

  private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) {
        return false;
      }
    }
    for (int i = from + prefix.length; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '-') {
        return false; // a line that only starts like the delimiter
      }
    }
    return true;
  }

  /**
   * An entity's headers (up to the first empty line) and where its body is. With {@code body} false only the
   * headers must be whole (for sniffing a file's start). Empty when there is no header block.
   */
  private static Optional<Entity> entity(byte[] b, int from, int to, int depth, boolean body) {
    Map<String, String> headers = new LinkedHashMap<>();
    int line = from;
    String name = null;
    StringBuilder value = new StringBuilder();
    while (line < to) {
      int eol = line;
      while (eol < to && b[eol] != '\n') {
        eol++;
      }
      String text = new String(b, line, eol - line, StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
      line = Math.min(to, eol + 1);
      if (text.isEmpty()) {
        if (name != null) {
          headers.putIfAbsent(name, value.toString().strip());
        }
        return headers.isEmpty() ? Optional.empty() : Optional.of(new Entity(headers, line, to));
      }
      if ((text.charAt(0) == ' ' || text.charAt(0) == '\t') && name != null) {
        value.append(' ').append(text.strip());
        continue;
      }
      int colon = text.indexOf(':');
      if (colon <= 0 || !text.substring(0, colon).matches("[!-9;-~]+")) {
        return Optional.empty(); // not a header line: not a MIME entity
      }
      if (name != null) {
        headers.putIfAbsent(name, value.toString().strip());
      }
      name = text.substring(0, colon).toLowerCase(Locale.ROOT);
      value.setLength(0);
      value.append(text.substring(colon + 1));
      if (headers.size() > 200) {
        return Optional.empty();
      }
    }
    if (!body && name != null) {
      headers.putIfAbsent(name, value.toString().strip());
      return Optional.of(new Entity(headers, to, to));
    }
    return Optional.empty();
  }

  private record Entity(Map<String, String> headers, int bodyStart, int bodyEnd) {
    String type() {
      String t = headers.getOrDefault("content-type", "text/plain");
      int semi = t.indexOf(';');
      return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    Optional<String> param(String name) {
      Matcher m = PARAM.matcher(headers.getOrDefault("content-type", ""));
      while (m.find()) {
        if (m.group(1).equalsIgnoreCase(name)) {
          return Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
        }
      }
      return Optional.empty();
    }

    byte[] decoded(byte[] b) {
      byte[] raw = java.util.Arrays.copyOfRange(b, bodyStart, bodyEnd);
      String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").strip().toLowerCase(Locale.ROOT);
      return switch (encoding) {
        case "quoted-printable" -> quotedPrintable(raw);
        case "base64" -> base64(raw);
        default -> raw;
      };
    }
  }

  /** RFC 2045 §6.7: {@code =XX} is a byte, {@code =} at a line's end joins it to the next; a stray {@code =} stays. */
  static byte[] quotedPrintable(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    int i = 0;
    while (i < raw.length) {
      byte c = raw[i];
      if (c != '=') {
        out.write(c);
        i++;
        continue;
      }
      int j = i + 1;
      while (j < raw.length && (raw[j] == ' ' || raw[j] == '\t')) {
        j++; // transport may add white space after a soft break's '='
      }
      if (j < raw.length && (raw[j] == '\n' || raw[j] == '\r')) {
        i = raw[j] == '\r' && j + 1 < raw.length && raw[j + 1] == '\n' ? j + 2 : j + 1;
        continue;
      }
      if (j == raw.length) {
        i = j;
        continue;
      }
      if (i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 3;
      } else {
        out.write(c);
        i++;
      }
    }
    return out.toByteArray();
  }

  private static int hex(byte c) {
    return Character.digit((char) (c & 0xFF), 16);
  }

  private static byte[] base64(byte[] raw) {
    StringBuilder sb = new StringBuilder(raw.length);
    for (byte c : raw) {
      if (Character.isLetterOrDigit((char) c) && c > 0 || c == '+' || c == '/' || c == '=') {
        sb.append((char) c);
      }
    }
    String s = sb.toString();
    int pad = s.indexOf('=');
    String data = pad < 0 ? s : s.substring(0, pad);
    data = data.substring(0, data.length() - (data.length() % 4 == 1 ? 1 : 0));
    try {
      return Base64.getDecoder().decode(data + "==".substring(0, (4 - data.length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
