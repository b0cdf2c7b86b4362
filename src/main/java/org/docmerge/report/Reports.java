package org.docmerge.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.report.doc.DocReport;
import org.docmerge.report.docx.DocxReport;
import org.docmerge.report.html.HtmlReport;
import org.docmerge.report.html.Mhtml;
import org.docmerge.report.html.PageText;
import org.docmerge.report.pdf.PdfReport;

/**
 * Reads a published report whatever its form, by its content rather than its extension: a zip holding {@code
 * word/document.xml} is a .docx, an OLE2 file with a {@code WordDocument} stream is a Word 97–2003 .doc (WPS's
 * .wps is the same inside), text that looks like markup is a web page (its bytes decoded by {@code
 * html.PageText}), a MIME archive of a page ({@code .mht}/{@code .mhtml}, which many systems publish under a .doc
 * name) is that page, an RTF file is refused with a message, other text is the plain-text form
 * (UTF-8, or GB18030 when it is not UTF-8), a file starting {@code %PDF} is a PDF. Which kind of report it is, is
 * told by {@code extract.ReportFormat}. Stateless.
 *
 * <p>Codes: {@code EXTRACT.UNREADABLE}, {@code EXTRACT.TOO_LARGE}, {@code EXTRACT.NOT_REPORT} (errors: no value;
 * NOT_REPORT also for binary content and for UTF-16 text without a byte-order mark; with one it is read;
 * UNREADABLE also for a web archive with no page in it); {@code EXTRACT.TRUNCATED} (warning: a web page or archive
 * that stops before its end, read up to its last finished row or block); {@code EXTRACT.TABLE_TWICE} (warning: a page
 * holding the same table twice with different numbers; neither is read).
 */
public final class Reports {
  /** What a file's content is. */
  public enum Form { WORKBOOK, DOCX, DOC, HTML, TEXT, PDF, OTHER }

  static final long MAX_BYTES = org.docmerge.zip.Sniff.MAX_INPUT_BYTES;
  static final long MAX_UNZIPPED = 200L << 20;

  private Reports() {}

  /** Sniffs the content: a zip is a workbook or a .docx by its parts; markup is HTML; the rest text. */
  public static Form sniff(byte[] b) {
    return sniff(b, null);
  }

  /**
   * As {@link #sniff(byte[])}; a damaged OLE2 file (truncated, its directory unreadable) is a Word document when
   * it still shows Word's stream name or is named .doc/.wps/.dot, so that it is told unreadable as a report.
   */
  public static Form sniff(byte[] b, String name) {
    if (b.length >= 4 && org.docmerge.zip.Sniff.zip(b)) {
      List<String> names = zipNames(b);
      if (names.contains("word/document.xml")) {
        return Form.DOCX;
      }
      return names.contains("xl/workbook.xml") ? Form.WORKBOOK : Form.OTHER;
    }
    if (b.length >= 8 && org.docmerge.zip.Sniff.ole2(b)) {
      return switch (DocReport.kind(b)) {
        case WORD -> Form.DOC;
        case OTHER_OFFICE -> Form.OTHER; // a PowerPoint, a Works or old WPS file: no report we read
        case DAMAGED -> wordName(name) || contains(b, "WordDocument") ? Form.DOC : Form.WORKBOOK;
        case ENCRYPTED_OOXML -> wordName(name) || name != null && name.toLowerCase(Locale.ROOT).endsWith(".docx")
            ? Form.DOC : Form.WORKBOOK; // a password-protected .docx: said so by the .doc reader
        default -> Form.WORKBOOK; // an .xls, an encrypted .xlsx, or damaged: the workbook reader says which
      };
    }
    if (org.docmerge.zip.Sniff.pdf(b)) {
      return Form.PDF;
    }
    if (Mhtml.is(b)) {
      return Form.HTML; // a single-file web archive (.mht): the page inside it
    }
    String head = decode(b.length > 4096 ? java.util.Arrays.copyOf(b, 4096) : b).toLowerCase(Locale.ROOT);
    if (head.contains("<html") || head.contains("<table") || head.contains("<!doctype") || head.contains("<body")
        || head.contains("<p>") || head.contains("<div")) {
      return Form.HTML;
    }
    return Form.TEXT;
  }

  /** The neutral structure of a published report (not a workbook). */
  public static Result<PublishedReport> read(byte[] b, String name) {
    Location where = Location.file(name);
    if (b.length == 0) {
      return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where, "文件是空的（0 字节）。请重新下载或复制这份报告"));
    }
    if (b.length > MAX_BYTES) {
      return Result.failed(Diagnostic.error("EXTRACT.TOO_LARGE", where,
          "文件有 " + (b.length >> 20) + " MB，远超一份年度报告的大小（上限 " + org.docmerge.zip.Sniff.megabytes(MAX_BYTES)
              + " MB）。请确认选对了文件"));
    }
    Form form = sniff(b, name);
    boolean wps = name != null && name.toLowerCase(Locale.ROOT).endsWith(".wps");
    if (wps && form != Form.DOC && form != Form.DOCX) {
      return Result.failed(Diagnostic.error("EXTRACT.NOT_REPORT", where,
          "这个 .wps 文件不是 Word 格式（是旧版 WPS 或 Microsoft Works 自己的格式），docmerge 无法读取。"
              + "请在 WPS 中打开，「另存为」Word 文档（.docx）后再试"));
    }
    if (form == Form.TEXT && org.docmerge.zip.Sniff.rtf(b)) {
      return Result.failed(Diagnostic.error("EXTRACT.NOT_REPORT", where,
          "这个文件是 RTF 格式（常用 .doc 扩展名发布），docmerge 无法读取。请在 Word 或 WPS 中打开，另存为 .docx 再试"));
    }
    boolean archive = form == Form.HTML && Mhtml.is(b);
    if ((form == Form.TEXT || form == Form.HTML) && !archive && utf16(b) == null && binary(b)) {
      return Result.failed(Diagnostic.error("EXTRACT.NOT_REPORT", where,
          "这个文件不是报告：其中有二进制内容，或是没有字节顺序标记的 UTF-16 等编码的文字。"
              + "文字报告请在记事本中「另存为」UTF-8 编码；其他报告请用 .docx 或网页（.html）"));
    }
    switch (form) {
      case DOCX -> {
        if (unzippedSize(b) > MAX_UNZIPPED) {
          return Result.failed(Diagnostic.error("EXTRACT.TOO_LARGE", where,
              "这个 .docx 解压后超过 200 MB，不像一份年度报告，没有读取。请确认文件来源"));
        }
        try {
          return Result.of(DocxReport.read(b, name, chunk -> {
            Form f = sniff(chunk);
            return f == Form.HTML || f == Form.TEXT && !binary(chunk)
                ? read(chunk, name).value().map(PublishedReport::blocks).orElse(List.of()) : List.of();
          }), List.of());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
          return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where,
              "Word 文档已损坏或格式异常，无法读取。请在 Word 中打开后另存为 .docx 再试"));
        }
      }
      case DOC -> {
        try {
          return Result.of(DocReport.read(b, name), List.of());
        } catch (DocReport.Unreadable e) {
          return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where, e.encrypted()
              ? "这个 Word 文档设置了打开密码，无法读取。请在 Word 或 WPS 中输入密码打开，去掉密码后另存为 .docx 再试"
              : e.oldFormat()
                  ? "这是 Word 6.0/95 或更早格式的文档，docmerge 无法读取。请在 Word 或 WPS 中打开，另存为 .docx 再试"
                  : "Word 文档（.doc）已损坏或格式异常，无法读取。请在 Word 或 WPS 中打开后另存为 .docx 再试"));
        } catch (LinkageError | StackOverflowError e) {
          return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where,
              "Word 文档（.doc）已损坏或格式异常，无法读取。请在 Word 或 WPS 中打开后另存为 .docx 再试"));
        }
      }
      case HTML -> {
        String html;
        java.util.Map<String, String> sheets = java.util.Map.of();
        boolean cut;
        if (archive) {
          java.util.Optional<Mhtml.Page> page = Mhtml.page(b);
          if (page.isEmpty()) {
            return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where,
                "这个单个文件网页（.mht/.mhtml）中找不到网页正文，可能已损坏或不完整。请在浏览器中重新打开原网页，"
                    + "另存为「网页，仅 HTML」（.html），或改用 Word 版、PDF 版再试"));
          }
          html = page.get().html();
          sheets = page.get().sheets();
          cut = page.get().cut() || HtmlReport.cutShort(html);
        } else {
          html = PageText.decode(b);
          cut = HtmlReport.cutShort(html);
        }
        HtmlReport.Read read = HtmlReport.readOnce(
            new Mhtml.Page(cut ? HtmlReport.finishedPart(html) : html, sheets, cut), name);
        List<Diagnostic> said = new java.util.ArrayList<>();
        if (cut) {
          said.add(Diagnostic.warning("EXTRACT.TRUNCATED", where, (archive ? "这个单个文件网页（.mht/.mhtml）" : "这个网页文件")
              + "在中途截断（文件不完整，可能没有下载或保存完），只读了截断之前的部分；没有读到的部分和表格在下面逐条说明。"
              + "请重新保存完整的网页再试"));
        }
        for (String label : read.conflicting()) {
          said.add(Diagnostic.warning("EXTRACT.TABLE_TWICE", where, "网页中同一张表格（「" + label + "」）出现了两次，"
              + "而两次的数字不同：其中一张可能是网页中隐藏的旧版本或打印版。无法判断哪一张是发布的，两张都没有读取，"
              + "其中的数字也没有检查。请在浏览器中打开网页核对，或改用 Word 版、PDF 版再试"));
        }
        return Result.of(read.report(), said);
      }
      case TEXT -> {
        return Result.of(TextReport.read(decode(b), name), List.of());
      }
      case PDF -> {
        PdfReport.Read read;
        try {
          read = PdfReport.read(b, name);
        } catch (PdfReport.Unreadable e) {
          return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where, e.encrypted()
              ? "这个 PDF 设置了密码或禁止复制文字，无法读取。请向发布单位索取 Word 版或网页版"
              : "PDF 文件已损坏或格式异常，无法读取。请重新下载，或改用 Word 版、网页版"));
        }
        if (read.visible() < 20) {
          return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where,
              "这个 PDF 没有文字层（是扫描件或图片；文字识别生成的隐藏文字不作为依据），docmerge 不做文字识别（OCR），无法读出其中的数字。"
                  + "请向发布单位索取 Word 版或网页版，或先用文字识别软件转成文字并核对后再试"));
        }
        if (read.undecodable()) {
          return Result.failed(Diagnostic.error("EXTRACT.UNREADABLE", where,
              "这个 PDF 的文字层无法解码（读不出汉字）：所用字体很可能没有文字编码信息（复制出来是乱码），docmerge 不做文字识别（OCR），无法读出其中的数字。"
                  + "请向发布单位索取 Word 版或网页版，或先用文字识别软件转成文字并核对后再试"));
        }
        if (!read.imagePages().isEmpty()) {
          // Scanned pages among text pages: what they show is not read, and said so (not blamed on the report).
          String pages = read.imagePages().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"));
          return Result.of(read.report(), List.of(Diagnostic.warning("EXTRACT.IMAGE_PAGES", where,
              "这个 PDF 的第 " + pages + " 页是图片（扫描件），页面上的字只在图片里（文字识别生成的隐藏文字不作为依据），"
                  + "docmerge 不做文字识别（OCR），这些页上的内容没有读取，"
                  + "其中的表格和数字没有检查。请向发布单位索取 Word 版或网页版，或先用文字识别软件把这些页转成文字并核对后再试")));
        }
        return Result.of(read.report(), List.of());
      }
      default -> {
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".doc")) {
          return Result.failed(Diagnostic.error("EXTRACT.NOT_REPORT", where,
              "这个 .doc 文件里没有 Word 文档的内容（可能是其他 Office 文件改了扩展名），无法读取。"
                  + "请在 Word 或 WPS 中打开报告，另存为 .docx 再试"));
        }
        return Result.failed(Diagnostic.error("EXTRACT.NOT_REPORT", where,
            "无法识别这个文件：支持 Word（.docx、.doc）、网页（.html/.htm、单个文件网页 .mht/.mhtml）、PDF 和纯文本格式的报告，以及 .xlsx 工作簿"));
      }
    }
  }

  private static boolean wordName(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return n.endsWith(".doc") || n.endsWith(".wps") || n.endsWith(".dot");
  }

  /** Whether the bytes hold {@code s} in UTF-16LE, as an OLE2 directory names its streams. */
  private static boolean contains(byte[] b, String s) {
    byte[] needle = s.getBytes(StandardCharsets.UTF_16LE);
    outer:
    for (int i = 0; i + needle.length <= b.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** UTF-16 by its byte-order mark, or null. */
  private static Charset utf16(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** NUL bytes in the first 64 KB: no text in UTF-8 or GB18030 has them (random bytes, UTF-16 without a mark). */
  private static boolean binary(byte[] b) {
    for (int i = 0; i < Math.min(b.length, 65536); i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  static String decode(byte[] b) {
    Charset wide = utf16(b);
    if (wide != null) {
      return new String(b, 2, b.length - 2, wide);
    }
    int off = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, Charset.forName("GB18030"));
    }
  }

  private static List<String> zipNames(byte[] b) {
    List<String> names = new java.util.ArrayList<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null && names.size() < 2000) {
        names.add(e.getName());
      }
    } catch (IOException | RuntimeException e) {
      // a damaged zip: whatever was listed so far decides
    }
    return names;
  }

  private static long unzippedSize(byte[] b) {
    long total = 0;
    byte[] buf = new byte[65536];
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
      while (z.getNextEntry() != null) {
        int n;
        while ((n = z.read(buf)) > 0) {
          total += n;
          if (total > MAX_UNZIPPED) {
            return total;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return total;
    }
    return total;
  }
}
