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
import org.docmerge.zip.ZipProblems;

/**
 * Reads a template's zip container by hand before docx4j sees it. docx4j silently takes the last of duplicate
 * entries and throws {@code Error}s on exotic compression methods, so the central directory is checked here and
 * every entry is unpacked with a byte budget (declared sizes are not trusted). The directory checks are the
 * shared {@link ZipPreScan}, its reasons the shared {@link ZipProblems}; the codes are the template's. Stateless;
 * thread-safe.
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

  /** The template's codes for a zip the pre-scan refuses; the messages are {@link ZipProblems}'. */
  private static final ZipProblems.CodeFamily ZIP_CODES = new ZipProblems.CodeFamily(
      TemplateCodes.UNSUPPORTED_ZIP, TemplateCodes.SUSPICIOUS_ZIP, TemplateCodes.UNSUPPORTED_ZIP, TemplateCodes.UNSUPPORTED_ZIP);

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
    if (org.docmerge.zip.Sniff.html(d)) {
      return "网页（HTML）";
    }
    if (org.docmerge.zip.Sniff.xml(d)) {
      return "XML 文件";
    }
    if (org.docmerge.zip.Sniff.rtf(d)) {
      return "RTF 文件";
    }
    return "文本或其他格式";
  }

  /** Checks the central directory with the shared pre-scan; fills names; returns a failed result or null when sound. */
  private static Result<Void> centralDirectory(byte[] d, Location where, List<String> names) {
    ZipPreScan.Limits limits = new ZipPreScan.Limits(MAX_ENTRIES, MAX_TOTAL, RATIO_FLOOR, MAX_RATIO);
    ZipPreScan.Outcome o = ZipPreScan.scan(d, limits);
    if (o.ok()) {
      o.entries().forEach(e -> names.add(e.name()));
      return null;
    }
    ZipProblems.Refusal r = ZipProblems.refusal(o, limits, ZipProblems.Input.TEMPLATE, ZIP_CODES);
    return fail(r.code(), where, r.message());
  }

  private static <T> Result<T> fail(String code, Location where, String message) {
    return Result.failed(Diagnostic.error(code, where, message));
  }
}
