package org.docmerge.workbook;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * The one catch boundary around POI: opens checked bytes as a workbook (an .xlsx through {@link FastXlsx} when it
 * can, else POI's XSSF; an OLE2 container inspected first so that an encrypted .xlsx, an Excel 95 file or a Word
 * .doc gets its own reason), refuses a sheet with too many rows, notes an extension that contradicts the content,
 * and hands the workbook to {@link ContentReader}. Whatever a malformed file makes POI throw ends as a {@code WB.*}
 * diagnostic, never as an exception. Stateless.
 */
final class WorkbookOpener {
  private WorkbookOpener() {}

  /** Parses bytes that passed {@link ContainerCheck} and reads the spec's sheets from them. */
  static Result<ReportData> parse(byte[] bytes, FileMagic magic, String displayName, ReportSpec spec,
      WorkbookReader.Limits limits, boolean fast, Diagnostics d) {
    Location where = Location.file(displayName);
    String ext = extension(displayName);
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
      ReportData data = new ContentReader(wb, displayName, spec, d, limits).run();
      return Result.of(data, d.sorted());
    } catch (NotExcelException e) {
      return fail(d, e.code, where, e.getMessage());
    } catch (EncryptedDocumentException e) {
      return fail(d, "WB.ENCRYPTED", where, "文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存再试。");
    } catch (OldExcelFormatException e) {
      return fail(d, "WB.OLD_EXCEL", where, "这是 Excel 5.0/95 或更早的格式，不支持。" + WorkbookReader.RESAVE);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (strict(e)) {
        return fail(d, "WB.STRICT_OOXML", where, "这是「Strict Open XML 电子表格」格式的工作簿，docmerge 只能读取普通的 .xlsx。"
            + "请在 Excel 中「另存为」，保存类型选「Excel 工作簿（*.xlsx）」（不是「Strict Open XML 电子表格」）再试。" + Technical.of(e));
      }
      return fail(d, "WB.CORRUPT", where, "文件已损坏或格式异常，无法读取。" + WorkbookReader.RESAVE + Technical.of(e));
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

  private static Result<ReportData> fail(Diagnostics d, String code, Location where, String message) {
    d.error(code, where, message);
    return Result.failed(d.sorted());
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
