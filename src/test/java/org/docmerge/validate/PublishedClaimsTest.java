package org.docmerge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Severity;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claims published reports make in their prose, against the seed's tables (1 request, from a natural person,
 * answered 予以公开): each contradiction is one finding quoting the whole sentence.
 */
class PublishedClaimsTest {
  static List<Diagnostic> check(String paragraph) {
    ReportData d = TestReports.seedWithProse("request", paragraph);
    return new Validator(TestReports.spec2021()).validate(d).stream().filter(x -> x.severity() != Severity.INFO).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2021年，我局共受理政府信息公开申请3件，均已按期答复。",
      "全年收到申请1件，其中予以公开2件。",
      "全年收到申请1件，其中部分公开1件。",
      "全年收到申请1件，不予公开1件。"})
  void aClaimThatContradictsTheTableIsOneFindingQuotingItsSentence(String sentence) {
    List<Diagnostic> ds = check(sentence);
    assertEquals(1, ds.size(), ds::toString);
    assertEquals("R11", ds.get(0).code());
    assertTrue(ds.get(0).message().contains("「" + sentence + "」"), ds.get(0).message());
  }

  @Test
  void allUpheldWhileTableFourShowsAPendingCase() {
    ReportData.Builder b = TestReports.seedBuilder();
    b.value("t4.count.review_pending", CellValue.of(java.math.BigDecimal.ONE, Location.NONE));
    b.value("t4.count.review_total", CellValue.of(java.math.BigDecimal.ONE, Location.NONE));
    b.prose("request", List.of("本年度发生政府信息公开行政复议1件，均获维持。"), Location.NONE);
    List<Diagnostic> ds = new Validator(TestReports.spec2021()).validate(b.build()).stream()
        .filter(x -> x.code().equals("R12")).toList();
    assertEquals(1, ds.size(), ds::toString);
    assertTrue(ds.get(0).message().contains("「本年度发生政府信息公开行政复议1件，均获维持。」"), ds.get(0).message());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "全年收到申请1件，其中予以公开1件。",
      "本年度办结518件，其中予以公开300件，部分公开100件，其余依法作出不予公开等处理。",
      "全年主动予以公开政府信息120条。",
      "对依法应当予以公开的信息，做到应公开尽公开。"})
  void claimsThatAgreeOrSpeakOfSomethingElseRaiseNothing(String sentence) {
    assertEquals(List.of(), check(sentence));
  }

  @Test
  void aListedSumIsCheckedWhenANumberWithoutUnitComesOnlyAfterTheListMovedToAnotherUnit() {
    // 19-yanshan-jiaotong-2020: the 条 items add up to 66; 「道路硬化26」 belongs to the 件 list after them
    String moved = "全年公开各类信息共105条。其中:政务信息公开31条、政府信息公开7条、互动交流6条、魅力砚山公开6条、"
        + "单位公示栏公开16条、公开县政府转交县交运局办理的建议提案共43件(其中:党代5件、人代33件、政协5件),"
        + "建议提案涉及道路硬化26、道路修缮7件、桥梁升级改造2件。";
    List<Diagnostic> ds = new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("active", moved))
        .stream().filter(x -> x.code().equals("R14")).toList();
    assertEquals(1, ds.size(), ds::toString);
    assertTrue(ds.get(0).message().contains("66"), ds.get(0).message());
    // a number without its unit inside the list still means the sum cannot be told (22-yiwu-jiaotong-2020)
    String inside = "2020年主动公开信息总数458条,其中政府网站公开政府信息数238条,政务微信公开政府信息数170,"
        + "其他方式公开政府信息数49条,规范性文件数1条。";
    assertEquals(List.of(), new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("active", inside))
        .stream().filter(x -> x.code().equals("R14")).toList());
  }

  @Test
  void anItemsOwnBreakdownInBracketsIsNotCountedTwice() {
    // 56-ouhai-shenji-2024: 2+2+2+5+1+4+1+5 = 22; the bracketed 「其中部门预算1条、部门决算1条」 is inside the third item
    String nested = "2024年,我局主动公开各类政府信息22条,其中发布人事信息2条,动态信息2条,部门财务信息2条(其中部门预算1条、"
        + "部门决算1条),计划总结5条,审计计划1条,审计结果4条,审计整改1条,其他信息5条。";
    assertEquals(List.of(), new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("active", nested))
        .stream().filter(x -> x.code().equals("R14")).toList());
    // the same list with a wrong total is still found
    List<Diagnostic> wrong = new Validator(TestReports.spec2021())
        .validate(TestReports.seedWithProse("active", nested.replace("22条", "25条")))
        .stream().filter(x -> x.code().equals("R14")).toList();
    assertEquals(1, wrong.size(), wrong::toString);
    assertTrue(wrong.get(0).message().contains("22"), wrong.get(0).message());
  }

  @Test
  void lastYearsReportPublishedThisYearIsNoWrongYear() {
    // 59-nppa-national-2022: the 2022 report says last year's report was published during the year
    String done = "二是稳妥做好主动公开。公开发布《国家新闻出版署2021年政府信息公开工作年度报告》,通过网站主动公开政府信息。";
    org.docmerge.model.ReportData r = TestReports.seedWithProse("overview", done);
    int y = r.year().orElseThrow();
    String shifted = done.replace("2021", String.valueOf(y - 1));
    assertEquals(List.of(), new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("overview", shifted))
        .stream().filter(x -> x.code().equals("R09")).toList());
    // the report calling itself by last year's title is still R09
    String self = "现发布《某局" + (y - 1) + "年政府信息公开工作年度报告》。";
    assertEquals(1, new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("overview", self))
        .stream().filter(x -> x.code().equals("R09")).count());
  }

  @Test
  void aListAfter包括IsSummedAndABracketedListEndsWithItsBracket() {
    // 64-zichang-city-2023: 12+1740+225+110+1827 = 3914, not the stated 3437
    String incl = "2023年度,市政府门户网站公开全市各类政府信息共计3437条,包括:人事信息12条,政务动态1740条,公告公示225 条,"
        + "解读及回应信息共计110条,其他类信息1827条。";
    List<Diagnostic> ds = new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("active", incl))
        .stream().filter(x -> x.code().equals("R14")).toList();
    assertEquals(1, ds.size(), ds::toString);
    assertTrue(ds.get(0).message().contains("3914") && ds.get(0).message().contains("包括"), ds.get(0).message());
    // 65-longyou-xzfb-2023: the list in brackets is 10+4 = 14; what follows the bracket is not part of it
    String bracketed = "2023年,全年共收到依申请公开14件(其中信件申请10件,网络申请4件),已办结12件,2件结转下年办理。";
    assertEquals(List.of(), new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("request", bracketed))
        .stream().filter(x -> x.code().equals("R14")).toList());
  }

  static List<Diagnostic> r14(String section, String paragraph) {
    return new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse(section, paragraph)).stream()
        .filter(x -> x.code().equals("R14")).toList();
  }

  @Test
  void aListAfterTwoJoinedTotalsBreaksDownBoth() {
    // 78-dazu-qzfb-2023: 「行政复议案件6件和行政诉讼案件3件,其中…维持5件,尚未审结1件,…维持3件」: 5+1+3 = 6+3
    String joined = "全年因政府信息公开产生行政复议案件6件和行政诉讼案件3件,其中行政复议结果维持5件,尚未审结1件,"
        + "行政诉讼结果维持3件。";
    assertEquals(List.of(), r14("request", joined));
    assertEquals(List.of(), r14("request", "共收到申请4件及转办申请2件,其中予以公开3件,无法提供3件。"));
    // a list that adds up to neither the last total nor the joined ones is still found
    List<Diagnostic> wrong = r14("request", joined.replace("尚未审结1件", "尚未审结2件"));
    assertEquals(1, wrong.size(), wrong::toString);
    assertTrue(wrong.get(0).message().contains("10件"), wrong.get(0).message());
    // totals in clauses of their own (a comma between them) are not joined: the list is the last one's
    assertEquals(1, r14("request", "全年收到申请6件,转办3件,其中予以公开5件,无法提供4件。").size());
  }

  @Test
  void aCarriedOverItemOrOneInAnotherMeasureWordMayBeInTheTotalOrNot() {
    // 87-qiyang-city-2024: the 16 carried over are part of the 133 received
    String carried = "全年共受理依申请公开事项133件,均按照规定程序和时限进行了妥善处理。其中,予以公开46件,部分公开22件,"
        + "不予公开15件,无法提供27件,不予处理0件,逾期未补正2件,其他处理5件,结转下年度继续办理16件。";
    assertEquals(List.of(), r14("request", carried));
    // 85-pingli-county-2024: 「征集调查16期」 is one of the listed items of the 2698
    String issues = "在县政府网站累计公开各类政府信息共计2698条,其中:工作动态1201条、通知公告251条、政策解读44条、"
        + "人事信息45条、征集调查16期、其他类信息1141条。";
    assertEquals(List.of(), r14("active", issues));
    // adding up in neither reading is still found
    assertEquals(1, r14("active", issues.replace("2698条", "2798条")).size());
    assertEquals(1, r14("request", carried.replace("133件", "140件")).size());
  }

  @Test
  void aBracketedRemarkOnTheTotalIsNotTheTotal() {
    // 90-dongyang-ziranziyuan-2023: 177 = 60+51+4+30+3+29; the 3 in brackets is part of the 177
    String remark = "办结依申请公开件177件(含2022年结转的3件),其中,予以公开60件,部分公开51件,不予公开4件,信息无法提供30件、"
        + "不予处理3件,其他处理29件。";
    assertEquals(List.of(), r14("request", remark));
    List<Diagnostic> wrong = r14("request", remark.replace("177件", "178件"));
    assertEquals(1, wrong.size(), wrong::toString);
    assertTrue(wrong.get(0).message().contains("178件"), wrong.get(0).message());
  }

  @Test
  void aListCutOffInTheMiddleOfAnItemIsNotSummed() {
    // 99-lianxi-district-2024: the stored page ends 「…其中予以公开71件、部分公开5件、不予公开28」
    assertEquals(List.of(), r14("request", "2024年,全区受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件、不予公开28"));
    // the same list ending with its unit is summed
    assertEquals(1, r14("request", "2024年,全区受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件、不予公开28件").size());
  }

  @Test
  void aListWithARoundedItemIsNotSummed() {
    // 98-guangyuan-tongji-2024: 「276条,其中:政务动态信息216条,更新信息公开目录50条,主动向市政府办报送信息100余条」
    String rounded = "2024年,我局通过门户网站累计公开政府信息276条,其中:政务动态信息216条,更新信息公开目录50条,"
        + "主动向市政府办报送信息100余条。";
    assertEquals(List.of(), r14("active", rounded));
    assertEquals(1, r14("active", rounded.replace("100余条", "100条")).size());
  }

  @Test
  void anItemInAnotherOfTheListsUnitsCountsEitherWay() {
    // 112-suining-chuanshan-gongan-2023: 306条 + 2件 + 1条 = 309条
    String mixed = "2023年,我局公开各类信息309条,其中工作动态信息306条,有效规范性文件2件,通知公告1条,已公开的政府信息中"
        + "未涉及国家秘密。";
    assertEquals(List.of(), r14("active", mixed));
    assertEquals(1, r14("active", mixed.replace("309条", "319条")).size());
  }

  @Test
  void lastYearsReportAmongTheItemsPublishedIsNoWrongYear() {
    // 222-baotou-waiban-2023: 「主动公开了单位基本信息、2022年政府信息公开工作年度报告、2022年度决算…」 (基本 is no 本报告)
    int y = TestReports.seedWithProse("overview", "").year().orElseThrow();
    String items = "通过门户网站,主动公开了单位基本信息、" + (y - 1) + "年政府信息公开工作年度报告、" + (y - 1) + "年度决算等应公开事项。";
    assertEquals(List.of(), new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("overview", items))
        .stream().filter(x -> x.code().equals("R09")).toList());
    // this report named by last year's title (本报告) still is
    String self = "本报告即《某局" + (y - 1) + "年政府信息公开工作年度报告》,现予公开。";
    assertEquals(1, new Validator(TestReports.spec2021()).validate(TestReports.seedWithProse("overview", self))
        .stream().filter(x -> x.code().equals("R09")).count());
  }

  @Test
  void appealsAfterATotalOfRequestsAreNoPartsOfIt() {
    // 218-yinchuan-szfb-2022: 「受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件」
    assertEquals(List.of(), r14("request", "依法依规做好答复,受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件。"));
    // a total of appeals broken down by outcome is summed
    assertEquals(1, r14("request", "全年发生行政复议3件,其中维持1件、纠正1件。").size());
  }

  @Test
  void aListMayEndAtACommaWhereAnotherClauseBegins() {
    // 226-xilinhaote-aershanbaolige-town-2023: 192+8 = 200, then 「公开财政信息81条」 is another count
    String town = "全年公开政府信息200条,其中发布工作动态192条、通知(公告)8条,公开财政信息81条。";
    assertEquals(List.of(), r14("active", town));
    // a list whose items add up at no comma is still found
    assertEquals(1, r14("active", town.replace("192条", "190条")).size());
    // items joined by 、 are one list: no reading ends inside it
    assertEquals(1, r14("active", "全年公开政府信息200条,其中工作动态150条、通知50条、财政信息81条。").size());
  }

  @Test
  void anApproximateTotalIsNotSummed() {
    // 239-hainan-yingshang-2023: 「共发布信息约1543条,其中动态信息668条,法定主动公开信息166条」
    String about = "2023年,门户网站共发布信息约1543条,其中动态信息668条,法定主动公开信息166条。";
    assertEquals(List.of(), r14("active", about));
    assertEquals(List.of(), r14("active", about.replace("约1543条", "近1543条")));
    assertEquals(1, r14("active", about.replace("约1543条", "1543条")).size());
  }

  @Test
  void aListOfArticlesIsSummedToo() {
    // 257-fuzhou-city-2023-mirror: 「政策解读205篇,其中文字解读144篇,图片解读61篇,视频解读1篇」 adds up to 206
    String articles = "2023年政府网站发布政策解读205篇,其中文字解读144篇,图片解读61篇,视频解读1篇。";
    assertEquals(1, r14("active", articles).size());
    assertEquals(List.of(), r14("active", articles.replace("205篇", "206篇")));
  }
}
