package org.docmerge.workbook;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.zip.ZipPreScan;
import org.docmerge.zip.ZipProblems;

/**
 * The container check a workbook passes before POI parses it: the sniffed file type ({@link FileMagic}) decides
 * whether this can be an Excel workbook at all (a web page saved as “.xls”, a PDF, a Word file, an Excel 4.0 file
 * are refused with what they are), and a zip is pre-scanned ({@link ZipPreScan}, reasons from {@link ZipProblems}) for damage,
 * zip bombs, oversized sheets, an .xlsb or another Office document, and macros (noted, never run). Stateless.
 */
final class ContainerCheck {
  /** The workbook's codes for a refused zip; the messages are {@link ZipProblems}'. */
  private static final ZipProblems.CodeFamily ZIP_CODES =
      new ZipProblems.CodeFamily("WB.CORRUPT", "WB.SUSPICIOUS_ZIP", "WB.UNSUPPORTED_ZIP", "WB.SUSPICIOUS_ZIP");

  private ContainerCheck() {}

  /** Whether POI may parse these bytes; if not, the reason is reported in {@code d}. */
  static boolean passes(byte[] bytes, FileMagic magic, WorkbookReader.Limits limits, Location where, Diagnostics d) {
    switch (magic) {
      case OOXML -> {
        ZipPreScan.Limits l = ZipPreScan.Limits.DEFAULT;
        ZipPreScan.Limits scanLimits =
            new ZipPreScan.Limits(limits.maxZipEntries(), limits.maxUncompressedBytes(), l.ratioFloor(), l.maxRatio());
        ZipPreScan.Outcome zip = ZipPreScan.scan(bytes, scanLimits);
        if (!zip.ok()) {
          ZipProblems.Refusal r = ZipProblems.refusal(zip, scanLimits, ZipProblems.Input.WORKBOOK, ZIP_CODES);
          return refuse(d, r.code(), where, r.message());
        }
        for (ZipPreScan.Entry e : zip.entries()) {
          boolean sheetXml = e.name().startsWith("xl/worksheets/") || e.name().equals("xl/sharedStrings.xml");
          if (sheetXml && e.size() > limits.maxSheetXmlBytes()) {
            return refuse(d, "WB.SHEET_TOO_LARGE", where, "工作簿中的「" + e.name() + "」解压后有 " + (e.size() >> 20)
                + " MB，远超年度报告所需（上限 " + (limits.maxSheetXmlBytes() >> 20) + " MB）。表格下方可能有大量多余的行或格式："
                + "请删除多余的行和列后另存再试。");
          }
        }
        if (zip.has("xl/workbook.bin")) {
          return refuse(d, "WB.XLSB", where, "这是 Excel 二进制工作簿（.xlsb），不支持。" + WorkbookReader.RESAVE);
        }
        if (!zip.has("xl/workbook.xml")) {
          String what = zip.has("word/document.xml") ? "Word 文档" : zip.has("ppt/presentation.xml") ? "PowerPoint 演示文稿" : "压缩文件";
          return refuse(d, "WB.NOT_EXCEL", where, "这不是 Excel 工作簿，而是" + what + "。请选择填好的 .xlsx 工作簿。");
        }
        if (zip.has("xl/vbaProject.bin")) {
          d.info("WB.MACROS", where, "文件含宏；docmerge 只读取单元格内容，不会运行宏。");
        }
      }
      case OLE2 -> {
        // Either an .xls or an encrypted .xlsx (encryption wraps OOXML in OLE2): decided when POI opens it.
      }
      case BIFF2, BIFF3, BIFF4 -> {
        return refuse(d, "WB.OLD_EXCEL", where, "这是很旧的 Excel 格式（Excel 4.0 或更早），不支持。" + WorkbookReader.RESAVE);
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
        return refuse(d, "WB.NOT_EXCEL", where, "这不是 Excel 工作簿，而是" + what + "。请在 Excel 中另存为 .xlsx 再试。");
      }
    }
    return true;
  }

  private static boolean refuse(Diagnostics d, String code, Location where, String message) {
    d.error(code, where, message);
    return false;
  }
}
