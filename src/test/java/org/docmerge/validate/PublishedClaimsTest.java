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
}
