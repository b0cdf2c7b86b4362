package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;

/** Cover facts and parts as offices actually word them. */
class ExtractorProseTest {
  static final ReportSpec SPEC = TestReports.spec2021();

  /** The seed text with its title and headings changed. */
  static String seedWith(String from, String to) {
    return TestReports.seedText().replace(from, to);
  }

  @Test
  void aOneLineTitleGivesTheAgencyAndYear() {
    String text = seedWith("2021年政府信息公开工作年度报告\n（拱墅区投资促进局）\n", "拱墅区投资促进局2021年政府信息公开工作年度报告\n");
    ReportData d = Extracts.extract(text, "t.txt", SPEC).get();
    assertEquals("拱墅区投资促进局", d.field("agency"));
    assertEquals("2021", d.field("year"));
  }

  @Test
  void headingVariantsAreAccepted() {
    String text = seedWith("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况")
        .replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况");
    Result<ReportData> r = Extracts.extract(text, "t.txt", SPEC);
    assertEquals(List.of(), r.diagnostics().stream().filter(x -> x.severity() != org.docmerge.diag.Severity.INFO).toList());
    assertEquals(4, r.get().paragraphs("problems").size());
  }

  @Test
  void headingsNumberedByWordAreFoundWithoutTheirNumerals() {
    String text = TestReports.seedText().replaceAll("(?m)^[一二三四五六]、", "")
        .replaceAll("(?m)^存在的主要问题及改进情况$", "政府信息公开工作存在的主要问题及改进情况");
    Result<ReportData> r = Extracts.extract(text, "t.txt", SPEC);
    assertEquals(List.of(), r.diagnostics().stream().filter(x -> x.severity() != org.docmerge.diag.Severity.INFO).toList());
    assertEquals(TestReports.seedProse(), r.get().prose());
  }

  @Test
  void subjectsThatCannotBeToldApartStayInTheOverview() {
    String text = TestReports.seedText().replaceAll("(?m)^（[一二三四五]）[^。]+方面。", "");
    ReportData d = Extracts.extract(text, "t.txt", SPEC).get();
    assertEquals(6, d.paragraphs("overview").size());
    assertTrue(d.paragraphs("active").isEmpty());
  }

  @Test
  void aMissingPartIsNamed() {
    String seed = TestReports.seedText();
    String text = seed.substring(0, seed.indexOf("六、其他需要报告的事项"));
    Result<ReportData> r = Extracts.extract(text, "t.txt", SPEC);
    List<Diagnostic> missing = r.diagnostics().stream().filter(x -> x.code().equals("EXTRACT.SECTION_MISSING")).toList();
    assertEquals(1, missing.size(), r.diagnostics()::toString);
    assertTrue(missing.get(0).message().contains("六、其他需要报告的事项"));
  }

  @Test
  void aGbkTextFileReadsLikeUtf8() {
    byte[] gbk = TestReports.seedText().replace("･", "·").getBytes(Charset.forName("GB18030"));
    ReportData d = Extracts.extract(gbk, "gbk.txt", SPEC).get();
    assertEquals("拱墅区投资促进局", d.field("agency"));
    assertEquals(SPEC.cells().size(), d.values().size());
  }

  @Test
  void anInventedSubtotalRowIsR18ExtraSubtotalAndNotRead() {
    String seed = TestReports.seedText();
    int at = seed.indexOf("\t\n\t（四）无法提供");
    String text = seed.substring(0, at) + "\t\n\t（三）小计\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n" + seed.substring(at);
    Result<ReportData> r = Extracts.extract(text, "t.txt", SPEC);
    List<Diagnostic> r18 = r.diagnostics().stream().filter(x -> x.code().equals("R18.EXTRA_SUBTOTAL")).toList();
    assertEquals(1, r18.size(), r.diagnostics()::toString);
    assertTrue(r18.get(0).message().contains("（三）小计"), r18.get(0).message());
    assertTrue(r.diagnostics().stream().noneMatch(x -> x.code().equals("R18")), "R18 alone means format vs year");
    assertEquals(SPEC.cells().size(), r.get().values().size());
  }
}
