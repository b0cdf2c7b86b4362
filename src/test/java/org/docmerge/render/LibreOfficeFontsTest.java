package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fontconfig file LibreOffice gets: where it is written, and what fontconfig makes of it. */
class LibreOfficeFontsTest {

  @Test
  void environmentNamesOurConfigWrittenOnceToAPrivateFolder() throws Exception {
    Map<String, String> env = LibreOfficeFonts.environment();
    Path conf = Path.of(env.get("FONTCONFIG_FILE"));
    assertArrayEquals(LibreOfficeFonts.config(), Files.readAllBytes(conf));
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
        Files.getPosixFilePermissions(conf.getParent()), "only its owner may change what LibreOffice reads");
    assertTrue(conf.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), "never in a user's folder: " + conf);
    assertEquals(env, LibreOfficeFonts.environment(), "reused, not rewritten per conversion");
  }

  @Test
  void aForeignFileUnderOurFolderNameIsNeitherUsedNorTouched(@TempDir Path tmp) throws Exception {
    Path squatter = tmp.resolve("docmerge-fonts-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_"));
    Files.writeString(squatter, "not ours");
    Path conf = LibreOfficeFonts.writeIn(tmp);
    assertFalse(conf.startsWith(squatter), conf.toString());
    assertArrayEquals(LibreOfficeFonts.config(), Files.readAllBytes(conf));
    assertEquals("not ours", Files.readString(squatter));
    Files.delete(conf);
    Files.delete(conf.getParent());
  }

  @Test
  void aSecondWriteReusesTheFirst(@TempDir Path tmp) throws Exception {
    Path first = LibreOfficeFonts.writeIn(tmp);
    long modified = Files.getLastModifiedTime(first).toMillis();
    assertEquals(first, LibreOfficeFonts.writeIn(tmp));
    assertEquals(modified, Files.getLastModifiedTime(first).toMillis());
    try (var files = Files.list(first.getParent())) {
      assertEquals(List.of(first), files.toList(), "no probe or partial file left behind");
    }
  }

  /** What fontconfig picks for each official name under our configuration (fc-match, as LibreOffice asks it). */
  @Test
  void officialNamesMapToFacesOfTheirStyle(@TempDir Path dir) throws Exception {
    Path fcMatch = RealClients.require("fc-match");
    Path conf = Path.of(LibreOfficeFonts.environment().get("FONTCONFIG_FILE"));
    Map<String, String> expected = Map.of(
        "仿宋_GB2312", "FandolFang",
        "方正小标宋简体", "Noto Serif CJK SC:Bold",
        "黑体", "FandolHei",
        "楷体_GB2312", "FandolKai",
        "宋体", "Noto Serif CJK SC:Regular");
    for (var e : expected.entrySet()) {
      ProcessBuilder pb = new ProcessBuilder(fcMatch.toString(), "-f", "%{family[0]}:%{style[0]}", e.getKey())
          .directory(dir.toFile()).redirectErrorStream(true);
      pb.environment().put("FONTCONFIG_FILE", conf.toString());
      pb.environment().putIfAbsent("HOME", dir.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      assertEquals(0, p.waitFor());
      assertTrue(out.startsWith(e.getValue()), e.getKey() + " → " + out + " (expected " + e.getValue() + "); "
          + "are texlive-lang-chinese and fonts-noto-cjk installed? (.ci/run)");
    }
  }

  @Test
  void systemFontsStayAvailable() {
    String conf = new String(LibreOfficeFonts.config(), java.nio.charset.StandardCharsets.UTF_8);
    // our rules come on top of the system's configuration, and only add faces after the official name
    assertTrue(conf.contains("<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"));
    assertTrue(List.of(conf.split("<edit ")).stream().skip(1).allMatch(e -> e.contains("mode=\"append\"") || e.startsWith("name=\"weight\"")), conf);
  }
}
