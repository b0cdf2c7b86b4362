package org.docmerge.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.docmerge.diag.SafeText;

/**
 * Output file names derived from data (a unit's name, an input's file name), made into one safe path segment
 * on Linux, Windows and macOS: no separators or {@code ..}, no characters Windows forbids, no reserved device
 * names ({@code CON}, {@code NUL}, {@code aux.docx}), no leading dot or dash, no trailing dot or space, NFC,
 * and at most 255 bytes of UTF-8 including the extension (86 Chinese characters already exceed NAME_MAX).
 * A name that had to be shortened keeps a short hash of the original, so two long names stay distinct.
 * Stateless; thread-safe.
 */
public final class SafeNames {
  /** NAME_MAX of ext4, xfs, btrfs; NTFS allows 255 UTF-16 units, which 255 UTF-8 bytes never exceed. */
  public static final int MAX_BYTES = 255;

  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafeNames() {}

  /**
   * One safe file name: {@code stem} cleaned, plus {@code extension} (e.g. {@code ".docx"}, kept as given).
   * Never empty, never a path.
   */
  public static String segment(String stem, String extension) {
    return segment(stem, extension, MAX_BYTES);
  }

  /**
   * As {@link #segment(String, String)}, within {@code maxBytes} of UTF-8 (a batch keeps room for the hidden
   * temporary name it stages each report under).
   */
  public static String segment(String stem, String extension, int maxBytes) {
    String s = Normalizer.normalize(stem == null ? "" : SafeText.oneLine(stem), Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean bad = !SafeText.xmlAllowed(cp) || cp < 0x20 || cp == 0x7F || "/\\:*?\"<>|".indexOf(cp) >= 0
          || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.LINE_SEPARATOR
          || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR || Character.getType(cp) == Character.SURROGATE;
      if (!bad) { // dropped rather than replaced: 「../../etc/x」 becomes 「etcx」, not 「_.._etc_x」
        b.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp);
      }
    });
    String t = b.toString().replaceAll(" {2,}", " ").strip();
    // Leading dots and dashes: hidden files, "..", options to other tools. Trailing dots and spaces: Windows drops them.
    t = t.replaceAll("^[.\\-\\s]+", "").replaceAll("[.\\s]+$", "");
    if (t.isEmpty()) {
      t = "未命名";
    }
    String base = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
    if (RESERVED.contains(base.toUpperCase(Locale.ROOT).strip())) {
      t = "_" + t;
    }
    String ext = extension == null ? "" : extension;
    if (bytes(t) + bytes(ext) <= maxBytes) {
      return t + ext;
    }
    String tag = "-" + hash(s);
    int budget = maxBytes - bytes(ext) - bytes(tag);
    StringBuilder cut = new StringBuilder();
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      String c = new String(Character.toChars(cp));
      if (bytes(cut.toString()) + bytes(c) > budget) {
        break;
      }
      cut.append(c);
      i += Character.charCount(cp);
    }
    return cut.toString().strip() + tag + ext;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
