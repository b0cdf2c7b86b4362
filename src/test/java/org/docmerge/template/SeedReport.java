package org.docmerge.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportKind;
import org.docmerge.spec.SpecReader;

/** The seed report (拱墅区投资促进局 2021) as render input, built by hand from its text. Test helper. */
final class SeedReport {
  static final String SEED = "/golden/gongshu-investment-2021/expected.txt";

  final List<String> lines;
  final Map<String, String> inline = new HashMap<>();
  final Map<String, List<String>> blocks = new LinkedHashMap<>();

  private SeedReport(ReportSpec spec) {
    lines = seedLines();
    inline.put("year", "2021");
    inline.put("agency", "拱墅区投资促进局");
    // The cover fields the template does not print still get values, as the facade will pass them.
    inline.put("unitType", "部门");
    inline.put("url", "http://www.gongshu.gov.cn/col/col1229486972/index.html");
    inline.put("published", "2022-01-20");
    for (String cell : spec.cells().keySet()) {
      inline.put(cell, "0");
    }
    for (String c : List.of("t3.new.natural", "t3.new.total", "t3.open.natural", "t3.open.total",
        "t3.total.natural", "t3.total.total")) {
      inline.put(c, "1");
    }
    blocks.put("intro", List.of(lines.get(2)));
    int h1 = lines.indexOf("一、总体情况");
    List<String> subjects = List.of("overview", "active", "request", "management", "platform", "supervision");
    for (int i = 0; i < subjects.size(); i++) {
      blocks.put(subjects.get(i), List.of(lines.get(h1 + 1 + i)));
    }
    int h5 = lines.indexOf("五、存在的主要问题及改进情况");
    int h6 = lines.indexOf("六、其他需要报告的事项");
    blocks.put("problems", new ArrayList<>(lines.subList(h5 + 1, h6)));
    blocks.put("other", new ArrayList<>(lines.subList(h6 + 1, lines.size())));
  }

  static SeedReport load(ReportSpec spec) {
    return new SeedReport(spec);
  }

  /** The seed's non-blank trimmed lines: the ground truth for the rendered document's text. */
  static List<String> seedLines() {
    try (InputStream in = SeedReport.class.getResourceAsStream(SEED)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String l : text.split("\\R")) {
        if (!l.strip().isEmpty()) {
          out.add(l.strip());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReportKind kind() {
    return SpecReader.load("templates/gov-info-annual-2021").get();
  }
}
