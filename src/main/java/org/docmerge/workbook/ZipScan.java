package org.docmerge.workbook;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a zip's central directory by hand, before POI sees the file, so that what POI would report through
 * unrelated exceptions, or not at all, becomes a clear reason: too many entries, duplicate names (which
 * different readers resolve differently), compression methods other than stored/deflated (method 20, zstd,
 * makes commons-compress throw {@code NoClassDefFoundError}), or a declared uncompressed size fit for a zip
 * bomb. Pure JDK; stateless; thread-safe.
 */
final class ZipScan {

  /** One central-directory entry. */
  record Entry(String name, int method, long compressedSize, long size) {}

  /** What the scan found: entries, or a problem code with a Chinese reason. */
  record Outcome(List<Entry> entries, String problem, String reason) {
    boolean ok() {
      return problem == null;
    }

    boolean has(String name) {
      return entries.stream().anyMatch(e -> e.name().equals(name));
    }
  }

  private static final int EOCD = 0x06054b50;
  private static final int CEN = 0x02014b50;
  private static final int LOC = 0x04034b50;

  private ZipScan() {}

  static Outcome scan(byte[] zip, int maxEntries, long maxUncompressed) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = -1;
    // The end record sits in the last 22 bytes plus at most a 64 KB comment.
    for (int i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 65535; i--) {
      if (b.getInt(i) == EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return fail("WB.CORRUPT", "文件不完整（压缩包缺少目录，可能下载或复制时被截断）");
    }
    int count = Short.toUnsignedInt(b.getShort(eocd + 10));
    long cdSize = Integer.toUnsignedLong(b.getInt(eocd + 12));
    long cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
    if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL) {
      return fail("WB.SUSPICIOUS_ZIP", "文件使用了 ZIP64 格式，工作簿不应这么大");
    }
    if (count > maxEntries) {
      return fail("WB.SUSPICIOUS_ZIP", "压缩包内有 " + count + " 个条目，超过上限 " + maxEntries);
    }
    if (cdOffset + cdSize > eocd) {
      return fail("WB.CORRUPT", "压缩包目录位置不正确，文件已损坏");
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long total = 0;
    int p = (int) cdOffset;
    for (int n = 0; n < count; n++) {
      if (p + 46 > eocd || b.getInt(p) != CEN) {
        return fail("WB.CORRUPT", "压缩包目录已损坏");
      }
      int method = Short.toUnsignedInt(b.getShort(p + 10));
      long csize = Integer.toUnsignedLong(b.getInt(p + 20));
      long size = Integer.toUnsignedLong(b.getInt(p + 24));
      int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
      int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
      int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
      long local = Integer.toUnsignedLong(b.getInt(p + 42));
      if (p + 46 + nameLen > eocd) {
        return fail("WB.CORRUPT", "压缩包目录已损坏");
      }
      String name = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
      if (!names.add(name)) {
        return fail("WB.SUSPICIOUS_ZIP", "压缩包内有重名条目「" + name + "」，不同软件会读到不同内容");
      }
      // POI reads the local headers, not the directory: their method must be checked too.
      int localMethod = method;
      if (local + 30 <= zip.length && b.getInt((int) local) == LOC) {
        localMethod = Short.toUnsignedInt(b.getShort((int) local + 8));
      } else {
        return fail("WB.CORRUPT", "压缩包条目「" + name + "」的位置不正确，文件已损坏");
      }
      for (int m : new int[] {method, localMethod}) {
        if (m != 0 && m != 8) {
          return fail("WB.UNSUPPORTED_ZIP",
              "压缩包条目「" + name + "」使用了不支持的压缩方式（" + m + "），Excel 本身不会这样保存");
        }
      }
      if (size == 0xFFFFFFFFL || csize == 0xFFFFFFFFL) {
        return fail("WB.SUSPICIOUS_ZIP", "压缩包条目「" + name + "」过大");
      }
      total += size;
      if (total > maxUncompressed) {
        return fail("WB.SUSPICIOUS_ZIP", "解压后超过 " + (maxUncompressed >> 20) + " MB，可能是“压缩炸弹”");
      }
      entries.add(new Entry(name, method, csize, size));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new Outcome(List.copyOf(entries), null, null);
  }

  private static Outcome fail(String code, String reason) {
    return new Outcome(List.of(), code, reason);
  }
}
