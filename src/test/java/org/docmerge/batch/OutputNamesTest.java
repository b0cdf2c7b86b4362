package org.docmerge.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Report names taken from 机关名称 are one safe segment everywhere (hostile-inputs.md H54–H56). */
class OutputNamesTest {
  /** The shipped kinds' title words (spec.json {@code title}). */
  private static final String TITLE = "政府信息公开工作年度报告";

  static final Path DIR = Path.of("/tmp/out");

  static void assertSafe(String name) {
    assertFalse(name.matches(".*[/\\\\:*?\"<>|\\p{Cntrl}].*"), name);
    assertFalse(name.startsWith(".") || name.startsWith("-") || name.startsWith(" "), name);
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= OutputNames.MAX_BYTES, name);
    assertEquals(DIR, OutputNames.inside(DIR, name).getParent());
  }

  @Test
  void traversalAndSeparatorsAreRemoved() {
    for (String agency : new String[] {"../../etc/x", "/tmp/x", "C:\\x", "a/b", "..", "-rf", " . ", "x\u0000y", "*?\"<>|:"}) {
      String n = OutputNames.report(agency, "2021", TITLE);
      assertSafe(n);
      assertTrue(n.endsWith("2021年政府信息公开工作年度报告.docx"), n);
    }
    assertEquals("etcx2021年政府信息公开工作年度报告.docx", OutputNames.report("../../etc/x", "2021", TITLE));
  }

  @Test
  void windowsDeviceNamesArePrefixed() {
    assertEquals("_CON.docx", OutputNames.safe("CON", ".docx"));
    assertEquals("_nul.txt.docx", OutputNames.safe("nul.txt", ".docx"));
    assertEquals("_aux.docx", OutputNames.safe("aux", ".docx"));
    assertEquals("CONTOSO.docx", OutputNames.safe("CONTOSO", ".docx"));
    assertEquals("未命名.docx", OutputNames.safe("...", ".docx"));
  }

  @Test
  void longNamesAreCutByBytesWithAHashThatKeepsThemApart() {
    String a = "某".repeat(86);
    String b = "某".repeat(85) + "甲";
    String na = OutputNames.report(a, "2021", TITLE);
    String nb = OutputNames.report(b, "2021", TITLE);
    assertSafe(na);
    assertSafe(nb);
    assertNotEquals(na, nb);
    assertTrue(na.endsWith(".docx"), na);
    assertTrue(na.startsWith("某某某"), na);
  }

  @Test
  void collisionKeysFoldNormalisationAndCase() {
    String nfc = Normalizer.normalize("Café局", Normalizer.Form.NFC);
    String nfd = Normalizer.normalize("Café局", Normalizer.Form.NFD);
    assertNotEquals(nfc, nfd);
    assertEquals(OutputNames.collisionKey(OutputNames.report(nfc, "2021", TITLE)),
        OutputNames.collisionKey(OutputNames.report(nfd, "2021", TITLE)));
    assertEquals(OutputNames.collisionKey("ABC局.docx"), OutputNames.collisionKey("abc局.docx"));
  }
}
