package org.docmerge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.cli.CliRunner;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.workbook.WorkbookWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message about a cell says the unit the spec gives that cell: the website form's 平均办理时间 is in 天, never
 * 万元 (the 元/万元 slips are looked for only in a fee), while the annual report's fee keeps its 万元 advice.
 */
class UnitInMessagesTest {
  static final String WEBSITE = "gov-website-annual";
  static Docmerge engine;
  static ReportData sample;
  static ReportSpec.CellSpec days;

  @BeforeAll
  static void open() {
    engine = Docmerge.open(WEBSITE).get();
    sample = engine.check(Path.of("input-samples", "gov-website-annual-sample.xlsx"), Validator.Options.DEFAULT)
        .data().orElseThrow();
    days = engine.kind().spec().cells().values().stream()
        .filter(c -> c.row().label().stream().anyMatch(l -> l.contains("平均办理时间"))
            || c.column().label().stream().anyMatch(l -> l.contains("平均办理时间")))
        .findFirst().orElseThrow();
  }

  @Test
  void theSpecSaysDaysForTheAverageTimeAndWanYuanForTheFee() {
    assertEquals("天", days.unit());
    ReportSpec annual = Docmerge.open("gov-info-annual-2021").get().kind().spec();
    ReportSpec.CellSpec fee = annual.cells().values().stream().filter(c -> "money".equals(c.type())).findFirst().orElseThrow();
    assertEquals("万元", fee.unit());
    ReportSpec old = Docmerge.open("gov-info-annual-2019").get().kind().spec();
    assertEquals("万元", old.cells().values().stream().filter(c -> "money".equals(c.type())).findFirst().orElseThrow().unit(),
        "a money cell whose label states no unit is in 万元");
  }

  @Test
  void checkOfABadAverageTimeSpeaksOfDaysNotWanYuan(@TempDir Path dir) throws Exception {
    CellValue old = sample.values().get(days.id());
    String cell = old.location().cellRef();
    Map<String, CellValue> bad = Map.of(
        "text", new CellValue(null, "约3天", old.location()),
        "many decimals", CellValue.of(new BigDecimal("2.123456"), old.location()),
        "large", CellValue.of(new BigDecimal("20000"), old.location()),
        "negative", CellValue.of(new BigDecimal("-2.5"), old.location()));
    for (var e : bad.entrySet()) {
      Map<String, CellValue> values = new LinkedHashMap<>(sample.values());
      values.put(days.id(), e.getValue());
      Path file = dir.resolve(e.getKey().replace(' ', '-') + ".xlsx");
      Files.write(file, WorkbookWriter.write(engine.kind().spec(), new ReportData(sample.kind(), sample.source(),
          sample.fields(), sample.fieldLocations(), sample.prose(), sample.proseLocations(), values, sample.lists())));
      CliRunner.Run r = CliRunner.run("check", "--kind", WEBSITE, file.toString());
      List<String> about = r.out().lines().filter(l -> l.contains("!" + cell + ":")).toList();
      assertFalse(r.out().contains("万元"), () -> e.getKey() + ": no message mentions 万元\n" + r.out());
      switch (e.getKey()) {
        case "text" -> {
          assertEquals(1, r.code(), r.out());
          assertTrue(about.stream().anyMatch(l -> l.contains("R02") && l.contains("单位：天")), () -> about + "\n" + r.out());
        }
        case "negative" -> {
          assertEquals(1, r.code(), r.out());
          assertTrue(about.stream().anyMatch(l -> l.contains("R02") && l.contains("为负数")), () -> about + "\n" + r.out());
        }
        default -> assertTrue(about.stream().noneMatch(l -> l.contains("R02")), () -> e.getKey() + ": a fine number of days\n" + r.out());
      }
    }
  }

  @Test
  void theFeeKeepsItsWanYuanAdvice() {
    ReportSpec annual = Docmerge.open("gov-info-annual-2021").get().kind().spec();
    ReportSpec.CellSpec fee = annual.cells().values().stream().filter(c -> "money".equals(c.type())).findFirst().orElseThrow();
    ReportData data = org.docmerge.TestReports.seed();
    Map<String, CellValue> values = new LinkedHashMap<>(data.values());
    values.put(fee.id(), new CellValue(null, "五元", data.values().get(fee.id()).location()));
    List<org.docmerge.diag.Diagnostic> found = new Validator(annual).validate(new ReportData(data.kind(), data.source(),
        data.fields(), data.fieldLocations(), data.prose(), data.proseLocations(), values, data.lists()));
    assertTrue(found.stream().anyMatch(d -> d.code().equals("R02") && d.message().contains("金额（单位：万元）")), found::toString);
  }

  @Test
  void theInitWorkbooksRefusalOfABadAverageTimeSaysDays() throws Exception {
    CellValue at = sample.values().get(days.id());
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        new java.io.ByteArrayInputStream(WorkbookWriter.write(engine.kind().spec(), null)))) {
      var hints = wb.getSheet(at.location().sheet()).getDataValidations().stream()
          .filter(v -> java.util.Arrays.stream(v.getRegions().getCellRangeAddresses())
              .anyMatch(r -> r.isInRange(at.location().row(), at.location().column())))
          .map(v -> v.getErrorBoxTitle() + " " + v.getErrorBoxText()).toList();
      assertEquals(1, hints.size(), hints::toString);
      assertTrue(hints.get(0).contains("以天为单位") && !hints.get(0).contains("万元"), hints::toString);
    }
  }
}
