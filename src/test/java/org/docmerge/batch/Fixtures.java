package org.docmerge.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.docmerge.cli.CliRunner;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.docmerge.workbook.TestWorkbooks;
import org.docmerge.workbook.WorkbookWriter;

/** Workbooks and CLI runs for the batch and aggregate tests. */
final class Fixtures {
  static final ReportSpec SPEC = TestWorkbooks.spec();
  static final Path SAMPLES = Path.of("input-samples");

  private Fixtures() {}

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    CliRunner.Run r = CliRunner.run(args);
    return new Run(r.code(), r.out(), r.err());
  }

  /** A consistent report of its own unit (测试机关{seed}), for {@code year}. */
  static ReportData member(long seed, int year) {
    return with(SampleData.random(SPEC, seed), "year", String.valueOf(year));
  }

  static ReportData with(ReportData d, String field, String value) {
    ReportData.Builder b = new ReportData.Builder(d.kind(), d.source());
    d.fields().forEach((k, v) -> b.field(k, k.equals(field) ? value : v, Location.NONE));
    d.prose().forEach((k, v) -> b.prose(k, v, Location.NONE));
    d.values().forEach(b::value);
    return b.build();
  }

  static ReportData withValue(ReportData d, String cell, BigDecimal value) {
    ReportData.Builder b = new ReportData.Builder(d.kind(), d.source());
    d.fields().forEach((k, v) -> b.field(k, v, Location.NONE));
    d.prose().forEach((k, v) -> b.prose(k, v, Location.NONE));
    d.values().forEach((k, v) -> b.value(k, k.equals(cell) ? CellValue.of(value, Location.NONE) : v));
    return b.build();
  }

  static Path write(Path dir, String name, ReportData d) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.write(p, WorkbookWriter.write(SPEC, d));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The visible (not hidden) files of a folder, by name. */
  static List<String> visible(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> all(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String report(String agency, int year) {
    return agency + year + "年政府信息公开工作年度报告.docx";
  }
}
