package org.docmerge.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.docmerge.Docmerge;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;

/**
 * Per-stage CPU of the batch path on one thread, after warm-up, for bench/run.sh's profile line:
 * {@code BenchStages <folder> [count]} prints CPU ms per workbook for each stage.
 */
public final class BenchStages {
  private BenchStages() {}

  private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

  /** This thread's CPU time: the machine is shared, so wall time would measure the neighbours too. */
  private static long cpu() {
    return MX.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    List<byte[]> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".xlsx")).sorted().limit(count).toList()) {
        files.add(Files.readAllBytes(p));
      }
    }
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    ReportSpec spec = engine.kind().spec();
    Validator validator = new Validator(spec);
    engine.template();
    for (int round = 0; round < 4; round++) {
      long tOpen = 0;
      long tRead = 0;
      long tXssf = 0;
      long tValidate = 0;
      long tRender = 0;
      for (byte[] b : files) {
        long t0 = cpu();
        FastXlsx.open(b).orElseThrow().close();
        long t1 = cpu();
        ReportData d = WorkbookReader.read(b, "x.xlsx", spec).get();
        long t2 = cpu();
        validator.validate(d);
        long t3 = cpu();
        engine.render(d);
        long t4 = cpu();
        if (round == 3) {
          WorkbookReader.read(b, "x.xlsx", spec, WorkbookReader.Limits.DEFAULT, false);
        }
        long t5 = cpu();
        tOpen += t1 - t0;
        tRead += t2 - t1;
        tValidate += t3 - t2;
        tRender += t4 - t3;
        tXssf += t5 - t4;
      }
      double n = files.size() * 1e6;
      System.out.printf("round %d: fast open %.2f ms, read (fast open + reader) %.2f ms, validate %.2f ms, render %.2f ms%s%n",
          round, tOpen / n, tRead / n, tValidate / n, tRender / n,
          round == 3 ? String.format(", read via XSSF %.2f ms", tXssf / n) : "");
    }
  }
}
