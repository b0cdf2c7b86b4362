package org.docmerge.zip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a zip's central directory (and each entry's local header) by hand, before POI or docx4j sees the bytes.
 * What those libraries report through unrelated exceptions, through an {@link Error}, or not at all becomes one
 * {@link Problem}: a truncated file, too many entries, duplicate names (readers disagree which copy wins), a
 * compression method other than stored (0) or deflated (8) — method 20, zstd, makes commons-compress throw
 * {@code NoClassDefFoundError} —, encrypted entries, ZIP64, or declared sizes fit for a zip bomb.
 *
 * <p>Declared sizes can lie: this scan is the first line; the parsers' own inflate limits (POI's {@link
 * org.apache.poi.openxml4j.util.ZipSecureFile}, the template's byte budget) are the second. Each input kind maps
 * a problem to its own code ({@code WB.*}, {@code TEMPLATE.*}). Pure JDK; stateless; thread-safe.
 */
public final class ZipPreScan {

  /**
   * @param maxEntries entries allowed
   * @param maxUncompressed all entries together, uncompressed, as declared
   * @param ratioFloor entries up to this size are never suspicious by ratio (small XML compresses very well)
   * @param maxRatio uncompressed : compressed above this is a zip bomb (100 = POI's 1 % minimum inflate ratio)
   */
  public record Limits(int maxEntries, long maxUncompressed, long ratioFloor, int maxRatio) {
    public static final Limits DEFAULT = new Limits(1000, 100L << 20, 1L << 20, 100);
  }

  /** Why a zip was refused. */
  public enum Problem {
    /** No end-of-central-directory record: a cut download or not a zip. */
    TRUNCATED,
    /** Directory or local headers point to the wrong place. */
    CORRUPT,
    ZIP64,
    TOO_MANY_ENTRIES,
    DUPLICATE_NAME,
    /** An entry name with {@code ..}, a leading {@code /}, a backslash or a NUL: no Office program writes one. */
    BAD_NAME,
    UNSUPPORTED_METHOD,
    ENCRYPTED,
    /** Declared total above {@link Limits#maxUncompressed}. */
    TOO_LARGE,
    /** One entry inflates beyond {@link Limits#maxRatio}. */
    BAD_RATIO
  }

  /** One central-directory entry. */
  public record Entry(String name, int method, long compressedSize, long size) {}

  /**
   * What the scan found.
   *
   * @param entries every entry, in directory order (empty when refused)
   * @param problem null when the zip is acceptable
   * @param entry the entry the problem concerns, or null
   * @param detail a number for the message: the method, the entry count, the limit
   */
  public record Outcome(List<Entry> entries, Problem problem, String entry, long detail) {
    public boolean ok() {
      return problem == null;
    }

    public boolean has(String name) {
      return entries.stream().anyMatch(e -> e.name().equals(name));
    }
  }

  private static final long EOCD = 0x06054b50L;
  private static final long CEN = 0x02014b50L;
  private static final long LOC = 0x04034b50L;

  private ZipPreScan() {}

  public static Outcome scan(byte[] zip, Limits limits) {
    int eocd = -1;
    // The end record sits in the last 22 bytes plus at most a 64 KB comment.
    for (int i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 65535; i--) {
      if (u32(zip, i) == EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return fail(Problem.TRUNCATED, null, 0);
    }
    int count = u16(zip, eocd + 10);
    long cdSize = u32(zip, eocd + 12);
    long cdOffset = u32(zip, eocd + 16);
    if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
      return fail(Problem.ZIP64, null, 0);
    }
    if (count > limits.maxEntries()) {
      return fail(Problem.TOO_MANY_ENTRIES, null, count);
    }
    if (cdOffset + cdSize > eocd) {
      return fail(Problem.CORRUPT, null, 0);
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long total = 0;
    int p = (int) cdOffset;
    for (int n = 0; n < count; n++) {
      if (p + 46 > eocd || u32(zip, p) != CEN) {
        return fail(Problem.CORRUPT, null, 0);
      }
      int flags = u16(zip, p + 8);
      int method = u16(zip, p + 10);
      long csize = u32(zip, p + 20);
      long size = u32(zip, p + 24);
      int nameLen = u16(zip, p + 28);
      int extraLen = u16(zip, p + 30);
      int commentLen = u16(zip, p + 32);
      long local = u32(zip, p + 42);
      if (p + 46 + nameLen > eocd) {
        return fail(Problem.CORRUPT, null, 0);
      }
      String name = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
      if (!names.add(name)) {
        return fail(Problem.DUPLICATE_NAME, name, 0);
      }
      if (badName(name)) {
        return fail(Problem.BAD_NAME, name, 0);
      }
      if ((flags & 1) != 0) {
        return fail(Problem.ENCRYPTED, name, 0);
      }
      if (method != 0 && method != 8) {
        return fail(Problem.UNSUPPORTED_METHOD, name, method);
      }
      // Stream readers (POI, ZipInputStream) use the local headers, not the directory: check them too.
      if (local + 30 > zip.length || u32(zip, (int) local) != LOC) {
        return fail(Problem.CORRUPT, name, 0);
      }
      int localFlags = u16(zip, (int) local + 6);
      int localMethod = u16(zip, (int) local + 8);
      if ((localFlags & 1) != 0) {
        return fail(Problem.ENCRYPTED, name, 0);
      }
      if (localMethod != 0 && localMethod != 8) {
        return fail(Problem.UNSUPPORTED_METHOD, name, localMethod);
      }
      if (size == 0xFFFFFFFFL || csize == 0xFFFFFFFFL) {
        return fail(Problem.ZIP64, name, 0);
      }
      total += size;
      if (total > limits.maxUncompressed()) {
        return fail(Problem.TOO_LARGE, name, limits.maxUncompressed());
      }
      if (size > limits.ratioFloor() && size > csize * limits.maxRatio()) {
        return fail(Problem.BAD_RATIO, name, limits.maxRatio());
      }
      entries.add(new Entry(name, method, csize, size));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new Outcome(List.copyOf(entries), null, null, 0);
  }

  /** Zip-slip shapes. Nothing is ever extracted to disk, but such a name only comes from a forged file. */
  static boolean badName(String name) {
    if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0 || name.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String seg : name.split("/", -1)) {
      if (seg.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static Outcome fail(Problem problem, String entry, long detail) {
    return new Outcome(List.of(), problem, entry, detail);
  }

  private static int u16(byte[] d, int i) {
    if (i < 0 || i + 2 > d.length) {
      return -1;
    }
    return (d[i] & 0xff) | (d[i + 1] & 0xff) << 8;
  }

  private static long u32(byte[] d, int i) {
    if (i < 0 || i + 4 > d.length) {
      return -1;
    }
    return ((long) (d[i] & 0xff)) | (long) (d[i + 1] & 0xff) << 8 | (long) (d[i + 2] & 0xff) << 16
        | (long) (d[i + 3] & 0xff) << 24;
  }
}
