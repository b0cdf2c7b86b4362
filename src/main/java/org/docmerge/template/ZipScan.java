package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;

/**
 * Reads a template's zip container by hand before docx4j sees it. docx4j silently takes the last of duplicate
 * entries and throws {@code Error}s on exotic compression methods, so the central directory is checked here and
 * every entry is unpacked with a byte budget (declared sizes are not trusted). Stateless; thread-safe.
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
      return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "无法读取模板压缩包（" + ex.getMessage() + "）。请在 Word 中重新保存。");
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
    if (d.length >= 4 && (d[0] & 0xff) == 0xD0 && (d[1] & 0xff) == 0xCF && (d[2] & 0xff) == 0x11 && (d[3] & 0xff) == 0xE0) {
      return "旧版 Word .doc 文件或加密文件（OLE2）";
    }
    if (d.length >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4) {
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

  /** Checks the central directory; fills names; returns a failed result or null when sound. */
  private static Result<Void> centralDirectory(byte[] d, Location where, List<String> names) {
    int eocd = -1;
    for (int i = d.length - 22; i >= Math.max(0, d.length - 22 - 65535); i--) {
      if (u32(d, i) == 0x06054b50L) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包不完整（找不到目录，可能下载中断）。请重新获取模板。");
    }
    int count = u16(d, eocd + 10);
    long offset = u32(d, eocd + 16);
    if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
      return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板使用了 ZIP64 格式，不受支持。请在 Word 中重新保存。");
    }
    if (count > MAX_ENTRIES) {
      return fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板压缩包有 " + count + " 个条目（上限 " + MAX_ENTRIES + "），不像正常的 Word 文档。");
    }
    Set<String> seen = new HashSet<>();
    long declared = 0;
    int p = (int) offset;
    for (int k = 0; k < count; k++) {
      if (p < 0 || p + 46 > d.length || u32(d, p) != 0x02014b50L) {
        return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包目录已损坏。请在 Word 中重新保存。");
      }
      int flags = u16(d, p + 8);
      int method = u16(d, p + 10);
      long csize = u32(d, p + 20);
      long usize = u32(d, p + 24);
      int nlen = u16(d, p + 28);
      int xlen = u16(d, p + 30);
      int clen = u16(d, p + 32);
      if (p + 46 + nlen > d.length) {
        return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包目录已损坏。请在 Word 中重新保存。");
      }
      String entry = new String(d, p + 46, nlen, StandardCharsets.UTF_8);
      if ((flags & 1) != 0) {
        return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板压缩包的条目「" + entry + "」已加密。请去除密码后重新保存。");
      }
      if (method != 0 && method != 8) {
        return fail(TemplateCodes.UNSUPPORTED_ZIP, where,
            "模板压缩包的条目「" + entry + "」使用了不支持的压缩方式（" + method + "），只支持 Word 使用的标准压缩。请在 Word 中重新保存。");
      }
      if (csize == 0xFFFFFFFFL || usize == 0xFFFFFFFFL) {
        return fail(TemplateCodes.UNSUPPORTED_ZIP, where, "模板使用了 ZIP64 格式，不受支持。请在 Word 中重新保存。");
      }
      if (!seen.add(entry)) {
        return fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板压缩包中有重名条目「" + entry + "」，文件可能被篡改。请在 Word 中重新保存。");
      }
      declared += usize;
      if (declared > MAX_TOTAL || (usize > RATIO_FLOOR && usize > csize * MAX_RATIO)) {
        return fail(TemplateCodes.SUSPICIOUS_ZIP, where, "模板解压后过大或压缩比异常（条目「" + entry + "」），可能是压缩炸弹。");
      }
      // The local header must use the same method: ZipInputStream reads that one.
      int local = (int) u32(d, p + 42);
      if (local >= 0 && local + 30 <= d.length && u32(d, local) == 0x04034b50L) {
        int lm = u16(d, local + 8);
        if (lm != 0 && lm != 8) {
          return fail(TemplateCodes.UNSUPPORTED_ZIP, where,
              "模板压缩包的条目「" + entry + "」使用了不支持的压缩方式（" + lm + "），只支持 Word 使用的标准压缩。请在 Word 中重新保存。");
        }
      }
      names.add(entry);
      p += 46 + nlen + xlen + clen;
    }
    return null;
  }

  private static int u16(byte[] d, int i) {
    return (d[i] & 0xff) | (d[i + 1] & 0xff) << 8;
  }

  private static long u32(byte[] d, int i) {
    if (i < 0 || i + 4 > d.length) {
      return -1;
    }
    return ((long) (d[i] & 0xff)) | (long) (d[i + 1] & 0xff) << 8 | (long) (d[i + 2] & 0xff) << 16 | (long) (d[i + 3] & 0xff) << 24;
  }

  private static <T> Result<T> fail(String code, Location where, String message) {
    return Result.failed(Diagnostic.error(code, where, message));
  }
}
