package org.docmerge.workbook;

import static org.docmerge.spec.Labels.norm;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * Reads what the spec asks for out of one opened workbook: finds each sheet by name (a missing sheet is reported
 * with the names the file does have and the likeliest candidate for a rename; a name with stray spaces is
 * accepted and noted; a hidden sheet is read and warned about), then hands the cover, prose, table and list sheets
 * to their readers, which share one {@link CellReader}. Problems are collected, never thrown, so that all of them
 * show at once. One instance per read; not thread-safe.
 */
final class ContentReader {
  private final Workbook wb;
  private final String file;
  private final ReportSpec spec;
  private final Diagnostics d;
  private final CellReader cells;
  private final ReportData.Builder out;

  ContentReader(Workbook wb, String file, ReportSpec spec, Diagnostics d, WorkbookReader.Limits limits) {
    this.wb = wb;
    this.file = file;
    this.spec = spec;
    this.d = d;
    this.cells = new CellReader(wb, file, d, limits);
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
      new CoverSheetReader(file, d, cells, out).read(new SheetIndex(cover), spec.fields());
    }
    Sheet prose = sheet(spec.proseSheet(), expected);
    if (prose != null) {
      new ProseSheetReader(file, d, cells, out).read(new SheetIndex(prose), spec.sections());
    }
    TableSheetReader tables = new TableSheetReader(file, d, cells, out);
    for (ReportSpec.Table t : spec.tables()) {
      Sheet s = sheet(t.sheet(), expected);
      if (s != null) {
        tables.read(new SheetIndex(s), t);
      }
    }
    ListSheetReader lists = new ListSheetReader(file, d, cells, out);
    for (ReportSpec.ListSheet l : spec.lists()) {
      Sheet s = sheet(l.sheet(), expected);
      if (s != null) {
        lists.read(new SheetIndex(s), l);
      }
    }
    return out.build();
  }

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
}
