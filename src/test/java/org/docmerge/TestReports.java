package org.docmerge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;

/** Reports built in code for tests: the seed report and variations of it. */
public final class TestReports {
  private TestReports() {}

  public static ReportSpec spec2021() {
    return SpecReader.load(SpecReader.DEFAULT_KIND).get().spec();
  }

  /** The seed report's text (拱墅区投资促进局 2021), as shipped in the golden folder. */
  public static String seedText() {
    try (InputStream in = TestReports.class.getResourceAsStream("/golden/gongshu-investment-2021/expected.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-blank trimmed lines of a text: what the golden tests compare. */
  public static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The seed's prose sections, read from its text by their headings. */
  public static Map<String, List<String>> seedProse() {
    List<String> lines = lines(seedText());
    Map<String, List<String>> prose = new LinkedHashMap<>();
    prose.put("intro", List.of(lines.get(2)));
    int one = lines.indexOf("一、总体情况");
    prose.put("overview", List.of(lines.get(one + 1)));
    String[] subjects = {"active", "request", "management", "platform", "supervision"};
    for (int i = 0; i < 5; i++) {
      prose.put(subjects[i], List.of(lines.get(one + 2 + i)));
    }
    int five = lines.indexOf("五、存在的主要问题及改进情况");
    int six = lines.indexOf("六、其他需要报告的事项");
    prose.put("problems", new ArrayList<>(lines.subList(five + 1, six)));
    prose.put("other", new ArrayList<>(lines.subList(six + 1, lines.size())));
    return prose;
  }

  /** The seed report as data: every count 0 but one request from a natural person, answered. */
  public static ReportData.Builder seedBuilder() {
    ReportSpec spec = spec2021();
    ReportData.Builder b = new ReportData.Builder(spec.kind(), "seed.xlsx");
    b.field("agency", "拱墅区投资促进局", Location.cell("seed.xlsx", "封面", 1, 1));
    b.field("year", "2021", Location.cell("seed.xlsx", "封面", 2, 1));
    b.field("unitType", "部门", Location.cell("seed.xlsx", "封面", 3, 1));
    b.field("url", "http://www.gongshu.gov.cn/col/col1229486972/index.html", Location.cell("seed.xlsx", "封面", 4, 1));
    int row = 2;
    for (Map.Entry<String, List<String>> e : seedProse().entrySet()) {
      b.prose(e.getKey(), e.getValue(), Location.cell("seed.xlsx", "正文", row++, 1));
    }
    Map<String, Integer> ones = Map.of(
        "t3.new.natural", 1, "t3.new.total", 1, "t3.open.natural", 1, "t3.open.total", 1,
        "t3.total.natural", 1, "t3.total.total", 1);
    for (ReportSpec.Table t : spec.tables()) {
      int r = 0;
      for (ReportSpec.Block block : t.blocks()) {
        for (ReportSpec.Line line : block.rows()) {
          int c = 0;
          for (ReportSpec.Line col : block.columns()) {
            String id = ReportSpec.cellId(t.id(), line.id(), col.id());
            Location at = Location.cell("seed.xlsx", t.sheet(), 5 + r, 3 + c);
            b.value(id, CellValue.of(BigDecimal.valueOf(ones.getOrDefault(id, 0)), at));
            c++;
          }
          r++;
        }
      }
    }
    return b;
  }

  public static ReportData seed() {
    return seedBuilder().build();
  }

  /** The seed with one value changed. */
  public static ReportData seedWith(String cellId, CellValue value) {
    ReportData.Builder b = seedBuilder();
    ReportData seed = b.build();
    CellValue old = seed.values().get(cellId);
    if (old == null) {
      throw new IllegalArgumentException(cellId);
    }
    return b.value(cellId, new CellValue(value.number(), value.text(), old.location())).build();
  }

  public static ReportData seedWith(String cellId, long number) {
    return seedWith(cellId, CellValue.of(number));
  }

  /** The seed with one prose section replaced. */
  public static ReportData seedWithProse(String section, String... paragraphs) {
    ReportData.Builder b = seedBuilder();
    return b.prose(section, List.of(paragraphs), Location.cell("seed.xlsx", "正文", 9, 1)).build();
  }
}
