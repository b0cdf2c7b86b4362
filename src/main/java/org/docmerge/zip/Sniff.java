package org.docmerge.zip;

/**
 * The one place that tells a file's container from its first bytes, and the one size cap on an input file. Every
 * reader (workbook, template, published report) and the facade ask here, so that a file is never taken for one
 * thing by one command and for another by the next. Stateless.
 */
public final class Sniff {
  private Sniff() {}

  /**
   * The largest input file read (workbook, published report, member list): an annual report is well under 1 MB;
   * 20 MB leaves room for embedded images and refuses what cannot be one. The workbook reader's limit can be raised
   * by configuration ({@code DOCMERGE_MAX_FILE_MB}).
   */
  public static final long MAX_INPUT_BYTES = 20L << 20;

  /** The size in whole MB, as messages say it. */
  public static long megabytes(long bytes) {
    return bytes >> 20;
  }

  /** A zip container (.xlsx, .docx): 「PK」. */
  public static boolean zip(byte[] b) {
    return b.length >= 2 && b[0] == 'P' && b[1] == 'K';
  }

  /** A zip that starts with a local file header (「PK\3\4」), as every real .docx and .xlsx does. */
  public static boolean zipLocalHeader(byte[] b) {
    return zip(b) && b.length >= 4 && b[2] == 3 && b[3] == 4;
  }

  /** An OLE2 compound file: an old .xls or .doc, or an encrypted .xlsx/.docx. */
  public static boolean ole2(byte[] b) {
    return b.length >= 2 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF;
  }

  /** 「%PDF-」 within the first 1024 bytes, where PDF readers look for it (some servers prepend a few bytes). */
  public static boolean pdf(byte[] b) {
    for (int i = 0; i + 4 < Math.min(b.length, 1024); i++) {
      if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
        return true;
      }
    }
    return false;
  }

  /** A web page: 「<html」 or 「<!doctype html」 near the start (many systems export HTML as “.xls” or “.doc”). */
  public static boolean html(byte[] b) {
    String head = head(b);
    return head.startsWith("<!doctype html") || head.contains("<html");
  }

  /** Markup that is not a web page (XML, “XML 电子表格 2003”, a Word 2003 XML document): starts with 「<」. */
  public static boolean xml(byte[] b) {
    return !html(b) && head(b).startsWith("<");
  }

  /** A rich-text file: 「{\rtf」. */
  public static boolean rtf(byte[] b) {
    return head(b).startsWith("{\\rtf");
  }

  /** The first 512 bytes as Latin-1, trimmed, in lower case: enough to tell markup from text. */
  private static String head(byte[] b) {
    return new String(b, 0, Math.min(b.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1).strip()
        .toLowerCase(java.util.Locale.ROOT);
  }
}
