package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Severity;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;

/**
 * Real published reports (src/test/resources/published, URLs in its README), kept in the shape they came in, each
 * with hand-entered expected values ({@code .expected}: the cells one can see, and the faults the report truly
 * has). Runs {@code check} on each, as a supervisor would, and prints and asserts: cells right / visible, true
 * faults found, false findings, errors that blame a publisher for what could not be read, crashes.
 *
 * <p>{@code .expected} lines: {@code kind:} a kind id or {@code unknown} (the visible parts cannot tell);
 * {@code year:}, {@code agency:}; {@code t3.new: 8 0 0 0 0 0 8} a row's visible cells left to right ({@code _}
 * blank, other text as printed); {@code fault: R01} one true finding of that rule; {@code #} comments.
 */
class PublishedCorpusTest {
  static final Path DIR = Path.of("src/test/resources/published");

  record Expected(String kind, String year, String agency, String published, Map<String, String> cells,
      List<String> faults) {}

  static Expected expected(Path file) throws IOException {
    String kind = null;
    String year = null;
    String agency = null;
    String published = null;
    Map<String, String> cells = new LinkedHashMap<>();
    List<String> faults = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "kind" -> kind = value;
        case "year" -> year = value;
        case "agency" -> agency = value;
        case "fault" -> faults.add(value);
        case "published" -> published = value;
        case "url", "form", "level" -> { }
        default -> cells.put(key, value);
      }
    }
    return new Expected(kind, year, agency, published, cells, faults);
  }

  /** The figures of one run over the corpus. */
  static final class Figures {
    int reports;
    int visible;
    int right;
    int wrong;
    int unread;
    int faults;
    int faultsFound;
    int falseFindings;
    int blame;
    int crashes;
    int kindsRight;
    int factsRight;
    int facts;
    final List<String> lines = new ArrayList<>();
  }

  static List<Path> reports() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> !p.toString().endsWith(".expected") && !p.getFileName().toString().equals("README.md"))
          .filter(p -> Files.exists(expectedOf(p))).sorted().toList();
    }
  }

  static Path expectedOf(Path report) {
    String n = report.getFileName().toString();
    return report.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".expected");
  }

  static Figures run() throws IOException {
    Figures f = new Figures();
    for (Path report : reports()) {
      f.reports++;
      Expected e = expected(expectedOf(report));
      try {
        one(report, e, f);
      } catch (RuntimeException | Error x) {
        f.crashes++;
        f.lines.add(report.getFileName() + ": CRASH " + x);
      }
    }
    return f;
  }

  static void one(Path report, Expected e, Figures f) {
    String kind = Docmerge.detectKind(report).orElseThrow();
    Docmerge engine = Docmerge.open(kind).get();
    Docmerge.Checked c = engine.check(report, Validator.Options.DEFAULT);
    ReportSpec spec = engine.kind().spec();
    ReportData data = c.data().orElseThrow();
    List<String> notes = new ArrayList<>();
    boolean unknown = c.diagnostics().stream().anyMatch(d -> d.code().equals("EXTRACT.FORMAT_UNKNOWN"));
    if (e.kind().equals("unknown") ? unknown : e.kind().equals(kind) && !unknown) {
      f.kindsRight++;
    } else {
      notes.add("kind " + kind + (unknown ? " (unknown)" : "") + " expected " + e.kind());
    }
    for (String[] fact : new String[][] {{"year", e.year()}, {"agency", e.agency()}, {"published", e.published()}}) {
      if (fact[1] != null) {
        f.facts++;
        if (org.docmerge.spec.Labels.simplify(data.field(fact[0])).equals(fact[1])) {
          f.factsRight++;
        } else {
          notes.add(fact[0] + "=「" + data.field(fact[0]) + "」 expected 「" + fact[1] + "」");
        }
      }
    }
    for (Map.Entry<String, String> row : e.cells().entrySet()) {
      String[] parts = row.getKey().split("\\.");
      ReportSpec.Table t = spec.table(parts[0]).orElseThrow();
      ReportSpec.Block block = t.blocks().stream().filter(b -> b.rows().stream().anyMatch(r -> r.id().equals(parts[1])))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(row.getKey()));
      String[] values = row.getValue().split("\\s+");
      for (int k = 0; k < values.length; k++) {
        String id = ReportSpec.cellId(t.id(), parts[1], block.columns().get(k).id());
        f.visible++;
        CellValue v = data.values().get(id);
        if (v == null) {
          f.unread++;
          notes.add("unread " + id);
        } else if (same(v, values[k])) {
          f.right++;
        } else {
          f.wrong++;
          notes.add("WRONG " + id + "=" + Extracts.shown(v) + " expected " + values[k]);
        }
      }
    }
    Map<String, Integer> expectedFaults = new HashMap<>();
    e.faults().forEach(x -> expectedFaults.merge(x, 1, Integer::sum));
    f.faults += e.faults().size();
    for (Diagnostic d : c.diagnostics()) {
      if (d.isError() && (d.code().startsWith("EXTRACT.") || d.code().equals("FIELD.MISSING"))) {
        f.blame++;
        notes.add("BLAME " + d);
      }
      boolean finding = d.severity() != Severity.INFO && (d.code().matches("R\\d\\d") || d.code().startsWith("FIELD."))
          && !d.code().equals("FIELD.MISSING");
      if (!finding) {
        continue;
      }
      Integer left = expectedFaults.get(d.code());
      if (left != null && left > 0) {
        expectedFaults.put(d.code(), left - 1);
        f.faultsFound++;
      } else {
        f.falseFindings++;
        notes.add("FALSE " + d);
      }
    }
    expectedFaults.forEach((code, n) -> {
      if (n > 0) {
        notes.add("missed " + n + "× " + code);
      }
    });
    f.lines.add(report.getFileName() + (notes.isEmpty() ? ": ok" : ": " + String.join("; ", notes)));
  }

  static boolean same(CellValue v, String expected) {
    if (expected.equals("_")) {
      return v.isBlank();
    }
    if (expected.matches("[+-]?\\d+(\\.\\d+)?")) {
      return v.isNumber() && v.number().compareTo(new BigDecimal(expected)) == 0;
    }
    return !v.isNumber() && v.text().strip().equals(expected);
  }

  @Test
  void everyRealReportIsReadAndCheckedHonestly() throws IOException {
    Figures f = run();
    System.out.println("Published corpus: " + f.reports + " reports");
    f.lines.forEach(l -> System.out.println("  " + l));
    System.out.printf("cells right / visible: %d / %d (wrong %d, not read %d)%n", f.right, f.visible, f.wrong, f.unread);
    System.out.printf("true faults found: %d / %d; false findings: %d%n", f.faultsFound, f.faults, f.falseFindings);
    System.out.printf("format told right: %d / %d; cover facts right: %d / %d%n", f.kindsRight, f.reports,
        f.factsRight, f.facts);
    System.out.printf("errors blaming the publisher for what could not be read: %d; crashes: %d%n", f.blame, f.crashes);
    assertTrue(f.reports >= 12, "the corpus is there: " + f.reports);
    assertEquals(0, f.crashes, "crashes");
    assertEquals(0, f.blame, "errors that blame a publisher for what could not be read");
    assertEquals(0, f.wrong, "a cell read is read right");
    assertEquals(0, f.falseFindings, "false findings");
  }
}
