package org.docmerge.workbook;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;

/**
 * Reads an explicit member list for {@code aggregate --members}: the first column of the first sheet, one
 * member per row, each a workbook's file name or a unit's 机关名称. Blank cells and a header such as 「文件」
 * 「成员单位」 「机关名称」 are skipped. The file is read into memory and never opened for writing. Stateless;
 * thread-safe.
 */
public final class MemberListReader {
  private static final Set<String> HEADERS = Set.of("文件", "文件名", "成员单位", "机关名称", "单位", "单位名称", "成员");

  private MemberListReader() {}

  public static Result<List<String>> read(Path file) {
    Location where = Location.file(file.toString());
    try {
      if (Files.size(file) > WorkbookReader.Limits.DEFAULT.maxFileBytes()) {
        return Result.failed(Diagnostic.error("MEMBERS.UNREADABLE", where, "成员名单文件太大，请确认选对了文件。"));
      }
      return read(Files.readAllBytes(file), file.toString());
    } catch (Exception | LinkageError | StackOverflowError e) {
      return Result.failed(Diagnostic.error("MEMBERS.UNREADABLE", where,
          "无法读取成员名单（" + e.getClass().getSimpleName() + "）。成员名单应是 .xlsx 工作簿，第一个工作表的第一列每行写一个成员的文件名或机关名称。"));
    }
  }

  /** As {@link #read(Path)} for a list in memory (an upload); {@code name} is only a label. */
  public static Result<List<String>> read(byte[] bytes, String name) {
    Location where = Location.file(name);
    try {
      if (bytes.length > WorkbookReader.Limits.DEFAULT.maxFileBytes()) {
        return Result.failed(Diagnostic.error("MEMBERS.UNREADABLE", where, "成员名单文件太大，请确认选对了文件。"));
      }
      try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
        Sheet sh = wb.getSheetAt(0);
        DataFormatter fmt = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (Row row : sh) {
          Cell c = row.getCell(0);
          String v = c == null ? "" : fmt.formatCellValue(c).strip();
          if (!v.isEmpty() && !(row.getRowNum() == 0 && HEADERS.contains(org.docmerge.spec.Labels.norm(v)))) {
            out.add(v);
          }
        }
        return Result.of(out, List.of());
      }
    } catch (Exception | LinkageError | StackOverflowError e) {
      return Result.failed(Diagnostic.error("MEMBERS.UNREADABLE", where,
          "无法读取成员名单。成员名单应是 .xlsx 工作簿，第一个工作表的第一列每行写一个成员的文件名或机关名称。" + org.docmerge.diag.Technical.of(e)));
    }
  }
}
