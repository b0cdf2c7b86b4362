package org.docmerge.workbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Reads a filled workbook ({@code .xlsx} or {@code .xls}) into {@link ReportData}, for {@code check} and
 * {@code merge}. The file is read once into memory and never opened for writing; the container is sniffed and,
 * for zips, pre-scanned before POI parses it; every parser failure, whatever POI throws, becomes one
 * {@code WB.*} diagnostic. Cells are found by their labels, never by position, so rows and columns staff insert
 * do not shift values. Only stored values count (never what a number format displays), formulas are
 * re-evaluated, and a cell that is not a clean number is kept as text for the validator to report.
 *
 * <p>Diagnostic codes: {@code WB.EMPTY}, {@code WB.TOO_LARGE}, {@code WB.NOT_EXCEL}, {@code WB.OLD_EXCEL},
 * {@code WB.XLSB}, {@code WB.ENCRYPTED}, {@code WB.CORRUPT}, {@code WB.SUSPICIOUS_ZIP}, {@code
 * WB.UNSUPPORTED_ZIP}, {@code WB.SHEET_TOO_LARGE}, {@code WB.TOO_MANY_ROWS}, {@code WB.CHANGED_DURING_READ},
 * {@code WB.STRICT_OOXML} (the
 * file is rejected: no value); {@code WB.EXTENSION_MISMATCH}, {@code WB.MACROS},
 * {@code WB.SHEET_NAME_TRIMMED}, {@code WB.TEXT_NUMBER} (notes); {@code WB.UNREADABLE} (the file could not be
 * read from disk); {@code WB.SHEET_HIDDEN}, {@code
 * WB.STALE_FORMULA}, {@code WB.PROSE_UNKNOWN_LABEL} (warnings); {@code WB.SHEET_MISSING}, {@code
 * WB.LABEL_MISSING}, {@code WB.LABEL_DUPLICATE}, {@code WB.FORMULA_ERROR}, {@code WB.CELL_TOO_LONG}, {@code
 * WB.NUMBER_OUT_OF_RANGE}, {@code WB.MERGED_DATA} (errors; the data read so far is
 * still returned so that all problems show at once).
 *
 * <p>The work is split along its seams: {@link ContainerCheck} (file type and zip pre-scan), {@link
 * WorkbookOpener} (the catch boundary around POI), {@link ContentReader} (finding the spec's sheets), the sheet
 * readers ({@link CoverSheetReader}, {@link ProseSheetReader}, {@link TableSheetReader}, {@link
 * ListSheetReader}) over a {@link SheetIndex} each, and {@link CellReader} (cell values). This class keeps the
 * public entry points, the limits and the reading of the file from disk.
 *
 * <p>Stateless; thread-safe (each call parses its own workbook). POI's {@link ZipSecureFile} limits are global
 * and are set once, when this class loads.
 */
public final class WorkbookReader {

  /**
   * Size limits, applied before parsing where they can be (file, zip, sheet XML) and right after it otherwise
   * (rows, cell text). Configurable per run: {@link #configured()}.
   *
   * @param maxFileBytes the file itself
   * @param maxZipEntries entries in an .xlsx
   * @param maxUncompressedBytes all entries of an .xlsx, uncompressed
   * @param maxSheetXmlBytes one worksheet (or the shared strings) of an .xlsx, uncompressed: POI's in-memory
   *     model needs many times that in heap (a 24 MB file of a million rows exhausts 2 GB), so a sheet far beyond
   *     what a report needs is refused before POI builds it
   * @param maxRows rows holding anything (even only formatting) in one sheet; an .xls has no sheet XML to measure
   * @param maxCellChars characters in one cell: Excel's own limit is 32,767
   */
  public record Limits(long maxFileBytes, int maxZipEntries, long maxUncompressedBytes, long maxSheetXmlBytes,
      int maxRows, int maxCellChars) {
    /**
     * 20 MB file, 1000 zip entries, 100 MB uncompressed, 10 MB per sheet (about 50,000 filled rows), 10,000 rows
     * per sheet, 32,767 characters per cell: a real annual-report workbook is under 100 KB and 200 rows.
     */
    public static final Limits DEFAULT = new Limits(org.docmerge.zip.Sniff.MAX_INPUT_BYTES, 1000, 100L << 20, 10L << 20, 10_000, 32_767);

    /** The size limits with the default row and cell limits. */
    public Limits(long maxFileBytes, int maxZipEntries, long maxUncompressedBytes, long maxSheetXmlBytes) {
      this(maxFileBytes, maxZipEntries, maxUncompressedBytes, maxSheetXmlBytes, DEFAULT.maxRows(), DEFAULT.maxCellChars());
    }

    /**
     * {@link #DEFAULT}, with any of these overridden by a system property ({@code -Ddocmerge.maxFileMb=50}) or
     * an environment variable ({@code DOCMERGE_MAX_FILE_MB=50}); the property wins. A value that is not a
     * positive whole number is ignored. Names: {@code maxFileMb}, {@code maxSheetMb}, {@code maxRows},
     * {@code maxCellChars} (variables {@code DOCMERGE_MAX_FILE_MB}, {@code DOCMERGE_MAX_SHEET_MB}, {@code
     * DOCMERGE_MAX_ROWS}, {@code DOCMERGE_MAX_CELL_CHARS}).
     */
    public static Limits configured() {
      Limits d = DEFAULT;
      return new Limits(
          setting("maxFileMb", "DOCMERGE_MAX_FILE_MB", d.maxFileBytes() >> 20) << 20,
          d.maxZipEntries(), d.maxUncompressedBytes(),
          setting("maxSheetMb", "DOCMERGE_MAX_SHEET_MB", d.maxSheetXmlBytes() >> 20) << 20,
          (int) setting("maxRows", "DOCMERGE_MAX_ROWS", d.maxRows()),
          (int) setting("maxCellChars", "DOCMERGE_MAX_CELL_CHARS", d.maxCellChars()));
    }

    private static long setting(String property, String variable, long fallback) {
      String v = System.getProperty("docmerge." + property);
      if (v == null) {
        v = System.getenv(variable);
      }
      try {
        long n = v == null ? fallback : Long.parseLong(v.strip());
        return n > 0 && n <= Integer.MAX_VALUE ? n : fallback;
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
  }

  /**
   * Numbers at or beyond this size are refused: Excel keeps 15 significant digits, so such a number is not
   * what was typed (an ID typed as a number, {@code 1E+308}) and no count or amount of a report is near it.
   */
  static final BigDecimal MAX_NUMBER = new BigDecimal("1E15");

  static {
    // Second line of defence behind the zip pre-scan (ContainerCheck): POI checks these while it inflates.
    ZipSecureFile.setMaxEntrySize(100L << 20);
    ZipSecureFile.setMinInflateRatio(0.01);
  }

  /**
   * Whether an .xlsx is first tried through {@link FastXlsx} (on unless {@code -Ddocmerge.fastxlsx=false}); it
   * reproduces the workbook exactly or steps aside for POI's XSSF.
   */
  static final boolean FAST = !"false".equals(System.getProperty("docmerge.fastxlsx"));

  /** The advice ending most refusals of a file's format. */
  static final String RESAVE = "请在 Excel 中打开后另存为 .xlsx（Excel 工作簿）再试。";

  private WorkbookReader() {}

  public static Result<ReportData> read(Path file, String displayName, ReportSpec spec) {
    return read(file, displayName, spec, Limits.configured());
  }

  /**
   * Reads the file's bytes once (never opens it for writing) and parses them. Afterwards the file is read again:
   * if it changed meanwhile (staff saving it in Excel), the result is refused ({@code WB.CHANGED_DURING_READ}),
   * since the bytes parsed may be half of an old and half of a new version.
   */
  public static Result<ReportData> read(Path file, String displayName, ReportSpec spec, Limits limits) {
    return read(file, displayName, spec, limits, () -> { });
  }

  /** As above; {@code afterParse} runs between parsing and the second read (tests change the file there). */
  static Result<ReportData> read(Path file, String displayName, ReportSpec spec, Limits limits, Runnable afterParse) {
    Location where = Location.file(displayName);
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        // A FIFO would block open() forever, a folder named x.xlsx cannot be read: refuse without opening.
        return Result.failed(org.docmerge.diag.Diagnostic.error("WB.UNREADABLE", where,
            "不是普通文件（可能是文件夹、管道或失效的快捷方式），已跳过。"));
      }
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        return tooLarge(where, size, limits);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return unreadable(where, e);
    }
    Result<ReportData> parsed = read(bytes, displayName, spec, limits);
    afterParse.run();
    try {
      if (!java.util.Arrays.equals(sha256(bytes), sha256(Files.readAllBytes(file)))) {
        return Result.failed(org.docmerge.diag.Diagnostic.error("WB.CHANGED_DURING_READ", where,
            "读取期间文件被修改了（可能正在 Excel 中保存）。请关闭 Excel 中的这个文件后重新运行。"));
      }
    } catch (IOException e) {
      return unreadable(where, e);
    }
    return parsed;
  }

  private static Result<ReportData> unreadable(Location where, IOException e) {
    return Result.failed(org.docmerge.diag.Diagnostic.error(
        "WB.UNREADABLE", where, "无法读取文件：请确认文件存在且没有被其他程序独占。" + Technical.of(e)));
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Result<ReportData> read(byte[] bytes, String displayName, ReportSpec spec) {
    return read(bytes, displayName, spec, Limits.DEFAULT);
  }

  public static Result<ReportData> read(byte[] bytes, String displayName, ReportSpec spec, Limits limits) {
    return read(bytes, displayName, spec, limits, FAST);
  }

  /** As {@link #read(byte[], String, ReportSpec, Limits)}, choosing whether {@link FastXlsx} is tried (tests). */
  static Result<ReportData> read(byte[] bytes, String displayName, ReportSpec spec, Limits limits, boolean fast) {
    Diagnostics d = new Diagnostics();
    Location where = Location.file(displayName);
    if (bytes.length == 0) {
      return Result.failed(org.docmerge.diag.Diagnostic.error("WB.EMPTY", where, "文件是空的（0 字节）。请重新保存或重新复制这个文件。"));
    }
    if (bytes.length > limits.maxFileBytes()) {
      return tooLarge(where, bytes.length, limits);
    }
    FileMagic magic = FileMagic.valueOf(bytes);
    if (!ContainerCheck.passes(bytes, magic, limits, where, d)) {
      return Result.failed(d.sorted());
    }
    return WorkbookOpener.parse(bytes, magic, displayName, spec, limits, fast, d);
  }

  private static Result<ReportData> tooLarge(Location where, long size, Limits limits) {
    return Result.failed(org.docmerge.diag.Diagnostic.error("WB.TOO_LARGE", where,
        "文件有 " + (size >> 20) + " MB，超过上限 " + (limits.maxFileBytes() >> 20)
            + " MB；年度报告工作簿通常不到 1 MB。请确认选对了文件，或删除多余的工作表和图片后再试。"));
  }
}
