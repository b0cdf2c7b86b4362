package org.docmerge.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;

/** Everything a kind means lives in its folder (issue 14): the Java keeps the mechanisms only. */
class KindFolderTest {

  @Test
  void theJavaSourcesNameNoLabelOfAShippedKind() throws IOException {
    Pattern labels = Pattern.compile("表[二三四]|上年结转|行政复议|予以公开|拱墅");
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (labels.matcher(lines.get(i)).find()) {
            hits.add(f + ":" + (i + 1));
          }
        }
      }
    }
    assertEquals(List.of(), hits, "labels belong in templates/<kind>/spec.json");
  }

  @Test
  void theShippedKindsAreTheFoldersUnderTemplatesNewestFirst() throws IOException {
    List<String> folders;
    try (Stream<Path> s = Files.list(Path.of("templates"))) {
      folders = s.filter(p -> Files.exists(p.resolve("spec.json"))).map(p -> p.getFileName().toString()).toList();
    }
    assertEquals(folders.size(), SpecReader.SHIPPED.size(), SpecReader.SHIPPED::toString);
    assertTrue(SpecReader.SHIPPED.containsAll(folders), SpecReader.SHIPPED::toString);
    List<ReportSpec> specs = SpecReader.shippedSpecs();
    for (int i = 1; i < specs.size(); i++) {
      assertTrue(specs.get(i - 1).years().from() >= specs.get(i).years().from(), SpecReader.SHIPPED::toString);
    }
  }

  /** The 2019 form does not split 「其他处理」, so R15 cannot tell whether fee notices went out: it says so. */
  @Test
  void aRuleTheKindCannotRunIsSaidNotRunWithWhy() {
    ReportSpec spec2019 = SpecReader.load("gov-info-annual-2019").get().spec();
    ReportData.Builder b = new ReportData.Builder(spec2019.kind(), "年报.xlsx");
    b.field("year", "2020", Location.NONE);
    for (String id : spec2019.cells().keySet()) {
      b.value(id, CellValue.of(BigDecimal.ONE, Location.NONE));
    }
    List<Diagnostic> ds = new Validator(spec2019).validate(b.build());
    assertTrue(ds.stream().anyMatch(d -> d.code().equals("CHECK.NOT_RUN") && d.message().contains("R15")
        && d.message().contains("2019年版")), ds::toString);
    assertTrue(ds.stream().noneMatch(d -> d.code().equals("R15")), ds::toString);

    ReportSpec spec2021 = SpecReader.load("gov-info-annual-2021").get().spec();
    ReportData.Builder c = new ReportData.Builder(spec2021.kind(), "年报.xlsx");
    c.field("year", "2021", Location.NONE);
    for (String id : spec2021.cells().keySet()) {
      c.value(id, CellValue.of(BigDecimal.ONE, Location.NONE));
    }
    List<Diagnostic> d21 = new Validator(spec2021).validate(c.build());
    assertTrue(d21.stream().anyMatch(d -> d.code().equals("R15")), d21::toString);
    assertTrue(d21.stream().noneMatch(d -> d.code().equals("CHECK.NOT_RUN")), d21::toString);
  }
}
