package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;

/**
 * Published reports as Word and WPS really write them. Each real text report of the corpus with table cells is
 * rendered in the official layout (merged cells as Word writes them), and so is our own seed report; each such
 * .docx is then rewritten in every {@link WordShapes} way (tracked changes, content controls, text boxes, hidden
 * text, fields, old merges, rows starting late, split and nested tables…). Every shape must read the same cells,
 * cover facts and prose as the report it came from: 0 cells wrong, 0 unread.
 */
class WordReportsTest {
  /** A report as a plain .docx and what it shows. */
  record Base(String name, ReportSpec spec, byte[] docx, Map<String, String> cells, ReportData read,
      List<String> paragraphs) {}

  static final List<String> FACTS = List.of("agency", "year", "published");

  /** Our seed report and every real text report with cells, rendered as .docx in the official layout. */
  static List<Base> bases() throws IOException {
    List<Base> out = new ArrayList<>();
    Map<String, Docmerge> engines = new java.util.HashMap<>();
    Docmerge seed = engines.computeIfAbsent("gov-info-annual-2021", k -> Docmerge.open(k).get());
    ReportData seedData = seed.readAny(Path.of("input-samples/gongshu-investment-2021.xlsx")).get();
    out.add(base("gongshu-investment-2021 (merged)", seed, seed.render(seedData), null));
    for (Path file : RelaidCorpusTest.textReports()) {
      String kind = Docmerge.detectKind(file).orElseThrow();
      Docmerge engine = engines.computeIfAbsent(kind, k -> Docmerge.open(k).get());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      ReportData data = Extracts.extract(text, file.getFileName().toString(), engine.kind().spec()).get();
      if (data.values().isEmpty()) {
        continue;
      }
      out.add(base(file.getFileName().toString(), engine, engine.render(data), RelaidCorpusTest.cells(data)));
    }
    return out;
  }

  static Base base(String name, Docmerge engine, byte[] docx, Map<String, String> published) {
    ReportSpec spec = engine.kind().spec();
    ReportData read = Extracts.extract(docx, name + ".docx", spec).get();
    Map<String, String> cells = RelaidCorpusTest.cells(read);
    if (published != null) {
      // the layout shows every cell: those the report did not show are blank
      Map<String, String> shown = new TreeMap<>(cells);
      shown.values().removeIf(v -> v.equals("「」"));
      Map<String, String> printed = new TreeMap<>(published);
      printed.values().removeIf(v -> v.equals("「」"));
      assertEquals(printed, shown, name + ": the rendered .docx reads as the report as published");
    }
    return new Base(name, spec, docx, cells, read, paragraphs(org.docmerge.report.Reports.read(docx, name).get()));
  }

  /** Cells right, wrong and unread of one read against its base; differences into {@code failures}. */
  static int[] compare(Base b, String what, byte[] bytes, String file, List<String> failures) {
    int[] rwu = new int[3];
    Result<ReportData> r;
    try {
      r = Extracts.extract(bytes, file, b.spec());
      if (r.value().isEmpty()) {
        throw new IllegalStateException(r.diagnostics().toString());
      }
    } catch (RuntimeException | AssertionError e) {
      failures.add(b.name() + " / " + what + ": " + e.toString().substring(0, Math.min(300, e.toString().length())));
      rwu[2] = b.cells().size();
      return rwu;
    }
    Map<String, String> got = RelaidCorpusTest.cells(r.get());
    for (Map.Entry<String, String> e : b.cells().entrySet()) {
      String v = got.get(e.getKey());
      if (v == null) {
        rwu[2]++;
        failures.add(b.name() + " / " + what + ": unread " + e.getKey());
      } else if (v.equals(e.getValue())) {
        rwu[0]++;
      } else {
        rwu[1]++;
        failures.add(b.name() + " / " + what + ": WRONG " + e.getKey() + "=" + v + " expected " + e.getValue());
      }
    }
    got.keySet().stream().filter(k -> !b.cells().containsKey(k)).forEach(k -> {
      rwu[1]++;
      failures.add(b.name() + " / " + what + ": WRONG " + k + " read " + got.get(k) + " but not in the report");
    });
    for (String f : FACTS) {
      if (!b.read().field(f).equals(r.get().field(f))) {
        failures.add(b.name() + " / " + what + ": " + f + "=「" + r.get().field(f) + "」 expected 「" + b.read().field(f) + "」");
      }
    }
    if (!b.read().prose().equals(r.get().prose())) {
      failures.add(b.name() + " / " + what + ": prose " + r.get().prose() + " expected " + b.read().prose());
    }
    List<String> paragraphs = paragraphs(org.docmerge.report.Reports.read(bytes, file).get());
    if (!paragraphs.equals(b.paragraphs())) {
      failures.add(b.name() + " / " + what + ": paragraphs " + paragraphs);
    }
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      failures.add(b.name() + " / " + what + ": errors " + errors);
    }
    return rwu;
  }

  static List<String> paragraphs(org.docmerge.report.PublishedReport r) {
    return r.blocks().stream().filter(x -> x instanceof org.docmerge.report.PublishedReport.Paragraph)
        .map(x -> ((org.docmerge.report.PublishedReport.Paragraph) x).text()).toList();
  }

  @Test
  void everyWayWordAndWpsWriteAReportReadsTheSameCells() throws IOException {
    List<Base> bases = bases();
    List<String> failures = new ArrayList<>();
    Map<String, int[]> byShape = new TreeMap<>();
    for (int si = 0; si < WordShapes.SHAPES.size(); si++) {
      WordShapes.Shape shape = WordShapes.SHAPES.get(si);
      int[] sum = new int[3];
      for (int bi = 0; bi < bases.size(); bi++) {
        Base b = bases.get(bi);
        if (bi > 0 && bi % 3 != si % 3) {
          continue; // each shape on our seed and a third of the corpus, each report in a third of the shapes
        }
        byte[] docx;
        try {
          docx = WordShapes.apply(b.docx(), shape.change());
        } catch (RuntimeException e) {
          failures.add(b.name() + " / " + shape.name() + ": the shape could not be made: " + e);
          continue;
        }
        List<String> found = new ArrayList<>();
        int[] rwu = compare(b, shape.name(), docx, "shaped.docx", found);
        failures.addAll(found);
        for (int i = 0; i < 3; i++) {
          sum[i] += rwu[i];
        }
      }
      byShape.put(shape.name(), sum);
    }
    System.out.println("Word shapes: " + bases.size() + " reports (our seed + the corpus's text reports with cells)");
    byShape.forEach((k, s) -> System.out.printf("  %-72s cells right / cells %d / %d (wrong %d, unread %d)%n", k, s[0],
        s[0] + s[1] + s[2], s[1], s[2]));
    failures.stream().limit(60).forEach(f -> System.out.println("  " + f));
    assertTrue(bases.size() > 30, "reports " + bases.size());
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }
}
