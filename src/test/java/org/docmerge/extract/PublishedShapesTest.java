package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.model.CellValue;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shapes of table 二 met in real published reports (src/test/resources/published 43–): each read as printed. */
class PublishedShapesTest {
  static final ReportSpec SPEC2019 = Docmerge.open("gov-info-annual-2019").get().kind().spec();

  /** Table 二 of the 2019 format with the given captions, amount and layout (rows with | or a cell a paragraph). */
  static String table2(String caption, String amount, boolean paragraphs) {
    String[][] rows = {
      {caption.formatted("一")}, {"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
      {"规章", "0", "0", "0"}, {"规范性文件", "1", "2", "3"},
      {caption.formatted("五")}, {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
      {"行政许可", "10", "0", "373"}, {"其他对外管理服务事项", "4", "5", "6"},
      {caption.formatted("六")}, {"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"},
      {"行政处罚", "7", "0", "9"}, {"行政强制", "11", "12", "13"},
      {caption.formatted("八")}, {"信息内容", "上一年项目数量", "本年增/减"},
      {"行政事业性收费", "14", "-1"},
      {caption.formatted("九")}, {"信息内容", "采购项目数量", "采购总金额"},
      {"政府集中采购", "103", amount}};
    StringBuilder sb = new StringBuilder("某县教育局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n");
    for (String[] r : rows) {
      sb.append(paragraphs ? String.join("\n\n", r) + "\n\n" : String.join(" | ", r) + " |\n");
    }
    sb.append("三、收到和处理政府信息公开申请情况\n");
    return sb.toString();
  }

  static Map<String, String> read(String text) {
    return Extracts.values(Extracts.extract(text, "report.txt", SPEC2019).get());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void captionsWithoutTheSecond第AreTheSameBlocks(boolean paragraphs) {
    // 「第二十条（六）项」 (printed so by a county bureau) is the block 「第二十条第（六）项」
    Map<String, String> v = read(table2("第二十条(%s)项", "1767.06", paragraphs));
    Map<String, String> official = read(table2("第二十条第(%s)项", "1767.06", paragraphs));
    assertEquals(official, v);
    assertEquals("9", v.get("t2.penalty.decisions"));
    assertEquals("13", v.get("t2.coercion.decisions"));
    assertEquals("-1", v.get("t2.fees.change"));
    assertEquals("103", v.get("t2.procurement.items"));
    assertEquals("1767.06", v.get("t2.procurement.amount"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAmountPrintedWithItsUnitIsReadInTheColumnsUnit(boolean paragraphs) {
    // the 2019 format's 采购总金额 is in 万元: 「1767.06万元」 is 1767.06; 「17670600元」 is not (R01 asks for 万元)
    Map<String, String> v = read(table2("第二十条第(%s)项", "1767.06万元", paragraphs));
    assertEquals("103", v.get("t2.procurement.items"));
    assertEquals("1767.06", v.get("t2.procurement.amount"));
    Map<String, String> yuan = read(table2("第二十条第(%s)项", "17670600元", paragraphs));
    assertEquals("103", yuan.get("t2.procurement.items"));
    assertEquals("「17670600元」", yuan.get("t2.procurement.amount"));
    CellValue c = Extracts.extract(table2("第二十条第(%s)项", "17670600元", paragraphs), "r.txt", SPEC2019).get()
        .values().get("t2.procurement.amount");
    assertFalse(c.isNumber());
  }
}
