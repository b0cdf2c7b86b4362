package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

  static final ReportSpec SPEC2021 = Docmerge.open("gov-info-annual-2021").get().kind().spec();

  @org.junit.jupiter.api.Test
  void aCaptionRowAfterAPageBreakStillStartsItsBlock() {
    // tab rows (a browser's copy); a page footer and the running title between blocks (五) and (六): the caption
    // 「第二十条第(六)项」 with its blank cells opens the table again, so 行政处罚 is not looked for in block (五)
    String text = "某街道2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        + "第二十条第(一)项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
        + "行政规范性文件\t4\t0\t4\n第二十条第(五)项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政许可\t5\t\t\n"
        + "第 2 页\n\f某街道2022年政府信息公开工作年度报告\n"
        + "第二十条第(六)项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政处罚\t6\t\t\n行政强制\t7\t\t\n"
        + "三、收到和处理政府信息公开申请情况\n";
    Map<String, String> v = Extracts.values(Extracts.extract(text, "r.txt", SPEC2021).get());
    assertEquals("5", v.get("t2.license.decisions"));
    assertEquals("6", v.get("t2.penalty.decisions"));
    assertEquals("7", v.get("t2.coercion.decisions"));
  }

  @org.junit.jupiter.api.Test
  void aBylinesBareTimeIsThePublicationDate() {
    // 「时间:2023-01-17   作者:韩雨   来源:长兴岛街道   点击:」 under the title
    String text = "大连长兴岛经济技术开发区长兴岛街道2022年政府信息公开工作年度报告\n"
        + "时间:2023-01-17   作者:某某   来源:长兴岛街道   点击:\n一、总体情况\n2022年,街道认真贯彻条例。\n";
    assertEquals("2023-01-17", Extracts.extract(text, "r.txt", SPEC2021).get().field("published"));
  }

  @org.junit.jupiter.api.Test
  void theShorter2019RowNameInA2021TableIsItsRow() {
    // a city bureau's 2021 table 二 names its row 「规范性文件」 (the 2019 format's word) for 「行政规范性文件」
    String text = "某市信访局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        + "第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | / | / | / |\n"
        + "规范性文件 | 21 | 0 | 21 |\n三、收到和处理政府信息公开申请情况\n";
    Map<String, String> v = Extracts.values(Extracts.extract(text, "r.txt", SPEC2021).get());
    assertEquals("21", v.get("t2.normative.issued"));
    assertEquals("0", v.get("t2.normative.repealed"));
    assertEquals("21", v.get("t2.normative.valid"));
    assertEquals("「/」", v.get("t2.rules.issued"));
    // a two-character label is never taken for a longer one (「许可」 is not 「行政许可」)
    assertFalse(org.docmerge.spec.Labels.matches("许可", "行政许可"));
  }

  @org.junit.jupiter.api.Test
  void theTitleAgainUnderItsAgencyLineAfterAPageMetadataRow() {
    // a page's own title, its metadata laid out with runs of spaces, then the document's title under its agency
    String text = "关于2021年度政府信息公开工作的年度报告\n\n"
        + "www.example.gov.cn     发布时间:2022-01-25     来源:新九镇党政办      阅读次数:\n\n"
        + "盐边县新九镇人民政府\n\n关于2021年度政府信息公开工作的年度报告\n\n一、总体情况\n\n新九镇认真贯彻条例。\n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2021).get();
    assertEquals("盐边县新九镇人民政府", r.field("agency"));
    assertEquals("2021", r.field("year"));
    assertEquals("2022-01-25", r.field("published"));
  }

  @org.junit.jupiter.api.Test
  void withoutTitleOrPeriodTheYearTheOverviewOpensWith() {
    // 55-pinghu-dept-2024: no title, no 统计期限; the overview's sentences open with 「2024年,」
    String text = "一、总体情况\n(一)主动公开情况。2024年,我局共主动公开政府信息376条。\n"
        + "(二)依申请公开情况。2024年,我局共收到政府信息公开申请5件。\n";
    assertEquals("2024", Extracts.extract(text, "r.txt", SPEC2021).get().field("year"));
    // two different opening years: none is taken
    String two = "一、总体情况\n(一)主动公开情况。2024年,我局共主动公开政府信息376条。\n"
        + "(二)依申请公开情况。2023年,我局共收到政府信息公开申请5件。\n";
    assertEquals("", Extracts.extract(two, "r.txt", SPEC2021).get().field("year"));
    // 189-yuyang-tuofenglu-street-2020: a title without a year; the first dated sentence is the sixth paragraph
    String late = "驼峰路街道办事处政府信息公开工作年度报告\n一、总体情况\n(一)主动公开政府信息情况\n1、对领导干部职责进行公开公示。\n"
        + "2、在各社区公告栏进行了公开公示和宣传。\n(二)政府信息依申请公开情况\n2020年度我街办未接到提出公开政府信息的申请。\n";
    assertEquals("2020", Extracts.extract(late, "r.txt", SPEC2021).get().field("year"));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    // a stray year before the agency in the title (61-hukou-dalong-town-2025)
    "'2025湖口县大垅乡2025年度政府信息公开工作年度报告\n一、总体情况\n', 湖口县大垅乡",
    // no title; the intro's 「现特向社会公布…」 (62-mayang-wenchangge-town-2025-zh-tw, here in 简体)
    "'根据条例规定,现特向社会公布文昌阁乡2025年度政府信息公开年度报告。\n一、总体情况\n', 文昌阁乡",
    // no title; 「本报告由临沂市司法局按照…编制」 (71-linyi-sifa-2022)
    "'本报告由临沂市司法局按照条例的要求编制。统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n', 临沂市司法局"})
  void agencyWithoutWhatCameBeforeIt(String text, String agency) {
    assertEquals(agency, Extracts.extract(text.replace("\\n", "\n"), "r.txt", SPEC2021).get().field("agency"));
  }

  @org.junit.jupiter.api.Test
  void cellsRunTogetherAreNotRead() {
    // 60-haicheng-xisi-town-2025: 「规章000」, nothing between the cells: which digits make which cell cannot be seen
    String text = "某镇2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n    第二十条第(一)项\n"
        + "    信息内容本年制发件数本年废止件数现行有效件数\n    规章000\n    行政规范性文件120\n"
        + "三、收到和处理政府信息公开申请情况\n";
    Map<String, String> v = Extracts.values(Extracts.extract(text, "r.txt", SPEC2021).get());
    assertEquals(Map.of(), v);
  }

  @org.junit.jupiter.api.Test
  void aTitleWrappedInTheMiddleOfAWord() {
    // 67-xixian-dizhang-street-2023-format2019: 「…办事处2023年度政府」 then 「信息公开工作年度报告」
    String text = "西咸新区底张街道办事处2023年度政府\n信息公开工作年度报告\n一、总体情况\n底张街道认真贯彻条例。\n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2021).get();
    assertEquals("西咸新区底张街道办事处", r.field("agency"));
    assertEquals("2023", r.field("year"));
    // an agency line above a whole title is still the agency (13-xiaogan-szfb-2020)
    String two = "孝感市人民政府办公室\n2020年政府信息公开工作年度报告\n一、总体情况\n办公室认真贯彻条例。\n";
    assertEquals("孝感市人民政府办公室", Extracts.extract(two, "r.txt", SPEC2021).get().field("agency"));
  }

  @org.junit.jupiter.api.Test
  void aMetadataRowWithTheDateInACellOfItsOwn() {
    // 73-zhenan-maoping-town-2022: 「发布日期 | 2023-01-30 | 文 号 | |」
    String text = "索 引 号 | za-2023-000071 | 发布机构 | 镇安县政府 |\n发布日期 | 2023-01-30 | 文 号 | |\n"
        + "现将茅坪回族镇2022年度政府信息公开工作报告如下:\n一、总体情况\n茅坪回族镇认真贯彻条例。\n";
    assertEquals("2023-01-30", Extracts.extract(text, "r.txt", SPEC2021).get().field("published"));
  }

  static String agency(String text) {
    return Extracts.extract(text, "r.txt", SPEC2021).get().field("agency");
  }

  @org.junit.jupiter.api.Test
  void aRegionsNameStandsForItsGovernment() {
    // 88-yongjing-county-2024 and 89-wengan-county-2024: a county's report named by the county alone
    assertEquals("临夏回族自治州永靖县", agency("临夏回族自治州永靖县2024年政府信息公开工作年度报告\n一、总体情况\n全县认真贯彻条例。\n"));
    assertEquals("瓮安县", agency("依据《条例》的要求,现向社会公布瓮安县2024年政府信息公开工作年度报告。\n一、总体情况\n全县认真贯彻条例。\n"));
    // 「全县」「本市」 and a place inside something else (「园区」) name no agency
    assertEquals("", agency("现将全县2024年政府信息公开工作年度报告公布如下。\n一、总体情况\n全县认真贯彻条例。\n"));
    assertEquals("", agency("现将本市2024年政府信息公开工作年度报告公布如下。\n一、总体情况\n全市认真贯彻条例。\n"));
    assertEquals("", agency("现将高新园区2024年政府信息公开工作年度报告公布如下。\n一、总体情况\n园区认真贯彻条例。\n"));
  }

  static String table2Page(String made, String published) {
    return "<html><body><p>某镇2020年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table border=1>"
        + "<tr><td colspan=4>第二十条第(一)项</td></tr>"
        + "<tr><td>信息内容</td><td>" + made + "</td><td>" + published + "</td><td>对外公开总数量</td></tr>"
        + "<tr><td>规章</td><td>2</td><td>1</td><td>5</td></tr>"
        + "<tr><td>规范性文件</td><td>4</td><td>3</td><td>9</td></tr></table>"
        + "<p>三、收到和处理政府信息公开申请情况</p></body></html>";
  }

  @org.junit.jupiter.api.Test
  void aWebPagesHeaderLabelsCutShortAreReadInTheFormatsOrder() {
    // 209-weishan-liangcheng-town-2020 as a web page: 「本年新 | 本年新 | 对外公开总数量」, as plain text reads it
    Map<String, String> v = Extracts.values(Extracts.extract(
        table2Page("本年新", "本年新").getBytes(java.nio.charset.StandardCharsets.UTF_8), "r.html", SPEC2019).get());
    assertEquals("2", v.get("t2.rules.made"));
    assertEquals("1", v.get("t2.rules.published"));
    assertEquals("5", v.get("t2.rules.total_public"));
    assertEquals("4", v.get("t2.normative.made"));
    assertEquals("3", v.get("t2.normative.published"));
    // 「本年」 is too short to say which label it was cut from; and with the first column not found, a row's values
    // cannot be placed from the columns that are (its first value is not 对外公开总数量's): nothing is read, not 2 for 5
    Map<String, String> w = Extracts.values(Extracts.extract(
        table2Page("本年", "本年").getBytes(java.nio.charset.StandardCharsets.UTF_8), "r.html", SPEC2019).get());
    assertEquals(null, w.get("t2.rules.made"));
    assertEquals(null, w.get("t2.rules.published"));
    assertEquals(null, w.get("t2.rules.total_public"));
    assertEquals(null, w.get("t2.normative.total_public"));
    // the first column found, a later one not (「本年新制作数量 | 新公开 | 对外公开总数量」): the found ones are read
    Map<String, String> x = Extracts.values(Extracts.extract(
        table2Page("本年新制作数量", "新公开").getBytes(java.nio.charset.StandardCharsets.UTF_8), "r.html", SPEC2019).get());
    assertEquals("2", x.get("t2.rules.made"));
    assertEquals(null, x.get("t2.rules.published"));
    assertEquals("5", x.get("t2.rules.total_public"));
  }

  @org.junit.jupiter.api.Test
  void aTitlesYearWithoutItsNian() {
    // 241-hainan-shengtai-2022: the agency above 「2022政府信息公开工作年度报告」
    org.docmerge.model.ReportData r = Extracts.extract("某省生态环境厅\n\n2022政府信息公开工作年度报告\n\n一、总体情况\n"
        + "我厅认真贯彻条例。\n", "r.txt", SPEC2021).get();
    assertEquals("2022", r.field("year"));
    assertEquals("某省生态环境厅", r.field("agency"));
    // four digits that are not right before the report's name are no year (「第2022号…年度报告」 is not dated 2022)
    assertEquals("", Extracts.extract("某局政府信息公开工作年度报告(编号2022)\n一、总体情况\n我局认真贯彻条例。\n", "r.txt",
        SPEC2021).get().field("year"));
  }

  @org.junit.jupiter.api.Test
  void aDateRunIntoItsTimeOrSetApartBySpaces() {
    // 247-hebei-province-2020: 「2021-03-2918:26」 under the title
    String run = "某省2020年政府信息公开工作年度报告\n2021-03-2918:26\n来源:\n一、总体情况\n全省认真贯彻条例。\n";
    assertEquals("2021-03-29", Extracts.extract(run, "r.txt", SPEC2021).get().field("published"));
    // a one-digit day run into a time cannot be told from a two-digit one: not read
    assertEquals("", Extracts.extract(run.replace("2021-03-2918:26", "2021-03-218:26"), "r.txt", SPEC2021).get()
        .field("published"));
    // 249-shanyang-county-2020: a metadata block's 「发布日期 2021-02-20 09:00」 without a colon
    String block = "某县人民政府2020年政府信息公开工作年度报告\n索 引 号 0160/2021-02 发布机构 市政府办\n"
        + "公开目录 县区政府信息公开年度报告 发布日期 2021-02-20 09:00\n一、总体情况\n全县认真贯彻条例。\n";
    assertEquals("2021-02-20", Extracts.extract(block, "r.txt", SPEC2021).get().field("published"));
    // a change's date so written is not read, nor a date the document stops being in force
    assertEquals("", Extracts.extract(block.replace("发布日期 2021", "更新日期 2021"), "r.txt", SPEC2021).get()
        .field("published"));
    String repealed = "某县人民政府2020年政府信息公开工作年度报告\n生效日期: | | 废止日期: 2025-12-31 |\n一、总体情况\n全县认真贯彻条例。\n";
    assertEquals("", Extracts.extract(repealed, "r.txt", SPEC2021).get().field("published"));
  }

  @org.junit.jupiter.api.Test
  void anAgencysOwnOfficeCompiledTheReport() {
    // 261-fuzhou-shangwu-2023: 「由福州市商务局信息公开工作办公室编制完成本报告」 is the bureau's report
    assertEquals("某市商务局", agency("根据条例要求,由某市商务局信息公开工作办公室编制完成本报告。\n一、总体情况\n我局认真贯彻条例。\n"));
    // a government's own office compiling it is that office (「由临夏市人民政府办公室编制」)
    assertEquals("某市人民政府办公室", agency("根据条例要求,本报告由某市人民政府办公室编制。\n一、总体情况\n我办认真贯彻条例。\n"));
  }

  @org.junit.jupiter.api.Test
  void aBreadcrumbOfSlashesIsNoTitle() {
    // 263-wuqi-tiebiancheng-town-2022: 「首页/ 政府信息公开 / 政府信息公开年报 / 镇街 / 2022年 / 正文」 above the title
    org.docmerge.model.ReportData r = Extracts.extract("首页/ 政府信息公开 / 政府信息公开年报 / 镇街 / 2022年 / 正文\n\n"
        + "某某镇2022年度政府信息公开年报\n\n一、总体情况\n\n我镇认真贯彻条例。\n", "r.txt", SPEC2021).get();
    assertEquals("某某镇", r.field("agency"));
    assertEquals("2022", r.field("year"));
  }

  @org.junit.jupiter.api.Test
  void aSumuIsATownship() {
    // 224-zhenglanqi-zagesitai-sumu-2023: Inner Mongolia's 苏木 is a township: its name is the agency, a government
    org.docmerge.model.ReportData r = Extracts.extract("某旗某某苏木2023年政府信息公开工作年度报告\n一、总体情况\n"
        + "我苏木认真贯彻条例。\n", "r.txt", SPEC2021).get();
    assertEquals("某旗某某苏木", r.field("agency"));
    assertEquals("本级政府", r.field("unitType"));
  }

  @org.junit.jupiter.api.Test
  void aBylineOfTheDateAndItsSource() {
    // 218-yinchuan-szfb-2022 and 227-guangxi-zzqzfbgt-2020: the page's date in a byline under the title
    String site = "某市人民政府办公室2022年政府信息公开工作年度报告\n某市人民政府门户网站 www.example.gov.cn 2023-01-28 \n"
        + "一、总体情况\n我办认真贯彻条例。\n";
    assertEquals("2023-01-28", Extracts.extract(site, "r.txt", SPEC2021).get().field("published"));
    String source = "某区政府办公室2020年政府信息公开工作年度报告\n2021-02-07 18:07     来源:某区政府办公室\n打印\n"
        + "一、总体情况\n我办认真贯彻条例。\n";
    assertEquals("2021-02-07", Extracts.extract(source, "r.txt", SPEC2021).get().field("published"));
    // a change's date is not when the page was published, nor is a line with two dates
    assertEquals("", Extracts.extract(site.replace(" 2023-01-28", " 更新 2023-01-28"), "r.txt", SPEC2021).get()
        .field("published"));
    assertEquals("", Extracts.extract(site.replace(" 2023-01-28", " 2023-01-28 2023-02-03"), "r.txt", SPEC2021).get()
        .field("published"));
  }

  @org.junit.jupiter.api.Test
  void aTitleBelowALongSiteMenu() {
    // 227-guangxi-zzqzfbgt-2020: twenty menu lines before the title
    StringBuilder menu = new StringBuilder("热搜词: 营商环境 学籍 社保\n");
    for (int k = 0; k < 20; k++) {
      menu.append("  • 栏目").append(k).append("\n");
    }
    org.docmerge.model.ReportData r = Extracts.extract(menu + "某省人民政府办公厅2020年政府信息公开工作年度报告\n"
        + "一、总体情况\n2020年,某省人民政府办公厅认真贯彻条例。\n", "r.txt", SPEC2021).get();
    assertEquals("某省人民政府办公厅", r.field("agency"));
    assertEquals("2020", r.field("year"));
  }

  @org.junit.jupiter.api.Test
  void aBodyWithTwoNamesIsNamedByBoth() {
    // 196-dzxq-linkong-2022 and 204-uhdz-gaoxin-xinshi-2022: one body under two names, the other in brackets
    assertEquals("某新区某某发展局(某某区管委会)",
        agency("某新区某某发展局(某某区管委会)2022年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻条例。\n"));
    org.docmerge.model.ReportData r = Extracts.extract(
        "2022年某高新区(某新市区)政府信息公开工作年度报告\n一、总体情况\n全区认真贯彻条例。\n", "r.txt", SPEC2021).get();
    assertEquals("某高新区(某新市区)", r.field("agency"));
    assertEquals("本级政府", r.field("unitType"), "typed by its first name, a region's");
    assertEquals("部门", Extracts.extract("某市人民政府办公室(某市外事办公室)2022年政府信息公开工作年度报告\n一、总体情况\n"
        + "我办认真贯彻条例。\n", "r.txt", SPEC2021).get().field("unitType"));
    // a bracket that is no second name names no agency: the title says nothing the reader could take as one
    assertEquals("", agency("某某局(本级)2022年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻条例。\n"));
    assertEquals("", agency("某某局(2021年)2022年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻条例。\n"));
  }

  @org.junit.jupiter.api.Test
  void aDateAsAnItemOfThePagesMetadataList() {
    // 82-liwan-district-2023: 「• 听全文」「• 2024-02-21」「• 来源:荔湾区」 under the title
    String text = "广州市荔湾区人民政府2023年政府信息公开工作年度报告\n  • 听全文\n  • 2024-02-21\n  • 来源:荔湾区\n"
        + "一、总体情况\n全区认真贯彻条例。\n";
    assertEquals("2024-02-21", Extracts.extract(text, "r.txt", SPEC2021).get().field("published"));
  }

  @org.junit.jupiter.api.Test
  void theIntroNamesTheReportAs情况OrItsPeriodAsTheDatasTerm() {
    // 98-guangyuan-tongji-2024: 「特向社会公布广元市统计局2024年政府信息公开情况」 (no 报告)
    String situation = "为进一步做好政府信息公开工作,特向社会公布广元市统计局2024年政府信息公开情况。\n一、总体情况\n"
        + "全局认真贯彻条例。\n";
    org.docmerge.model.ReportData r = Extracts.extract(situation, "r.txt", SPEC2021).get();
    assertEquals("广元市统计局", r.field("agency"));
    assertEquals("2024", r.field("year"));
    // 99-lianxi-district-2024: 「本报告所列统计数据的期限自2024年1月1日起,至2024年12月31日止」
    String term = "本报告所列统计数据的期限自2024年1月1日起,至2024年12月31日止。\n一、总体情况\n全区认真贯彻条例。\n";
    assertEquals("2024", Extracts.extract(term, "r.txt", SPEC2021).get().field("year"));
  }

  @org.junit.jupiter.api.Test
  void paragraphsIndentedWithATabAreProseNotCells() {
    // 98-guangyuan-tongji-2024: 「\t一、总体情况 」「\t(一)主动公开信息情况。2024年,我局…」: a page's indented paragraphs
    String text = "特向社会公布某市统计局2024年政府信息公开情况。 \n\t一、总体情况 \n"
        + "\t(一)主动公开信息情况。2024年,我局通过门户网站累计公开政府信息276条,其中:政务动态信息216条,"
        + "更新信息公开目录50条。 \n\t(二)依申请公开信息情况。全年共收到依申请公开共9件,全部及时分发到责任科室予以办理。 \n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2021).get();
    List<String> codes = new org.docmerge.validate.Validator(SPEC2021).validate(r).stream()
        .map(org.docmerge.diag.Diagnostic::code).toList();
    assertTrue(codes.contains("R14"), "the list in the indented paragraph is read as prose and checked: " + codes);
    // Word's copy of a table, one cell per line beginning with a tab, is still a table
    String cells = "某局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n"
        + "\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t0\n\t0\n\t0\n\n\t行政规范性文件\n\t2\n\t0\n\t5\n\n"
        + "三、收到和处理政府信息公开申请情况\n";
    assertEquals("5", Extracts.values(Extracts.extract(cells, "r.txt", SPEC2021).get()).get("t2.normative.valid"));
  }

  @org.junit.jupiter.api.Test
  void theIntroMayPut年度Before工作() {
    // 111-changchun-gongan-2023: 「特向社会公布长春市公安局2023年政府信息公开年度工作报告」
    String text = "根据条例要求,特向社会公布长春市公安局2023年政府信息公开年度工作报告。\n一、总体情况\n全局认真贯彻条例。\n";
    assertEquals("长春市公安局", agency(text));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void blocksWhoseCaptionsWereCutBeginAtTheirOwnRowLabels(boolean paragraphs) {
    // 113-hantai-xuwang-town-2025: every caption printed 「第二十条第」 (its 「(五)项」 lost)
    String cut = table2("第二十条第", "1767.06", paragraphs).replaceAll("第二十条第\\([一五六八九]\\)项", "第二十条第");
    assertFalse(cut.contains("(五)"), cut);
    Map<String, String> v = read(cut);
    assertEquals(read(table2("第二十条第(%s)项", "1767.06", paragraphs)), v);
    assertEquals("373", v.get("t2.license.decisions"));
    assertEquals("13", v.get("t2.coercion.decisions"));
    assertEquals("-1", v.get("t2.fees.change"));
    assertEquals("1767.06", v.get("t2.procurement.amount"));
  }

  @org.junit.jupiter.api.Test
  void aTitleInAMetadataCellAndADateUnderItsLabel() {
    // 117-yangxin-fenglin-town-2025: the title only in a metadata table, 「…枫林镇人民政府信息公开工作年度报告」
    String cell = "| 名称 | 2025年度阳新县枫林镇人民政府信息公开工作年度报告 | ||||\n|---|---|---|---|---|---|\n"
        + "| 索引号 | 000014349/2026-04311 | 发布日期 | 2026-01-20 | 发布机构 | 枫林镇人民政府 |\n"
        + "一、总体情况\n2025年枫林镇人民政府认真贯彻条例。\n";
    org.docmerge.model.ReportData r = Extracts.extract(cell, "r.txt", SPEC2021).get();
    assertEquals("阳新县枫林镇人民政府", r.field("agency"));
    assertEquals("2025", r.field("year"));
    assertEquals("2026-01-20", r.field("published"));
    // 118-jianshui-miandian-town-2025: 「• 发布日期」 and 「2026-01-21」 on lines of their own
    String listed = "登录 | 注册\n  • 索引号\n    jsxmdzrmzf/2026-00000\n  • 发布日期\n    2026-01-21\n  • 时效性\n    有效\n\n"
        + "建水县面甸镇2025年政府信息公开工作年度报告\n\n一、总体情况\n\n面甸镇认真贯彻条例。\n";
    assertEquals("2026-01-21", Extracts.extract(listed, "r.txt", SPEC2021).get().field("published"));
  }

  @org.junit.jupiter.api.Test
  void aMetadataBlockWithItsLabelsInsideTheCells() {
    // 121-shanhaiguan-nanguan-street-2024: 「发文日期:2025-01-10 | ||」 and 「名称:…2024年政府信息公开工作年度报告 |」
    String text = "索引号:shg35/2025-693 | 主题分类:其他 | 发布机构:南关街道办事处 |\n发文日期:2025-01-10 | ||\n"
        + "名称:山海关区南关街道办事处 2024年政府信息公开工作年度报告 |\n山海关区南关街道办事处 2024年政府信息公开工作年度报告\n"
        + "2024年,我街道认真贯彻条例。\n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2021).get();
    assertEquals("山海关区南关街道办事处", r.field("agency"));
    assertEquals("2025-01-10", r.field("published"));
  }

  @org.junit.jupiter.api.Test
  void aMirrorsPinyinAfterEachCharacterIsNotText() {
    // 126-tuoshi-town-2020-zh-tw: 「拖市鎮(zhèn)2020年政府信息公開工作年度報告」, 「規(guī)范性文件 | 34 | 4 | 47 |」
    String text = "拖市鎮(zhèn)2020年政府信息公開工作年度報告\n一、總體情況\n"
        + "報告所列數(shù)據(jù)的統(tǒng)計期限自2020年1月1日起至2020年12月31日止。\n"
        + "第二十條第(一)項 | |||\n信息內容 | 本年新 制作數(shù)量 | 本年新 公開數(shù)量 | 對外公開總數(shù)量 |\n"
        + "規(guī)章 | 0 | 0 | 0 |\n規(guī)范性文件 | 34 | 4 | 47 |\n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2019).get();
    assertEquals("拖市镇", org.docmerge.spec.Labels.simplify(r.field("agency")));
    assertEquals("47", Extracts.values(r).get("t2.normative.total_public"));
    // a bracket of latin letters without a tone mark is the publisher's (「(APP)」)
    assertEquals("某局(APP)", org.docmerge.report.TextReport.read("某局(APP)\n", "r.txt").blocks().stream()
        .map(b -> ((org.docmerge.report.PublishedReport.Paragraph) b).text()).findFirst().orElseThrow());
  }

  @org.junit.jupiter.api.Test
  void theIntroMayPutTheYearBeforeTheAgency() {
    // 130-wenzhou-renshe-2022: 「特公布2022年温州市人力资源和社会保障局信息公开工作年度报告」 (no 政府 either)
    assertEquals("温州市人力资源和社会保障局", agency("根据条例要求,特公布2022年温州市人力资源和社会保障局信息公开工作年度报告。"
        + "\n一、总体情况\n全局认真贯彻条例。\n"));
    // 136-lishui-city-2024: the first paragraph opens with the report's name
    assertEquals("丽水市", agency("2024年丽水市政府信息公开工作年度报告根据《条例》编制并向社会公布。本报告中所列数据统计期限为"
        + "2024年1月1日至12月31日。\n一、总体情况\n全市认真贯彻条例。\n"));
    // 「现公开2024年东风路街办政府信息公开工作年度报告」 names no agency this rule would take over a title's
    assertEquals("东风路街道", agency("东风路街道2024年政府信息公开工作年度报告\n现公开2024年东风路街办政府信息公开工作年度报告。"
        + "\n一、总体情况\n全街认真贯彻条例。\n"));
  }

  @org.junit.jupiter.api.Test
  void theYearOnlyInsideTheOverviewsSentences() {
    // 138-street-2019-no-title: no title, no period; 「2019年度街道受理信息公开申请0件。」「2019年度街道发生…」
    String text = "(二)政府信息依申请公开情况\n\n 2019年度街道受理信息公开申请0件。\n\n(三)复议、诉讼和申诉情况\n\n"
        + "2019年度街道发生针对本部门有关政府信息公开事务的行政复议案0件。\n\n二、主动公开政府信息情况\n"
        + "第二十条第(一)项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |\n";
    assertEquals("2019", Extracts.extract(text, "r.txt", SPEC2019).get().field("year"));
    // two years among them: none is taken
    String two = text.replace("2019年度街道发生", "2020年度街道发生");
    assertEquals("", Extracts.extract(two, "r.txt", SPEC2019).get().field("year"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRowBrokenIntoSubRowsOfItsOwnIsNotReadAsItsFirstSubRow(boolean paragraphs) {
    // 137-tongzhou-xinhua-street-2019: 「其他对外管理服务事项 | 行政检查 | … | 行政确认 | … |」
    String split = table2("第二十条第(%s)项", "1767.06", paragraphs).replace(paragraphs
        ? "其他对外管理服务事项\n\n4\n\n5\n\n6" : "其他对外管理服务事项 | 4 | 5 | 6",
        paragraphs ? "其他对外管理服务事项\n\n行政检查\n\n4\n\n5\n\n6\n\n行政确认\n\n1\n\n0\n\n1"
            : "其他对外管理服务事项 | 行政检查 | 4 | 5 | 6 |\n行政确认 | 1 | 0 | 1");
    assertTrue(split.contains("行政确认"), split);
    Map<String, String> v = read(split);
    assertEquals(null, v.get("t2.other_services.decisions"), "neither sub-row is the row: " + v);
    assertEquals(null, v.get("t2.other_services.prev_items"));
    assertEquals("373", v.get("t2.license.decisions"));
    assertEquals("9", v.get("t2.penalty.decisions"));
    // a label wrapped onto a second cell is still read (16-lzq-jiaoyu-2019: 「其他对外管理服务」「事项」)
    String wrapped = table2("第二十条第(%s)项", "1767.06", paragraphs).replace("其他对外管理服务事项",
        paragraphs ? "其他对外管理服务\n\n事项" : "其他对外管理服务 | 事项");
    assertEquals("6", read(wrapped).get("t2.other_services.decisions"));
  }

  /** Block (一) with its rows' labels and values replaced: {@code first}/{@code second} are whole rows. */
  static String block1(boolean paragraphs, String[] first, String[] second) {
    String text = table2("第二十条第(%s)项", "1767.06", paragraphs);
    String sep = paragraphs ? "\n\n" : " | ";
    String end = paragraphs ? "\n\n" : " |\n";
    return text.replace("规章" + sep + "0" + sep + "0" + sep + "0" + end + "规范性文件" + sep + "1" + sep + "2" + sep + "3"
        + end, String.join(sep, first) + end + String.join(sep, second) + end);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRowWhoseLabelWasLostIsTheOneRowOfItsBlankSlotWithANote(boolean paragraphs) {
    // 「  」 where 规章 should be (a town's page, 2025), then its three values, then 「规范性文件」 and its own
    String text = block1(paragraphs, new String[] {"  ", "5", "6", "7"}, new String[] {"规范性文件", "1", "2", "3"});
    org.docmerge.diag.Result<org.docmerge.model.ReportData> r = Extracts.extract(text, "r.txt", SPEC2019);
    Map<String, String> v = Extracts.values(r.get());
    assertEquals(java.util.Arrays.asList("5", "6", "7"), java.util.Arrays.asList(v.get("t2.rules.made"),
        v.get("t2.rules.published"), v.get("t2.rules.total_public")), () -> v + "\n" + r.diagnostics());
    assertEquals("3", v.get("t2.normative.total_public"));
    org.docmerge.diag.Diagnostic note = r.diagnostics().stream().filter(x -> x.code().equals("EXTRACT.GUESSED")
        && x.message().contains("行标题是空白的")).findFirst().orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
    assertEquals(org.docmerge.diag.Severity.INFO, note.severity());
    assertTrue(note.message().contains("行标题是空白的") && note.message().contains("按位置读作「规章」"), note.message());
    assertTrue(r.diagnostics().stream().noneMatch(x -> x.code().equals("EXTRACT.TABLE_INCOMPLETE")),
        r.diagnostics()::toString);
    // the last row of the block lost its label: its values are the run after 规章's
    Map<String, String> w = read(block1(paragraphs, new String[] {"规章", "0", "0", "0"},
        new String[] {"  ", "1", "2", "3"}));
    assertEquals(java.util.Arrays.asList("1", "2", "3"), java.util.Arrays.asList(w.get("t2.normative.made"),
        w.get("t2.normative.published"), w.get("t2.normative.total_public")), w::toString);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    // 149/153-shanghai-szfbgt, 155-beijing-dongcheng, 144-zhengzhou-gaoxin: no title, the agency the subject of the
    // overview's first sentence
    "2020年,上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。|上海市人民政府办公厅|部门",
    "2020年度,北京市东城区以习近平新时代中国特色社会主义思想为指导。|北京市东城区|本级政府",
    "2022年,郑州高新技术产业开发区管委会城市管理局深入贯彻落实《条例》。|郑州高新技术产业开发区管委会城市管理局|部门",
    // 「我局」「全县各部门」 name no one
    "2023年,我局严格落实《条例》要求。||",
    "2023年,全县各部门积极推进政务公开。||",
    "2023年,全市共主动公开政府信息2874条,持续推进公开。||"})
  void anAgencyOpeningTheOverviewIsTheAgency(String sentence, String agency, String type) {
    String text = "依据《中华人民共和国政府信息公开条例》第五十条之规定,制作本报告。\n一、总体情况\n" + sentence + "\n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2021).get();
    assertEquals(agency == null ? "" : agency, r.field("agency"));
    assertEquals(type == null ? "" : type, r.field("unitType"), "a region named for its government is a government");
  }

  @org.junit.jupiter.api.Test
  void aPagesUpdateTimeIsNotThePublicationDate() {
    // 152-beijing-2019: a news site's copy, 「更新时间」 its own; 154: the government's own page, 「日期」
    String mirror = "2019年北京市政府信息公开工作年度报告\n来源:中国电子政务网 更新时间:2020-05-25\n一、总体情况\n";
    assertEquals("", Extracts.extract(mirror, "r.txt", SPEC2021).get().field("published"));
    String own = "2020年北京市政府信息公开工作年度报告\n日期:2021-03-30 10:00    来源:北京市政务服务管理局\n一、总体情况\n";
    org.docmerge.model.ReportData r = Extracts.extract(own, "r.txt", SPEC2021).get();
    assertEquals("2021-03-30", r.field("published"));
    assertEquals("北京市", r.field("agency"));
    assertEquals("本级政府", r.field("unitType"), "北京市 publishes by 31 March, as a government, not by 31 January");
  }

  @org.junit.jupiter.api.Test
  void aTitleLaidOutAsAOneColumnRowIsTheTitleNotATable() {
    // 161-tianjin-baoshuiqu-2022: 「…工作报告 |」 then the title again; its only digits are the year
    String text = "天津港保税区2022年度政府信息公开工作报告 |\n天津港保税区2022年度政府信息公开工作报告\n"
        + "根据《条例》,本年度报告由六部分组成。\n一、总体情况\n本年度保税区认真贯彻落实《条例》。\n";
    org.docmerge.model.ReportData r = Extracts.extract(text, "r.txt", SPEC2021).get();
    assertEquals("天津港保税区", r.field("agency"));
    assertEquals("2022", r.field("year"));
    // a one-column table of numbers under a label stays a table: 「行政许可 |」「373 |」
    String table = "二、主动公开政府信息情况\n第二十条第(五)项 |\n信息内容 |\n本年处理决定数量 |\n行政许可 |\n373 |\n";
    assertEquals("373", Extracts.values(Extracts.extract(table, "t.txt", SPEC2021).get()).get("t2.license.decisions"));
  }

  @org.junit.jupiter.api.Test
  void theOverviewsFirstSentenceNamesTheAgencyPastAContactBlock() {
    // 171-xiamen-szfbgt-2025: the intro, 「联系方式:」 and three contact lines, then 一、总体情况
    String text = "本报告根据《条例》编制。报告中所列数据统计时限自2025年1月1日至2025年12月31日。\n"
        + "若有疑问或意见建议,请与厦门市人民政府办公厅文电处联系。\n联系方式:\n地址:厦门市思明区湖滨北路61号\n"
        + "电话:0592-2891585\n邮编:361018\n一、总体情况\n2025年,厦门市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。\n"
        + "(一)主动公开方面\n2025年,市政府网站坚持公开。\n";
    assertEquals("厦门市人民政府办公厅", Extracts.extract(text, "r.txt", SPEC2021).get().field("agency"));
    // only the first paragraph opening with its year: 「2025年,我区坚持…」 there names no one, a later one is not taken
    String ours = text.replace("2025年,厦门市人民政府办公厅坚持", "2025年,我区坚持")
        .replace("2025年,市政府网站坚持", "2025年,厦门市同安区人民政府坚持");
    assertEquals("", Extracts.extract(ours, "r.txt", SPEC2021).get().field("agency"));
  }
}
