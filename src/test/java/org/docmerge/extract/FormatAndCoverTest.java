package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docmerge.Docmerge;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Severity;
import org.docmerge.model.ReportData;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The format is told from whatever part of the report is visible, and said to be unknown when it cannot be told
 * (then R18 is not run); cover facts come from titles of many shapes, the first sentence and a page's date line;
 * a fact that is not there is a warning about what could not be checked, never an error about the publisher.
 */
class FormatAndCoverTest {
  @TempDir Path tmp;

  /** The seed's table 三 down to （五）不予处理, under a title of the given year: visible parts both formats share. */
  static String tableThreeTop(String title) {
    String seed = TestReports.seedText();
    return title + "\n一、总体情况\n本机关依法公开政府信息。\n三、收到和处理政府信息公开申请情况\n"
        + seed.substring(seed.indexOf("\t（本列数据的勾稽关系"), seed.indexOf("\t\n\t（六）其他处理")) + "\n";
  }

  Docmerge.Checked check(String text) throws Exception {
    Path f = tmp.resolve("r.txt");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    Docmerge engine = Docmerge.open(Docmerge.detectKind(f).orElseThrow()).get();
    return engine.check(f, Validator.Options.DEFAULT);
  }

  static List<String> codes(Docmerge.Checked c, Severity s) {
    return c.diagnostics().stream().filter(d -> d.severity() == s).map(Diagnostic::code).toList();
  }

  @ParameterizedTest
  @CsvSource({"2019, gov-info-annual-2019", "2020, gov-info-annual-2019", "2022, gov-info-annual-2021"})
  void anExcerptBothFormatsShareIsReadByItsYearSaidUnknownAndNotAccusedOfR18(String year, String kind)
      throws Exception {
    Path f = tmp.resolve("r.txt");
    Files.writeString(f, tableThreeTop(year + "年某某市人民政府办公厅政府信息公开工作年度报告"), StandardCharsets.UTF_8);
    assertEquals(kind, Docmerge.detectKind(f).orElseThrow());
    Docmerge.Checked c = check(Files.readString(f));
    assertTrue(codes(c, Severity.INFO).contains("EXTRACT.FORMAT_UNKNOWN"), c.diagnostics()::toString);
    assertFalse(c.diagnostics().stream().anyMatch(d -> d.code().equals("R18")), c.diagnostics()::toString);
    assertEquals(List.of(), codes(c, Severity.ERROR), c.diagnostics()::toString);
    assertEquals("某某市人民政府办公厅", c.data().get().field("agency"));
  }

  @Test
  void aVisibleTableTwoTellsTheFormatAndTheWrongOneIsStillR18() throws Exception {
    String seed = TestReports.seedText().replace("2021年政府信息公开工作年度报告", "2019年政府信息公开工作年度报告");
    Docmerge.Checked c = check(seed);
    assertFalse(codes(c, Severity.INFO).contains("EXTRACT.FORMAT_UNKNOWN"), c.diagnostics()::toString);
    assertTrue(codes(c, Severity.ERROR).contains("R18"), "a 2019 report in the 2021 format: " + c.diagnostics());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2019年某某市人民政府办公厅政府信息公开工作年度报告|某某市人民政府办公厅|2019",
      "某某县交通运输局2021年政府信息公开工作年度报告|某某县交通运输局|2021",
      "某某县交通运输局2021年度政府信息公开工作年度报告|某某县交通运输局|2021",
      "關於某某區衛生健康局2022年政府信息公開工作年度報告|某某区卫生健康局|2022",
      "2023年度某某镇人民政府政府信息公开工作年度报告|某某镇人民政府|2023"})
  void titlesInManyShapes(String title, String agency, String year) {
    ReportData d = Extracts.extract(tableThreeTop(title), "t.txt", TestReports.spec2021()).get();
    assertEquals(Extracts.simplified(agency), Extracts.simplified(d.field("agency")));
    assertEquals(year, d.field("year"));
  }

  @Test
  void noTitleButTheFirstSentenceAndAPageDateLine() {
    String text = "首页 > 政务公开 > 年报\n发布时间: 2022-01-28 10:31  来源：本站\n"
        + "根据《中华人民共和国政府信息公开条例》要求，由信访局结合有关统计数据编制。本年度报告中所列数据的统计期限自"
        + "2021年1月1日起至2021年12月31日止。现将信访局2021年度政府信息公开工作报告如下：\n"
        + tableThreeTop("").substring(1);
    ReportData d = Extracts.extract(text, "t.txt", TestReports.spec2021()).get();
    assertEquals("信访局", d.field("agency"));
    assertEquals("2021", d.field("year"));
    assertEquals("2022-01-28", d.field("published"));
  }

  @Test
  void aPageDateLineIsThePublicationDateBeforeTheClosingDate() {
    String text = "发布日期：2022-02-15\n" + TestReports.seedText();
    ReportData d = Extracts.extract(text, "t.txt", TestReports.spec2021()).get();
    assertEquals("2022-02-15", d.field("published"));
  }

  @Test
  void factsThatAreNotThereAreWarningsAboutTheCheck() throws Exception {
    Docmerge.Checked c = check(tableThreeTop("政府信息公开工作年度报告"));
    assertEquals(List.of(), codes(c, Severity.ERROR), c.diagnostics()::toString);
    assertTrue(codes(c, Severity.WARNING).contains("FIELD.MISSING"), c.diagnostics()::toString);
  }
}
