package org.docmerge.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/x", "a/b", "/tmp/x", "C:\\x", "CON", "NUL", "aux", "com1.report", ":", "*?\"<>|",
      ".hidden", "-rf", "name. . ", "  ", "", "..", "a\u0000b", "a\nb", "\u202Etxt.exe"})
  void everyHostileNameBecomesOneSegmentInsideTheFolder(String name) throws Exception {
    String safe = SafeNames.segment(name, ".docx");
    assertFalse(safe.contains("/") || safe.contains("\\"), safe);
    assertFalse(safe.startsWith(".") || safe.startsWith("-"), safe);
    assertTrue(safe.endsWith(".docx"), safe);
    String stem = safe.substring(0, safe.length() - 5);
    assertFalse(stem.endsWith(".") || stem.endsWith(" "), safe);
    assertFalse(java.util.Set.of("CON", "NUL", "AUX", "COM1").contains(stem.split("\\.")[0].toUpperCase()), safe);
    Path resolved = dir.resolve(safe).normalize();
    assertEquals(dir.toRealPath(), resolved.getParent().toRealPath());
    Files.write(resolved, new byte[] {1}); // the file system accepts it
  }

  @Test
  void longChineseNamesAreCutByBytesAndStayDistinct() throws Exception {
    String a = "某".repeat(86) + "甲";
    String b = "某".repeat(86) + "乙";
    String sa = SafeNames.segment(a, ".docx");
    String sb = SafeNames.segment(b, ".docx");
    assertTrue(sa.getBytes(StandardCharsets.UTF_8).length <= 255, sa);
    assertNotEquals(sa, sb);
    Files.write(dir.resolve(sa), new byte[] {1}); // no "File name too long"
    assertEquals("拱墅区投资促进局.docx", SafeNames.segment("拱墅区投资促进局", ".docx"), "ordinary names are unchanged");
  }
}
