package org.docmerge.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.Labels;
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
    // Second line of defence behind ZipScan: POI checks these while it inflates.
    ZipSecureFile.setMaxEntrySize(100L << 20);
    ZipSecureFile.setMinInflateRatio(0.01);
  }

  /**
   * Whether an .xlsx is first tried through {@link FastXlsx} (on unless {@code -Ddocmerge.fastxlsx=false}); it
   * reproduces the workbook exactly or steps aside for POI's XSSF.
   */
  static final boolean FAST = !"false".equals(System.getProperty("docmerge.fastxlsx"));

  private static final String RESAVE = "请在 Excel 中打开后另存为 .xlsx（Excel 工作簿）再试。";

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
    String ext = extension(displayName);
    FileMagic magic = FileMagic.valueOf(bytes);
    switch (magic) {
      case OOXML -> {
        ZipScan.Outcome zip = ZipScan.scan(bytes, limits.maxZipEntries(), limits.maxUncompressedBytes());
        if (!zip.ok()) {
          String advice = zip.problem().equals("WB.CORRUPT") ? "请重新复制或下载原文件。" : RESAVE;
          return fail(d, zip.problem(), where, "文件无法读取：" + zip.reason() + "。" + advice);
        }
        for (org.docmerge.zip.ZipPreScan.Entry e : zip.entries()) {
          boolean sheetXml = e.name().startsWith("xl/worksheets/") || e.name().equals("xl/sharedStrings.xml");
          if (sheetXml && e.size() > limits.maxSheetXmlBytes()) {
            return fail(d, "WB.SHEET_TOO_LARGE", where, "工作簿中的「" + e.name() + "」解压后有 " + (e.size() >> 20)
                + " MB，远超年度报告所需（上限 " + (limits.maxSheetXmlBytes() >> 20) + " MB）。表格下方可能有大量多余的行或格式："
                + "请删除多余的行和列后另存再试。");
          }
        }
        if (zip.has("xl/workbook.bin")) {
          return fail(d, "WB.XLSB", where, "这是 Excel 二进制工作簿（.xlsb），不支持。" + RESAVE);
        }
        if (!zip.has("xl/workbook.xml")) {
          String what = zip.has("word/document.xml") ? "Word 文档" : zip.has("ppt/presentation.xml") ? "PowerPoint 演示文稿" : "压缩文件";
          return fail(d, "WB.NOT_EXCEL", where, "这不是 Excel 工作簿，而是" + what + "。请选择填好的 .xlsx 工作簿。");
        }
        if (zip.has("xl/vbaProject.bin")) {
          d.info("WB.MACROS", where, "文件含宏；docmerge 只读取单元格内容，不会运行宏。");
        }
      }
      case OLE2 -> {
        // Either an .xls or an encrypted .xlsx (encryption wraps OOXML in OLE2): decided when POI opens it.
      }
      case BIFF2, BIFF3, BIFF4 -> {
        return fail(d, "WB.OLD_EXCEL", where, "这是很旧的 Excel 格式（Excel 4.0 或更早），不支持。" + RESAVE);
      }
      default -> {
        String what = switch (magic) {
          case HTML -> "网页（HTML）文件，常见于网上系统导出的“.xls”";
          case XML -> "XML 文件（可能是“XML 电子表格 2003”）";
          case PDF -> "PDF 文件";
          case RTF, WORD2, MSWRITE -> "Word 文档";
          case UNKNOWN -> "文本或 CSV 文件";
          default -> "图片或其他文件（" + magic + "）";
        };
        return fail(d, "WB.NOT_EXCEL", where, "这不是 Excel 工作簿，而是" + what + "。请在 Excel 中另存为 .xlsx 再试。");
      }
    }

    // The one catch boundary around POI: whatever a malformed file makes it throw (IllegalArgumentException from
    // a truncated .xls, LeftoverDataException, NoClassDefFoundError from a zstd entry, a stack overflow from a
    // deep structure) ends as a diagnostic, never as an exception out of this method.
    try (Workbook wb = open(bytes, magic, fast)) {
      boolean isXls = magic == FileMagic.OLE2;
      if (isXls && ext.equals("xlsx") || !isXls && ext.equals("xls")) {
        d.info("WB.EXTENSION_MISMATCH", where, "文件扩展名是 ." + ext + "，但内容是 " + (isXls ? ".xls" : ".xlsx")
            + " 工作簿；已按内容读取。建议把扩展名改正。");
      }
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        Sheet sh = wb.getSheetAt(i);
        if (sh.getPhysicalNumberOfRows() > limits.maxRows()) {
          return fail(d, "WB.TOO_MANY_ROWS", Location.sheet(displayName, sh.getSheetName()), "工作表「" + sh.getSheetName()
              + "」有 " + sh.getPhysicalNumberOfRows() + " 行（含只有格式的空行），超过上限 " + limits.maxRows()
              + " 行；年度报告只需要几十行。请删除表格下方多余的行后另存再试。");
        }
      }
      ReportData data = new Reading(wb, displayName, spec, d, limits).run();
      return Result.of(data, d.sorted());
    } catch (NotExcelException e) {
      return fail(d, e.code, where, e.getMessage());
    } catch (EncryptedDocumentException e) {
      return fail(d, "WB.ENCRYPTED", where, "文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存再试。");
    } catch (OldExcelFormatException e) {
      return fail(d, "WB.OLD_EXCEL", where, "这是 Excel 5.0/95 或更早的格式，不支持。" + RESAVE);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (strict(e)) {
        return fail(d, "WB.STRICT_OOXML", where, "这是「Strict Open XML 电子表格」格式的工作簿，docmerge 只能读取普通的 .xlsx。"
            + "请在 Excel 中「另存为」，保存类型选「Excel 工作簿（*.xlsx）」（不是「Strict Open XML 电子表格」）再试。" + Technical.of(e));
      }
      return fail(d, "WB.CORRUPT", where, "文件已损坏或格式异常，无法读取。" + RESAVE + Technical.of(e));
    }
  }

  /** POI's refusal of a Strict OOXML workbook (bug 57699), anywhere in the cause chain. */
  private static boolean strict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Strict OOXML")) {
        return true;
      }
    }
    return false;
  }

  /** A container that parsed but holds no workbook POI can read; carries the code and the message. */
  private static final class NotExcelException extends Exception {
    final String code;

    NotExcelException(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  /**
   * Opens the workbook from memory. An OLE2 container is inspected first, so that a Word .doc or an
   * Excel 95 file gets its own reason instead of a parser exception.
   */
  private static Workbook open(byte[] bytes, FileMagic magic, boolean fast) throws Exception {
    if (magic != FileMagic.OLE2) {
      if (fast) {
        Optional<? extends Workbook> quick = FastXlsx.open(bytes);
        if (quick.isPresent()) {
          return quick.get();
        }
      }
      return WorkbookFactory.create(new ByteArrayInputStream(bytes));
    }
    POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
    DirectoryNode root = fs.getRoot();
    if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
      throw new EncryptedDocumentException("encrypted OOXML");
    }
    if (!root.hasEntryCaseInsensitive("Workbook")) {
      fs.close();
      if (root.hasEntryCaseInsensitive("Book")) {
        throw new OldExcelFormatException("BIFF5");
      }
      String what = root.hasEntryCaseInsensitive("WordDocument") ? "Word 文档（.doc）"
          : root.hasEntryCaseInsensitive("PowerPoint Document") ? "PowerPoint 演示文稿（.ppt）" : "其他 Office 文件";
      throw new NotExcelException("WB.NOT_EXCEL", "这不是 Excel 工作簿，而是" + what + "。请选择填好的 .xlsx 工作簿。");
    }
    return WorkbookFactory.create(fs);
  }

  private static Result<ReportData> tooLarge(Location where, long size, Limits limits) {
    return Result.failed(org.docmerge.diag.Diagnostic.error("WB.TOO_LARGE", where,
        "文件有 " + (size >> 20) + " MB，超过上限 " + (limits.maxFileBytes() >> 20)
            + " MB；年度报告工作簿通常不到 1 MB。请确认选对了文件，或删除多余的工作表和图片后再试。"));
  }

  private static Result<ReportData> fail(Diagnostics d, String code, Location where, String message) {
    d.error(code, where, message);
    return Result.failed(d.sorted());
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Label comparison, the same for every reader: see {@link Labels#norm}. */
  static String norm(String s) {
    return Labels.norm(s);
  }

  /** One read of one workbook. Not thread-safe; used by one call only. */
  private static final class Reading {
    private final Workbook wb;
    private final String file;
    private final ReportSpec spec;
    private final Diagnostics d;
    private final FormulaEvaluator ev;
    private final ReportData.Builder out;

    private final Limits limits;
    private final Set<String> reportedCells = new HashSet<>();

    Reading(Workbook wb, String file, ReportSpec spec, Diagnostics d, Limits limits) {
      this.limits = limits;
      this.wb = wb;
      this.file = file;
      this.spec = spec;
      this.d = d;
      this.ev = wb.getCreationHelper().createFormulaEvaluator();
      this.out = new ReportData.Builder(spec.kind(), file);
    }

    ReportData run() {
      List<String> expected = new ArrayList<>();
      expected.add(spec.coverSheet());
      expected.add(spec.proseSheet());
      spec.tables().forEach(t -> expected.add(t.sheet()));
      spec.lists().forEach(l -> expected.add(l.sheet()));
      Sheet cover = sheet(spec.coverSheet(), expected);
      if (cover != null) {
        readCover(new SheetIndex(cover));
      }
      Sheet prose = sheet(spec.proseSheet(), expected);
      if (prose != null) {
        readProse(new SheetIndex(prose));
      }
      for (ReportSpec.Table t : spec.tables()) {
        Sheet s = sheet(t.sheet(), expected);
        if (s != null) {
          readTable(new SheetIndex(s), t);
        }
      }
      for (ReportSpec.ListSheet l : spec.lists()) {
        Sheet s = sheet(l.sheet(), expected);
        if (s != null) {
          readList(new SheetIndex(s), l);
        }
      }
      return out.build();
    }

    // ---- lists ----

    /** A list sheet: column labels in the first row, one item per further row; blank rows are skipped. */
    private void readList(SheetIndex s, ReportSpec.ListSheet l) {
      Map<String, Integer> columnOf = new java.util.LinkedHashMap<>();
      org.apache.poi.ss.usermodel.Row header = s.sheet.getRow(0);
      for (ReportSpec.ListColumn c : l.columns()) {
        int found = -1;
        if (header != null) {
          for (int col = 0; col < Math.max(0, header.getLastCellNum()); col++) {
            if (norm(strip(text(header.getCell(col)))).equals(norm(c.label()))) {
              found = col;
              break;
            }
          }
        }
        if (found < 0) {
          d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
              s.name + " 的第 1 行中找不到列标题「" + c.label() + "」，请不要修改或删除列表的标题行（可以重新运行 docmerge init 对照原样）。");
          return;
        }
        columnOf.put(c.id(), found);
      }
      List<Map<String, CellValue>> rows = new ArrayList<>();
      for (int r = 1; r <= s.sheet.getLastRowNum(); r++) {
        Map<String, CellValue> row = new java.util.LinkedHashMap<>();
        boolean blank = true;
        for (ReportSpec.ListColumn c : l.columns()) {
          CellValue v = value(s, r, columnOf.get(c.id()));
          blank &= v.isBlank();
          row.put(c.id(), v);
        }
        if (!blank) {
          rows.add(row);
        }
      }
      out.list(l.id(), rows);
    }

    // ---- sheets ----

    private Sheet sheet(String name, List<String> expected) {
      List<String> found = new ArrayList<>();
      int match = -1;
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        String n = wb.getSheetName(i);
        found.add(n);
        if (n.trim().equals(name) && match < 0) {
          match = i;
        }
      }
      Location at = Location.sheet(file, name);
      if (match < 0) {
        List<String> near = new ArrayList<>();
        for (String n : found) {
          if (norm(n).equals(norm(name))) {
            near.add(n);
          }
        }
        if (near.isEmpty()) {
          for (String n : found) {
            if (expected.stream().noneMatch(e -> e.equals(n.trim()))) {
              near.add(n);
            }
          }
        }
        StringBuilder msg = new StringBuilder("找不到名为「" + name + "」的工作表。本文件中的工作表有：")
            .append(found.isEmpty() ? "（无）" : "「" + String.join("」「", found) + "」").append("。");
        if (!near.isEmpty()) {
          msg.append("其中「").append(String.join("」或「", near)).append("」可能就是「").append(name)
              .append("」，请把它改名为「").append(name).append("」（注意全角/半角字符和空格）。");
        } else {
          msg.append("请使用 docmerge init 生成的工作簿，不要删除或改名工作表。");
        }
        d.error("WB.SHEET_MISSING", at, msg.toString());
        return null;
      }
      String actual = wb.getSheetName(match);
      if (!actual.equals(name)) {
        d.info("WB.SHEET_NAME_TRIMMED", at, "工作表名「" + actual + "」前后有空格，已按「" + name + "」读取。");
      }
      if (wb.getSheetVisibility(match) != SheetVisibility.VISIBLE) {
        d.warning("WB.SHEET_HIDDEN", at, "工作表「" + name + "」被隐藏了，仍按其内容读取。请确认这是要报告的数据"
            + "（在 Excel 中右键工作表标签 → 取消隐藏）。");
      }
      return wb.getSheetAt(match);
    }

    // ---- cover ----

    private void readCover(SheetIndex s) {
      for (ReportSpec.Field f : spec.fields()) {
        List<SheetIndex.Span> hits = s.find(norm(f.label()), 0, Integer.MAX_VALUE, 0, 0);
        if (hits.isEmpty()) {
          d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
              s.name + " 的 A 列中找不到「" + f.label() + "」，请不要修改或删除这一行的标题。");
          continue;
        }
        int row = hits.get(0).firstRow();
        Location loc = Location.cell(file, s.name, row, 1);
        out.field(f.id(), fieldText(s.cell(row, 1), f), loc);
      }
    }

    private String fieldText(Cell c, ReportSpec.Field f) {
      if (c == null) {
        return "";
      }
      CellType type = c.getCellType() == CellType.FORMULA ? evaluatedType(c) : c.getCellType();
      if (type == CellType.NUMERIC) {
        double v = c.getCellType() == CellType.FORMULA ? ev.evaluate(c).getNumberValue() : c.getNumericCellValue();
        if (!inRange(v)) {
          outOfRange(v, cellLocation(c));
          return "";
        }
        if (DateUtil.isCellDateFormatted(c) || "date".equals(f.type()) && v > 20000 && v < 80000) {
          // A date typed into the cell, or a date serial: the ISO form is unambiguous.
          return DateUtil.getLocalDateTime(v, wb instanceof org.apache.poi.ss.usermodel.Date1904Support ds && ds.isDate1904()).atOffset(ZoneOffset.UTC)
              .format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return plain(BigDecimal.valueOf(v)).toPlainString();
      }
      return strip(text(c));
    }

    private CellType evaluatedType(Cell c) {
      try {
        return ev.evaluate(c).getCellType();
      } catch (RuntimeException e) {
        return CellType.ERROR;
      }
    }

    // ---- prose ----

    private void readProse(SheetIndex s) {
      int partCol = 0;
      int textCol = 1;
      int headerRow = -1;
      List<SheetIndex.Span> part = s.find("部分", 0, 10, 0, Integer.MAX_VALUE);
      List<SheetIndex.Span> content = s.find("内容", 0, 10, 0, Integer.MAX_VALUE);
      if (!part.isEmpty() && !content.isEmpty()) {
        partCol = part.get(0).firstCol();
        textCol = content.get(0).firstCol();
        headerRow = part.get(0).lastRow();
      }
      Map<String, ReportSpec.Section> byLabel = new HashMap<>();
      spec.sections().forEach(sec -> byLabel.put(norm(sec.label()), sec));
      Map<String, List<String>> paras = new HashMap<>();
      Map<String, Location> locs = new HashMap<>();
      Set<String> seen = new HashSet<>();
      ReportSpec.Section current = null;
      for (int r = headerRow + 1; r <= s.sheet.getLastRowNum(); r++) {
        String label = norm(text(s.cell(r, partCol)));
        if (!label.isEmpty()) {
          ReportSpec.Section sec = byLabel.get(label);
          if (sec == null) {
            d.warning("WB.PROSE_UNKNOWN_LABEL", Location.cell(file, s.name, r, partCol),
                "「部分」列中的「" + strip(text(s.cell(r, partCol))) + "」不是报告的任何一部分，本行内容没有读取。"
                    + "续行的「部分」列请留空；如果这是改过的名称，请改回原来的名称。");
            current = null;
            continue;
          }
          if (!seen.add(sec.id())) {
            d.error("WB.LABEL_DUPLICATE", Location.cell(file, s.name, r, partCol),
                "「" + sec.label() + "」出现了两次。一部分有多段时，续行的「部分」列请留空。");
            current = null;
            continue;
          }
          current = sec;
          paras.put(sec.id(), new ArrayList<>());
          locs.put(sec.id(), Location.cell(file, s.name, r, textCol));
        }
        if (current == null) {
          continue;
        }
        for (String p : text(s.cell(r, textCol)).split("\\r\\n|[\\n\\r\\u000B\\u2028\\u2029]")) {
          String t = strip(p);
          if (!t.isEmpty()) {
            paras.get(current.id()).add(t);
          }
        }
      }
      for (ReportSpec.Section sec : spec.sections()) {
        if (!seen.contains(sec.id())) {
          d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
              s.name + " 的「部分」列中找不到「" + sec.label() + "」，请不要修改或删除这一部分的名称。");
        } else {
          out.prose(sec.id(), paras.get(sec.id()), locs.get(sec.id()));
        }
      }
    }

    // ---- tables ----

    private void readTable(SheetIndex s, ReportSpec.Table t) {
      Set<String> reported = new HashSet<>();
      Map<String, int[]> positions = new java.util.LinkedHashMap<>();
      // Caption rows split the sheet into block regions (table 二); a table without captions is one region.
      List<int[]> regions = new ArrayList<>();
      List<ReportSpec.Block> blocks = t.blocks();
      for (ReportSpec.Block b : blocks) {
        if (b.caption() == null) {
          regions.add(new int[] {0, Integer.MAX_VALUE});
          continue;
        }
        List<SheetIndex.Span> hits = s.find(norm(b.caption()), 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
        if (hits.size() != 1) {
          labelProblem(s, hits.isEmpty(), "标题", b.caption(), reported);
          regions.add(null);
          continue;
        }
        regions.add(new int[] {hits.get(0).lastRow() + 1, Integer.MAX_VALUE});
      }
      // A block's region ends where the next block's caption starts.
      for (int i = 0; i < regions.size(); i++) {
        if (regions.get(i) == null) {
          continue;
        }
        for (int j = 0; j < regions.size(); j++) {
          int[] o = regions.get(j);
          if (j != i && o != null && blocks.get(j).caption() != null && o[0] - 1 >= regions.get(i)[0]) {
            regions.get(i)[1] = Math.min(regions.get(i)[1], o[0] - 2);
          }
        }
      }
      for (int i = 0; i < blocks.size(); i++) {
        int[] reg = regions.get(i);
        if (reg == null) {
          continue;
        }
        ReportSpec.Block b = blocks.get(i);
        Map<String, SheetIndex.Span> cols = new HashMap<>();
        int headerBottom = -1;
        for (ReportSpec.Line c : b.columns()) {
          SheetIndex.Span span = path(s, c.label(), reg, true, reported);
          if (span != null) {
            cols.put(c.id(), span);
            headerBottom = Math.max(headerBottom, span.lastRow());
          }
        }
        for (ReportSpec.Line r : b.rows()) {
          int row;
          if (r.label().isEmpty()) {
            // Table 四's single data row has no official label: init marks it 「数量」; without that mark it is
            // the row right below the header.
            if (headerBottom < 0) {
              continue;
            }
            int firstValueCol = cols.values().stream().mapToInt(SheetIndex.Span::firstCol).min().orElse(1);
            List<SheetIndex.Span> marked = s.find(norm(TableLayout.UNLABELLED_ROW), headerBottom + 1, reg[1], 0,
                firstValueCol - 1);
            row = marked.size() == 1 ? marked.get(0).firstRow() : headerBottom + 1;
          } else {
            SheetIndex.Span span = path(s, r.label(), reg, false, reported);
            if (span == null) {
              continue;
            }
            row = span.firstRow();
          }
          for (ReportSpec.Line c : b.columns()) {
            SheetIndex.Span col = cols.get(c.id());
            if (col != null) {
              positions.put(ReportSpec.cellId(t.id(), r.id(), c.id()), new int[] {row, col.firstCol()});
            }
          }
        }
      }
      // A merge over two or more value cells keeps only its top-left value: the others would silently read as
      // that same number (a merge over one value cell, as init lays out some cells of a multi-block table, is fine).
      Map<CellRangeAddress, Integer> perMerge = new HashMap<>();
      for (int[] p : positions.values()) {
        CellRangeAddress m = s.mergeAt(p[0], p[1]);
        if (m != null) {
          perMerge.merge(m, 1, Integer::sum);
        }
      }
      perMerge.forEach((m, n) -> {
        if (n > 1) {
          d.error("WB.MERGED_DATA", Location.cell(file, s.name, m.getFirstRow(), m.getFirstColumn()),
              s.name + " 的 " + m.formatAsString() + " 把 " + n + " 个数据单元格合并成了一个：合并后只有左上角的值存在。"
                  + "请取消合并（开始 → 合并后居中 → 取消单元格合并），每格填一个数字。");
        }
      });
      positions.forEach((id, p) -> out.value(id, value(s, p[0], p[1])));
    }

    /**
     * Finds a label path: the first label anywhere in the region, each next one inside the previous one's span
     * (below it for columns, to its right for rows). Reports a missing or repeated label once.
     */
    private SheetIndex.Span path(SheetIndex s, List<String> path, int[] reg, boolean column, Set<String> reported) {
      SheetIndex.Span cur = null;
      for (int depth = 0; depth < path.size(); depth++) {
        List<SheetIndex.Span> hits;
        if (cur == null) {
          hits = s.find(norm(path.get(0)), reg[0], reg[1], 0, Integer.MAX_VALUE);
        } else if (column) {
          hits = s.find(norm(path.get(depth)), cur.lastRow() + 1, reg[1], cur.firstCol(), cur.lastCol());
        } else {
          hits = s.find(norm(path.get(depth)), cur.firstRow(), cur.lastRow(), cur.lastCol() + 1, Integer.MAX_VALUE);
        }
        if (hits.size() != 1) {
          String shown = String.join("/", path.subList(0, depth + 1));
          labelProblem(s, hits.isEmpty(), column ? "列标题" : "行标题", shown, reported);
          return null;
        }
        cur = hits.get(0);
      }
      return cur;
    }

    private void labelProblem(SheetIndex s, boolean missing, String what, String label, Set<String> reported) {
      if (!reported.add(what + label)) {
        return;
      }
      if (missing) {
        d.error("WB.LABEL_MISSING", Location.sheet(file, s.name),
            s.name + " 中找不到" + what + "「" + label + "」，请不要修改表格中的标题文字（可以重新运行 docmerge init 对照原样）。");
      } else {
        d.error("WB.LABEL_DUPLICATE", Location.sheet(file, s.name),
            s.name + " 中" + what + "「" + label + "」出现了不止一次，无法确定数字该从哪里读取。请删除多余的那一处。");
      }
    }

    // ---- values ----

    /** The value at (row, col): the top-left of a merge counts. */
    private CellValue value(SheetIndex s, int row, int col) {
      CellRangeAddress m = s.mergeAt(row, col);
      if (m != null) {
        row = m.getFirstRow();
        col = m.getFirstColumn();
      }
      Location loc = Location.cell(file, s.name, row, col);
      Cell c = s.cell(row, col);
      if (c == null) {
        return new CellValue(null, "", loc);
      }
      return switch (c.getCellType()) {
        case NUMERIC -> number(c.getNumericCellValue(), loc);
        case STRING -> fromText(text(c), loc);
        case BOOLEAN -> new CellValue(null, c.getBooleanCellValue() ? "TRUE" : "FALSE", loc);
        case FORMULA -> formula(c, loc);
        case ERROR -> formulaError(errorText(c.getErrorCellValue()), loc, c);
        default -> new CellValue(null, "", loc);
      };
    }

    /**
     * Re-evaluates a formula: a file written by openpyxl, WPS or a generator may have no cached result (POI then
     * reports 0.0), and a file saved in manual-calculation mode may have a stale one.
     */
    private CellValue formula(Cell c, Location loc) {
      org.apache.poi.ss.usermodel.CellValue v;
      try {
        v = ev.evaluate(c);
      } catch (RuntimeException e) {
        d.error("WB.FORMULA_ERROR", loc, "公式「=" + c.getCellFormula() + "」无法计算（可能引用了其他文件或使用了不支持的函数）。请改为直接填写数字。"
            + Technical.of(e));
        return new CellValue(null, "#REF!", loc);
      }
      CellValue result = switch (v.getCellType()) {
        case NUMERIC -> number(v.getNumberValue(), loc);
        case STRING -> fromText(checked(v.getStringValue(), loc), loc);
        case BOOLEAN -> new CellValue(null, v.getBooleanValue() ? "TRUE" : "FALSE", loc);
        case ERROR -> formulaError(errorText(v.getErrorValue()), loc, c);
        default -> new CellValue(null, "", loc);
      };
      if (result.number() != null && hasCache(c) && c.getCachedFormulaResultType() == CellType.NUMERIC
          && inRange(c.getNumericCellValue())) {
        BigDecimal cached = plain(BigDecimal.valueOf(c.getNumericCellValue()));
        if (cached.compareTo(result.number()) != 0) {
          d.warning("WB.STALE_FORMULA", loc, "公式结果未更新：文件中保存的结果是 " + cached.toPlainString() + "，重新计算得 "
              + result.number().toPlainString() + "，已按重新计算的结果读取。请在 Excel 中按 F9 重新计算"
              + "（或把“公式 → 计算选项”设为自动）后保存。");
        }
      }
      return result;
    }

    private static boolean hasCache(Cell c) {
      return !(c instanceof XSSFCell x) || x.getCTCell().isSetV();
    }

    /**
     * Excel's text of an error value; POI's own evaluation errors (~CIRCULAR~REF~, ~FUNCTION~NOT~IMPLEMENTED~)
     * are not Excel's and are said in words.
     */
    private static String errorText(byte code) {
      if (code == FormulaError.CIRCULAR_REF.getCode()) {
        return "（循环引用：公式直接或间接引用了它自己）";
      }
      if (code == FormulaError.FUNCTION_NOT_IMPLEMENTED.getCode()) {
        return "（使用了 docmerge 无法计算的函数）";
      }
      try {
        return FormulaError.forInt(code).getString();
      } catch (IllegalArgumentException unknown) {
        return "（未知错误）";
      }
    }

    private CellValue formulaError(String err, Location loc, Cell c) {
      String f = c.getCellType() == CellType.FORMULA ? "公式「=" + c.getCellFormula() + "」" : "单元格";
      d.error("WB.FORMULA_ERROR", loc, f + "的结果是错误值 " + err + "。请改正公式或直接填写数字，错误值不能写入报告。");
      return new CellValue(null, err, loc);
    }

    /**
     * A number typed as text is accepted only when one of a few unambiguous clean-ups makes it parse exactly;
     * each clean-up is noted. Anything else (「/」, 「—」, 「无」, words) stays text for the validator.
     */
    private CellValue fromText(String raw, Location loc) {
      String t = strip(raw);
      if (t.isEmpty()) {
        return new CellValue(null, "", loc);
      }
      Optional<org.docmerge.model.TextNumber.Reading> reading = org.docmerge.model.TextNumber.read(raw);
      if (reading.isEmpty()) {
        return new CellValue(null, t, loc);
      }
      List<String> did = reading.get().cleanups();
      BigDecimal v = reading.get().value();
      if (v.abs().compareTo(MAX_NUMBER) >= 0) {
        d.error("WB.NUMBER_OUT_OF_RANGE", loc, "单元格中的「" + (t.length() > 30 ? t.substring(0, 30) + "…" : t) + "」超出范围（不能达到 10^15）："
            + "报告中的件数和金额不会这么大。如果这是编号，请不要填在数字栏中。");
        return new CellValue(null, t, loc);
      }
      d.info("WB.TEXT_NUMBER", loc, "单元格中的「" + t + "」是文字，已按数字 " + v.toPlainString() + " 读取"
          + (did.isEmpty() ? "" : "（" + String.join("，", did) + "）")
          + "。请改为直接输入数字：Excel 的合计公式不计算文字。");
      return new CellValue(v, t, loc);
    }

    /** A number cell's value; NaN, infinities and numbers beyond 15 digits are refused at their cell. */
    private CellValue number(double v, Location loc) {
      if (!inRange(v)) {
        outOfRange(v, loc);
        return new CellValue(null, Double.toString(v), loc);
      }
      return CellValue.of(plain(BigDecimal.valueOf(v)), loc);
    }

    private static boolean inRange(double v) {
      return Double.isFinite(v) && Math.abs(v) < MAX_NUMBER.doubleValue();
    }

    private void outOfRange(double v, Location loc) {
      if (reportedCells.add("n" + loc)) {
        d.error("WB.NUMBER_OUT_OF_RANGE", loc, "单元格中的数字 " + v + " 超出范围（不能达到 10^15；Excel 只能精确保存 15 位数字）："
            + "报告中的件数和金额不会这么大。如果这是编号，请改为文本格式，且不要填在数字栏中。");
      }
    }

    private Location cellLocation(Cell c) {
      return Location.cell(file, c.getSheet().getSheetName().trim(), c.getRowIndex(), c.getColumnIndex());
    }

    /** Text longer than {@link Limits#maxCellChars()} is refused at its cell (once) and read as empty. */
    private String checked(String text, Location loc) {
      if (text.length() <= limits.maxCellChars()) {
        return text;
      }
      if (reportedCells.add("t" + loc)) {
        d.error("WB.CELL_TOO_LONG", loc, "单元格中有 " + text.length() + " 个字符，超过上限 " + limits.maxCellChars()
            + "（Excel 本身的上限是 32767）。可能误粘贴了整篇文档；请删减后再试。");
      }
      return "";
    }

    /** A cell's text for labels and prose; numbers as shown without trailing zeros. */
    private String text(Cell c) {
      if (c == null) {
        return "";
      }
      CellType type = c.getCellType();
      if (type == CellType.FORMULA) {
        type = c.getCachedFormulaResultType();
      }
      return switch (type) {
        case STRING -> checked(c.getRichStringCellValue().getString(), cellLocation(c));
        case NUMERIC -> inRange(c.getNumericCellValue())
            ? plain(BigDecimal.valueOf(c.getNumericCellValue())).toPlainString() : "";
        case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
        default -> "";
      };
    }
  }

  /** Trims ordinary, full-width and no-break spaces. */
  static String strip(String s) {
    return s == null ? "" : s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
  }

  /** 12.0 → 12, 1.50 → 1.5, -0.0 → 0. */
  static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A sheet's label cells by normalised text, and its merges; built once per sheet. */
  static final class SheetIndex {
    record Span(int firstRow, int lastRow, int firstCol, int lastCol) {}

    final Sheet sheet;
    final String name;
    private final Map<String, List<Span>> labels = new HashMap<>();
    private final Map<Long, CellRangeAddress> mergeTopLeft = new HashMap<>();
    private final List<CellRangeAddress> merges;

    SheetIndex(Sheet sheet) {
      this.sheet = sheet;
      this.name = sheet.getSheetName().trim();
      // Kept as a list: a hostile merge over a million cells must not become a million map entries.
      this.merges = sheet.getMergedRegions();
      for (CellRangeAddress m : merges) {
        mergeTopLeft.put(key(m.getFirstRow(), m.getFirstColumn()), m);
      }
      for (Row row : sheet) {
        for (Cell c : row) {
          CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
          if (type != CellType.STRING) {
            continue;
          }
          String n = norm(c.getRichStringCellValue().getString());
          if (n.isEmpty()) {
            continue;
          }
          CellRangeAddress m = mergeTopLeft.get(key(c.getRowIndex(), c.getColumnIndex()));
          if (m == null && mergeAt(c.getRowIndex(), c.getColumnIndex()) != null) {
            continue; // text hidden under a merge is not what staff see
          }
          Span span = m == null
              ? new Span(c.getRowIndex(), c.getRowIndex(), c.getColumnIndex(), c.getColumnIndex())
              : new Span(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn());
          labels.computeIfAbsent(n, k -> new ArrayList<>()).add(span);
        }
      }
    }

    /** Label cells with this normalised text whose top-left lies in the given rows and columns (inclusive). */
    List<Span> find(String normText, int fromRow, int toRow, int fromCol, int toCol) {
      List<Span> out = new ArrayList<>();
      for (Span s : labels.getOrDefault(normText, List.of())) {
        if (s.firstRow() >= fromRow && s.firstRow() <= toRow && s.firstCol() >= fromCol && s.firstCol() <= toCol) {
          out.add(s);
        }
      }
      out.sort((a, b) -> a.firstRow() != b.firstRow() ? a.firstRow() - b.firstRow() : a.firstCol() - b.firstCol());
      return out;
    }

    CellRangeAddress mergeAt(int row, int col) {
      for (CellRangeAddress m : merges) {
        if (m.isInRange(row, col)) {
          return m;
        }
      }
      return null;
    }

    Cell cell(int row, int col) {
      Row r = sheet.getRow(row);
      return r == null ? null : r.getCell(col);
    }

    private static long key(int r, int c) {
      return ((long) r << 20) | c;
    }
  }
}
