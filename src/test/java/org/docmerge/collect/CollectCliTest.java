package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.docmerge.cli.CliRunner;
import org.docmerge.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;

/** The command line of {@code serve --collect}: the options are in the help, and --db alone is a usage error. */
class CollectCliTest {
  @Test
  void helpNamesCollectAndDb() {
    Run r = CliRunner.run("serve", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--collect") && r.out().contains("--db") && r.out().contains("年报收集"), r.out());
  }

  @Test
  void dbWithoutCollectIsAUsageError() {
    Run r = CliRunner.run("serve", "--db", "jdbc:postgresql://127.0.0.1/x", "--port", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--collect"), r.err());
  }

  @Test
  void anUnsupportedDatabaseIsRefusedBeforeAnythingStarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Run r = CliRunner.run("serve", "--collect", dir.resolve("c").toString(), "--db", "jdbc:sqlite:x.db", "--port", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("无法打开收集文件夹或数据库"), r.err());
  }
}
