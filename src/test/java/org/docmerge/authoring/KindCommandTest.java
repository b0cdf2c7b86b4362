package org.docmerge.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.cli.CliRunner;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.SpecReader;
import org.docmerge.validate.Validator;
import org.docmerge.workbook.WorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docmerge kind check on every shipped kind and on kinds broken on purpose; kind new from a Word template. */
class KindCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyShippedKindPasses() {
    for (String kind : SpecReader.SHIPPED) {
      CliRunner.Run r = kind.equals("gov-info-annual-2021")
          ? CliRunner.run("kind", "check", "templates/" + kind, "--sample", "input-samples/gongshu-investment-2021.xlsx")
          : CliRunner.run("kind", "check", "templates/" + kind);
      assertEquals(0, r.code(), () -> kind + ":\n" + r.out() + r.err());
      assertTrue(r.out().contains("报告类型检查通过"), r.out());
    }
  }

  static Path copyKind(Path dir) throws Exception {
    Path kind = Files.createDirectories(dir.resolve("gov-website-annual"));
    for (String f : new String[] {"spec.json", "template.docx"}) {
      Files.copy(Path.of("templates/gov-website-annual", f), kind.resolve(f));
    }
    return kind;
  }

  @Test
  void eachFaultOfABrokenKindIsNamedAtItsPlace(@TempDir Path dir) throws Exception {
    Path kind = copyKind(dir);
    ObjectNode spec = (ObjectNode) JSON.readTree(kind.resolve("spec.json").toFile());
    // 1: the template's {{icp}} is no longer bound; 2: a list column the template never shows; 3: a bound with a
    // cell on both sides.
    ArrayNode fields = (ArrayNode) spec.get("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("id").asText().equals("icp")) {
        fields.remove(i);
        break;
      }
    }
    ((ArrayNode) spec.get("lists").get(0).get("columns")).addObject().put("id", "url").put("label", "网址").put("type", "text");
    for (JsonNode b : spec.get("bounds")) {
      if (b.get("rule").asText().equals("W05")) {
        ((ObjectNode) b).putArray("left").add("w.issuesFound.n");
      }
    }
    Files.writeString(kind.resolve("spec.json"), JSON.writeValueAsString(spec));
    CliRunner.Run r = CliRunner.run("kind", "check", kind.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("TEMPLATE.UNKNOWN_TAG") && r.out().contains("{{icp}}") && r.out().contains("正文 表1 第6行"), r.out());
    assertTrue(r.out().contains("spec.json:lists/accounts.url: 错误 KIND.UNREACHABLE"), r.out());
    assertTrue(r.out().contains("spec.json:bounds/W05: 错误 KIND.IDENTITY"), r.out());
  }

  @Test
  void aMisspeltSpecFieldIsNamedWithItsPathAndLine(@TempDir Path dir) throws Exception {
    Path kind = copyKind(dir);
    String spec = Files.readString(kind.resolve("spec.json")).replace("\"maxRows\": 1000,", "\"maxRows\": 1000, \"colums\": [],");
    Files.writeString(kind.resolve("spec.json"), spec);
    CliRunner.Run r = CliRunner.run("kind", "check", kind.toString());
    assertTrue(r.out().contains("spec.json:lists[0].colums: 错误 SPEC.SYNTAX") && r.out().contains("「colums」"), r.out());
  }

  @Test
  void aSampleThatBreaksABoundIsNamedAtItsCell(@TempDir Path dir) throws Exception {
    Path kind = copyKind(dir);
    Docmerge engine = Docmerge.open(kind.toString()).get();
    ReportData sample = engine.check(Path.of("input-samples/gov-website-annual-sample.xlsx"), Validator.Options.DEFAULT)
        .data().orElseThrow();
    Map<String, CellValue> values = new LinkedHashMap<>(sample.values());
    values.put("w.issuesFixed.n", CellValue.of(BigDecimal.valueOf(99), null));
    ReportData bad = new ReportData(sample.kind(), "sample.xlsx", sample.fields(), sample.fieldLocations(), sample.prose(),
        sample.proseLocations(), values, sample.lists());
    Files.write(kind.resolve("sample.xlsx"), WorkbookWriter.write(engine.kind().spec(), bad));
    CliRunner.Run r = CliRunner.run("kind", "check", kind.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().matches("(?s).*sample\\.xlsx:统计数据![A-Z]+\\d+: 错误 W05: 问题整改数量（99）不能大于发现问题数量（27）.*"), r.out());
  }

  @Test
  void kindNewWritesASkeletonThatKindCheckAccepts(@TempDir Path dir) throws Exception {
    Path kind = dir.resolve("my-kind");
    CliRunner.Run made = CliRunner.run("kind", "new", kind.toString(), "--template", "templates/gov-website-annual/template.docx");
    assertEquals(0, made.code(), made.out() + made.err());
    JsonNode spec = JSON.readTree(kind.resolve("spec.json").toFile());
    assertEquals(32, spec.get("tables").get(0).get("blocks").get(0).get("rows").size());
    assertEquals(4, spec.get("lists").get(0).get("columns").size());
    assertEquals("innovation", spec.get("sections").get(0).get("id").asText());
    CliRunner.Run checked = CliRunner.run("kind", "check", kind.toString());
    assertEquals(0, checked.code(), checked.out());
    assertTrue(checked.out().contains("KIND.TODO_LABEL"), checked.out());
    assertEquals(2, CliRunner.run("kind", "new", kind.toString(), "--template", "templates/gov-website-annual/template.docx").code(),
        "an existing spec is never overwritten");
  }
}
