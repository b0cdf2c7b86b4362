package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.zip.ZipPreScan;

/**
 * Reads a template's zip container by hand before docx4j sees it. docx4j silently takes the last of duplicate
 * entries and throws {@code Error}s on exotic compression methods, so the central directory is checked here and
 * every entry is unpacked with a byte budget (declared sizes are not trusted). The directory checks are the
 * shared {@link ZipPreScan}; the codes are the template's. Stateless; thread-safe.
 */
final class ZipScan {
  static final int MAX_ENTRIES = 1000;
  static final long MAX_TOTAL = 100L * 1024 * 1024;
  /** Below this size no ratio is suspicious: tiny XML parts compress very well. */
  static final long RATIO_FLOOR = 1024 * 1024;
  static final int MAX_RATIO = 100;

  /** The entries of a zip in their stored order, with their unpacked bytes. Immutable. */
  record Contents(List<String> names, Map<String, byte[]> bytes) {
    Contents {
      names = List.copyOf(names);
      bytes = Collections.unmodifiableMap(new LinkedHashMap<>(bytes));
    }
  }

  private ZipScan() {}

  static Result<Contents> scan(byte[] data, String name) {
    Location where = Location.file(name);
    if (data == null || data.length == 0) {
      return fail(TemplateCodes.EMPTY, where, "模板文件是空的（0 字节）。请重新从 Word 保存模板（.docx）。");
    }
    String sniff = sniff(data);
    if (sniff != null) {
      return fail(TemplateCodes.NOT_DOCX, where, "模板不是 .docx 文件（看起来是" + sniff + "）。请在 Word 中另存为「Word 文档（*.docx）」，并去除密码。");
    }
    List<String> central = new ArrayList<>();
    Result<Void> cd = centralDirectory(data, where, central);
    if (cd != null) {
      return Result.failed(cd.diagnostics());
    }
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    long total = 0;
    try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
      ZipEntry e;
      byte[] buf = new byte[8192];
      while ((e = zin.getNextEntry()) != null) {
        if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
          return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包的条目「" + e.getName() + "」使用了不支持的压缩方式。请在 Word 中重新保存。");
        }
        if (bytes.containsKey(e.getName())) {
          return fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板压缩包中有重名条目「" + e.getName() + "」，文件可能被篡改。请在 Word 中重新保存。");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n;
        while ((n = zin.read(buf)) > 0) {
          total += n;
          if (total > MAX_TOTAL) {
            return fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板解压后超过 100 MB，可能是压缩炸弹。请检查模板文件。");
          }
          out.write(buf, 0, n);
        }
        bytes.put(e.getName(), out.toByteArray());
        order.add(e.getName());
      }
    } catch (IOException | RuntimeException ex) {
      return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "无法读取模板压缩包。请在 Word 中重新保存。" + org.docmerge.diag.Technical.of(ex));
    }
    // The local headers (what ZipInputStream reads) and the central directory (what most readers use) must
    // list the same entries, otherwise different programs would see different documents.
    // Compared as sorted lists: the order may legally differ, the set of entries may not.
    List<String> a = new ArrayList<>(order);
    List<String> b = new ArrayList<>(central);
    Collections.sort(a);
    Collections.sort(b);
    if (!a.equals(b)) {
      return fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板压缩包的目录与内容不一致，文件可能被篡改。请在 Word 中重新保存。");
    }
    return Result.of(new Contents(order, bytes), List.of());
  }

  /** A description of what the bytes look like when they are not a zip, else null. */
  static String sniff(byte[] d) {
    if (d.length >= 4 && org.docmerge.zip.Sniff.ole2(d) && (d[2] & 0xff) == 0x11 && (d[3] & 0xff) == 0xE0) {
      return "旧版 Word .doc 文件或加密文件（OLE2）";
    }
    if (org.docmerge.zip.Sniff.zipLocalHeader(d)) {
      return null;
    }
    String head = new String(d, 0, Math.min(d.length, 512), StandardCharsets.ISO_8859_1).strip().toLowerCase();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html")) {
      return "网页（HTML）";
    }
    if (head.startsWith("<?xml") || head.startsWith("<")) {
      return "XML 文件";
    }
    if (head.startsWith("{\\rtf")) {
      return "RTF 文件";
    }
    return "文本或其他格式";
  }

  /** Checks the central directory with the shared pre-scan; fills names; returns a failed result or null when sound. */
  private static Result<Void> centralDirectory(byte[] d, Location where, List<String> names) {
    ZipPreScan.Outcome o = ZipPreScan.scan(d, new ZipPreScan.Limits(MAX_ENTRIES, MAX_TOTAL, RATIO_FLOOR, MAX_RATIO));
    if (o.ok()) {
      o.entries().forEach(e -> names.add(e.name()));
      return null;
    }
    String e = o.entry();
    String resave = "请在 Word 中重新保存。";
    return switch (o.problem()) {
      case TRUNCATED -> fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包不完整（找不到目录，可能下载中断）。请重新获取模板。");
      case CORRUPT -> fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包目录已损坏。" + resave);
      case ZIP64 -> fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板使用了 ZIP64 格式，不受支持。" + resave);
      case ENCRYPTED -> fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包的条目「" + e + "」已加密。请去除密码后重新保存。");
      case UNSUPPORTED_METHOD -> fail(TemplateCodes.UNSUPPORTED_ZIP, where,
          "模板压缩包的条目「" + e + "」使用了不支持的压缩方式（" + o.detail() + "），只支持 Word 使用的标准压缩。" + resave);
      case TOO_MANY_ENTRIES -> fail(TemplateCodes.SUSPICIOUS_ZIP, where,
          "模板压缩包有 " + o.detail() + " 个条目（上限 " + MAX_ENTRIES + "），不像正常的 Word 文档。");
      case DUPLICATE_NAME -> fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板压缩包中有重名条目「" + e + "」，文件可能被篡改。" + resave);
      case BAD_NAME -> fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板压缩包的条目名「" + e + "」含有“..”、绝对路径或反斜杠，文件可能被篡改。" + resave);
      case TOO_LARGE, BAD_RATIO -> fail(TemplateCodes.SUSPICIOUS_ZIP, where,
          "模板解压后过大或压缩比异常（条目「" + e + "」），可能是压缩炸弹。");
    };
  }

  private static <T> Result<T> fail(String code, Location where, String message) {
    return Result.failed(Diagnostic.error(code, where, message));
  }
}
