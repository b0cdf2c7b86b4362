package org.docmerge.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * File names taken from data: one safe path segment on Linux, Windows and macOS (hostile-inputs.md H54–H56).
 * Removes {@code / \ : * ? " < > |} and control characters, leading dots, dashes and spaces, trailing dots and
 * spaces; prefixes Windows reserved device names (CON, NUL, AUX, COM1…); normalises to NFC; and cuts a name
 * longer than {@value #MAX_BYTES} UTF-8 bytes (NAME_MAX is 255 bytes: 86 Chinese characters already exceed it)
 * at a character boundary, adding 8 hex digits of the full name's SHA-256 so that two long names stay apart.
 * Stateless; thread-safe.
 */
public final class OutputNames {
  /** Upper bound of a whole name in UTF-8 bytes, leaving room for the hidden temporary name around it. */
  public static final int MAX_BYTES = 200;

  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private OutputNames() {}

  /** {@code <机关名称><年度>年政府信息公开工作年度报告.docx}, made safe. */
  public static String report(String agency, String year) {
    String y = year == null ? "" : year.strip();
    return safe(agency + (y.isEmpty() ? "" : y + "年") + "政府信息公开工作年度报告", ".docx");
  }

  /** {@code base + extension} as one safe segment; {@code extension} (such as {@code .docx}) is kept. */
  public static String safe(String base, String extension) {
    String original = base == null ? "" : base;
    String n = Normalizer.normalize(original, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints().forEach(cp -> {
      boolean bad = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029
          || cp == 0xFEFF || "/\\:*?\"<>|".indexOf(cp) >= 0
          || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE;
      if (!bad) {
        sb.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp);
      }
    });
    String s = sb.toString().replaceAll(" {2,}", " ");
    s = s.replaceFirst("^[.\\- ]+", "").replaceFirst("[. ]+$", "");
    if (s.isEmpty()) {
      s = "未命名";
    }
    String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
    if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
      s = "_" + s;
    }
    int extBytes = utf8(extension);
    if (utf8(s) + extBytes > MAX_BYTES) {
      String hash = "-" + sha256(original).substring(0, 8);
      s = cut(s, MAX_BYTES - extBytes - hash.length()).replaceFirst("[. ]+$", "") + hash;
    }
    return s + extension;
  }

  /** Names that the same file on Windows or macOS would share: NFC, then case-folded. */
  public static String collisionKey(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code dir/name}, asserting that it stays directly inside {@code dir}. A name from {@link #safe} always does;
   * the check is the last line of defence against a bug there.
   */
  public static Path inside(Path dir, String name) {
    Path base = dir.toAbsolutePath().normalize();
    Path p = base.resolve(name).normalize();
    if (!base.equals(p.getParent()) || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("output name escapes its folder: " + name);
    }
    return p;
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String cut(String s, int maxBytes) {
    StringBuilder sb = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int b = utf8(new String(Character.toChars(cp)));
      if (bytes + b > maxBytes) {
        break;
      }
      sb.appendCodePoint(cp);
      bytes += b;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
