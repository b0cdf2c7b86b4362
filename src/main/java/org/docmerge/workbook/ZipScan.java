package org.docmerge.workbook;

import java.util.List;
import org.docmerge.zip.ZipPreScan;

/**
 * The workbook's view of the shared {@link ZipPreScan}: the same checks as for templates, reported with the
 * {@code WB.*} codes and reasons staff read. Stateless; thread-safe.
 */
final class ZipScan {

  /** What the scan found: entries, or a problem code with a Chinese reason. */
  record Outcome(List<ZipPreScan.Entry> entries, String problem, String reason) {
    boolean ok() {
      return problem == null;
    }

    boolean has(String name) {
      return entries.stream().anyMatch(e -> e.name().equals(name));
    }
  }

  private ZipScan() {}

  static Outcome scan(byte[] zip, int maxEntries, long maxUncompressed) {
    ZipPreScan.Limits l = ZipPreScan.Limits.DEFAULT;
    ZipPreScan.Outcome o = ZipPreScan.scan(zip, new ZipPreScan.Limits(maxEntries, maxUncompressed, l.ratioFloor(), l.maxRatio()));
    if (o.ok()) {
      return new Outcome(o.entries(), null, null);
    }
    String e = o.entry();
    return switch (o.problem()) {
      case TRUNCATED -> fail("WB.CORRUPT", "文件不完整（压缩包缺少目录，可能下载或复制时被截断）");
      case CORRUPT -> fail("WB.CORRUPT", e == null ? "压缩包目录已损坏" : "压缩包条目「" + e + "」的位置不正确，文件已损坏");
      case ZIP64 -> fail("WB.SUSPICIOUS_ZIP", "文件使用了 ZIP64 格式，工作簿不应这么大");
      case TOO_MANY_ENTRIES -> fail("WB.SUSPICIOUS_ZIP", "压缩包内有 " + o.detail() + " 个条目，超过上限 " + maxEntries);
      case DUPLICATE_NAME -> fail("WB.SUSPICIOUS_ZIP", "压缩包内有重名条目「" + e + "」，不同软件会读到不同内容");
      case BAD_NAME -> fail("WB.SUSPICIOUS_ZIP", "压缩包条目名「" + e + "」含有“..”、绝对路径或反斜杠，Excel 不会这样保存，文件可能被篡改");
      case UNSUPPORTED_METHOD -> fail("WB.UNSUPPORTED_ZIP",
          "压缩包条目「" + e + "」使用了不支持的压缩方式（" + o.detail() + "），Excel 本身不会这样保存");
      case ENCRYPTED -> fail("WB.UNSUPPORTED_ZIP", "压缩包条目「" + e + "」被单独加密（ZIP 密码），Excel 本身不会这样保存");
      case TOO_LARGE -> fail("WB.SUSPICIOUS_ZIP", "解压后超过 " + (maxUncompressed >> 20) + " MB，可能是“压缩炸弹”");
      case BAD_RATIO -> fail("WB.SUSPICIOUS_ZIP", "压缩包条目「" + e + "」的压缩比异常（超过 " + o.detail() + " 倍），可能是“压缩炸弹”");
    };
  }

  private static Outcome fail(String code, String reason) {
    return new Outcome(List.of(), code, reason);
  }
}
