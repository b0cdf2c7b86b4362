package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.docmerge.Docmerge;
import org.docmerge.TestReports;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.report.docx.DocxReport;
import org.docmerge.report.PublishedReport;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * extract(merge(w)) gives back every value of w, every field the document prints and every paragraph: for the
 * samples and for generated varied workbooks, through the .docx and through its plain-text copy.
 */
class RoundTripExtractTest {
  static final Docmerge ENGINE = Docmerge.open("gov-info-annual-2021").get();
  static final ReportSpec SPEC = ENGINE.kind().spec();
  /** What the template prints of the cover; unitType, url and published are not printed. */
  static final List<String> PRINTED = List.of("agency", "year");

  static Stream<Arguments> reports() {
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of("gongshu", SampleData.gongshu(SPEC)));
    all.add(Arguments.of("district", SampleData.district(SPEC)));
    LongStream.range(1, 21).forEach(seed -> all.add(Arguments.of("random-" + seed, withRunIns(SampleData.random(SPEC, seed)))));
    return all.stream();
  }

  /**
   * Part 一's subjects are told apart by their run-in headings 「（一）…」, as every real report writes them;
   * generated prose gets them so that the subjects are distinguishable.
   */
  static ReportData withRunIns(ReportData d) {
    ReportData.Builder b = new ReportData.Builder(d.kind(), d.source());
    d.fields().forEach((k, v) -> b.field(k, v, Location.NONE));
    String[] runIns = {"（一）", "（二）", "（三）", "（四）", "（五）"};
    int i = 0;
    for (ReportSpec.Section s : SPEC.sections()) {
      List<String> ps = new ArrayList<>(d.paragraphs(s.id()));
      if (s.subjectOf() != null) {
        ps.set(0, runIns[i++] + s.label().substring(3) + "方面。" + ps.get(0));
      }
      b.prose(s.id(), ps, Location.NONE);
    }
    d.values().forEach(b::value);
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void throughTheDocx(String name, ReportData data) {
    byte[] docx = ENGINE.render(data);
    Result<ReportData> back = Extracts.extract(docx, name + ".docx", SPEC);
    assertFalse(back.hasErrors(), () -> back.diagnostics().toString());
    Extracts.assertSameReport(data, back.get(), PRINTED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void throughThePlainTextCopyOfTheDocx(String name, ReportData data) {
    PublishedReport docx = DocxReport.read(ENGINE.render(data), name + ".docx");
    String text = SeedForm.write(docx);
    Result<ReportData> back = Extracts.extract(text.getBytes(StandardCharsets.UTF_8), name + ".txt", SPEC);
    assertFalse(back.hasErrors(), () -> back.diagnostics().toString());
    Extracts.assertSameReport(data, back.get(), PRINTED);
  }

  @org.junit.jupiter.api.Test
  void thePlainTextCopyOfTheMergedSeedIsTheSeedText() {
    PublishedReport docx = DocxReport.read(ENGINE.render(SampleData.gongshu(SPEC)), "seed.docx");
    assertEquals(TestReports.lines(TestReports.seedText()), TestReports.lines(SeedForm.write(docx)));
  }
}
