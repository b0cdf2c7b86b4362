package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/collect-demo.sh} against a fresh server: exits 0, leaves members/, status.xlsx and aggregate.xlsx, and
 * openpyxl (independently of docmerge) finds every number of the aggregate equal to the sum of the members' cells
 * and every member in the status sheet.
 */
@Tag("slow")
class CollectDemoScriptTest {
  @TempDir
  Path dir;

  static final String CHECK = """
      import glob, sys, openpyxl
      out = sys.argv[1]
      agg = openpyxl.load_workbook(out + '/aggregate.xlsx')
      members = [openpyxl.load_workbook(f) for f in sorted(glob.glob(out + '/members/*.xlsx'))]
      assert len(members) == 6, len(members)
      compared = 0
      for sh in ['表二', '表三', '表四']:
          for row in agg[sh].iter_rows():
              for c in row:
                  if isinstance(c.value, str) and c.value.startswith('='):
                      continue  # a total: a formula over the summed cells
                  if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                      vals = [m[sh][c.coordinate].value for m in members]
                      assert all(isinstance(v, (int, float)) for v in vals), (sh, c.coordinate, vals)
                      assert abs(sum(vals) - c.value) < 1e-9, (sh, c.coordinate, c.value, vals)
                      compared += 1
      assert compared > 100, compared
      status = openpyxl.load_workbook(out + '/status.xlsx').active
      names = [r[1] for r in status.iter_rows(min_row=2, values_only=True)]
      assert names == ['演示甲局', '演示乙局', '演示丙局', '演示丁局', '演示戊局', '演示己局'], names
      print('compared', compared)
      """;

  @Test
  void demoScriptDrivesAWholeJanuary() throws Exception {
    Path python = RealClients.python();
    RealClients.require("curl");
    Path out = dir.resolve("demo-out");
    try (Server server = new Server(dir.resolve("collect"), null, Instant.now())) {
      Process p = new ProcessBuilder("bash", "docs/collect-demo.sh", server.base().toString(), out.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(180, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), log);
      assertTrue(log.contains("演示丙局: first upload has"), log);
    }
    for (String f : List.of("status.xlsx", "aggregate.xlsx", "reports.zip")) {
      assertTrue(Files.size(out.resolve(f)) > 1000, f);
    }
    Files.writeString(dir.resolve("check.py"), CHECK);
    List<String> lines = RealClients.run(List.of(python.toString(), dir.resolve("check.py").toString(), out.toString()), dir);
    assertTrue(String.join("\n", lines).contains("compared"), lines.toString());
  }
}
