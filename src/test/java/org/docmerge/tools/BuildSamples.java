package org.docmerge.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.workbook.TestWorkbooks;
import org.docmerge.workbook.WorkbookReader;
import org.docmerge.workbook.WorkbookWriter;

/**
 * Regenerates the committed workbooks in {@code input-samples/} from {@link SampleData}, through the same
 * {@link WorkbookWriter} that {@code docmerge init} uses. Run from the repository root:
 * {@code mvn -q -o test-compile exec:java}-style, or with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> org.docmerge.tools.BuildSamples input-samples}.
 * Prints what it wrote and what the reader says about each file.
 */
public final class BuildSamples {

  private BuildSamples() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "input-samples");
    Files.createDirectories(out);
    ReportSpec spec = TestWorkbooks.spec();

    ReportData gongshu = SampleData.gongshu(spec);
    // 五 as one cell with line breaks, so the samples exercise both prose forms (rows and Alt+Enter).
    byte[] g = TestWorkbooks.joinParagraphs(WorkbookWriter.write(spec, gongshu), spec, gongshu, "problems");
    write(out, "gongshu-investment-2021.xlsx", g, spec);
    write(out, "district-large-2021.xlsx", WorkbookWriter.write(spec, SampleData.district(spec)), spec);
    write(out, "broken-2021.xlsx", TestWorkbooks.breakSample(g, spec), spec);
  }

  private static void write(Path dir, String name, byte[] bytes, ReportSpec spec) throws IOException {
    Files.write(dir.resolve(name), bytes);
    Result<ReportData> r = WorkbookReader.read(dir.resolve(name), name, spec);
    System.out.println(name + ": " + bytes.length + " bytes, " + r.diagnostics().size() + " diagnostics");
    r.diagnostics().forEach(d -> System.out.println("  " + d));
  }
}
