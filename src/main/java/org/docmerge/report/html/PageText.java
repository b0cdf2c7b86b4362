package org.docmerge.report.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a web page's bytes to text the way a browser shows it, and never worse: a byte-order mark decides
 * (UTF-8, UTF-16LE/BE); else bytes that are valid UTF-8 are UTF-8 whatever the page declares; else a declared
 * charset that decodes them cleanly (Big5 on a Taiwan or Hong Kong mirror); else GB18030. The GB labels
 * ({@code gb2312}, {@code gbk}, {@code x-gbk}, {@code euc-cn}, {@code chinese}…) all mean GB18030 here, as the
 * WHATWG encoding standard has browsers treat them: Java's own GB2312 decoder would lose every GBK-only character
 * (「喆」「堃」, traditional characters) that pages declared {@code gb2312} hold. A page that declares UTF-8 but is
 * saved in GBK (a common server misconfiguration) is read as GBK. Stateless.
 */
public final class PageText {
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

  private PageText() {}

  public static String decode(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    int off = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    Optional<String> utf8 = strict(b, off, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return utf8.get();
    }
    return decode(b, declared(b).orElse(null));
  }

  /** Bytes in a named charset (from a header or a meta tag; null when none is named), by the rules above. */
  static String decode(byte[] b, String label) {
    Optional<String> utf8 = strict(b, 0, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return utf8.get();
    }
    Charset named = charset(label);
    if (named != null && !named.equals(StandardCharsets.UTF_8)) {
      Optional<String> clean = strict(b, 0, named);
      if (clean.isPresent()) {
        return clean.get();
      }
    }
    return new String(b, GB18030);
  }

  private static final Charset GB18030 = Charset.forName("GB18030");

  /** The charset a label names, GB labels as GB18030; null when unknown, or a single-byte Western charset. */
  static Charset charset(String label) {
    if (label == null) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (l.matches("gb2312|gb_2312(-80)?|gbk|x-gbk|cp936|ms936|windows-936|euc-cn|x-euc-cn|chinese|csgb2312"
        + "|iso-ir-58|csiso58gb231280|gb18030|hz-gb-2312")) {
      return GB18030;
    }
    if (l.matches("utf-?8|unicode-1-1-utf-8")) {
      return StandardCharsets.UTF_8;
    }
    if (l.matches("big5(-hkscs)?|cn-big5|x-x-big5|csbig5")) {
      return Charset.forName(l.contains("hkscs") ? "Big5-HKSCS" : "Big5");
    }
    return null; // a page in Chinese that claims Latin-1 or windows-1252 is GBK mislabelled: let the rule above decide
  }

  /** The charset a {@code <meta>} in the page's head names. */
  static Optional<String> declared(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Strictly decoded, else empty; for UTF-8 a character cut off at the very end (a file that stops mid-character)
   * is dropped rather than the whole page taken for another encoding.
   */
  private static Optional<String> strict(byte[] b, int off, Charset cs) {
    Optional<String> whole = strictly(b, off, b.length, cs);
    if (whole.isPresent() || !cs.equals(StandardCharsets.UTF_8)) {
      return whole;
    }
    for (int end = b.length - 1; end >= Math.max(off, b.length - 3); end--) {
      if ((b[end] & 0xC0) == 0xC0) { // the lead byte of the last, unfinished character
        return strictly(b, off, end, cs);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> strictly(byte[] b, int off, int end, Charset cs) {
    try {
      return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, end - off)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
