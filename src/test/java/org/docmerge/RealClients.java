package org.docmerge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real programs that check our outputs: LibreOffice, poppler's pdftotext and pdffonts, Debian's python3
 * with python-docx and openpyxl. On a developer machine without them a test is skipped; in CI (where
 * {@code .ci/run} installs them) a missing one fails the build, so a green CI never hides a skipped check.
 */
public final class RealClients {
  private RealClients() {}

  /** The tool's path; skips the test (or fails it in CI) when it is not installed. */
  public static Path require(String tool) {
    Path found = find(tool);
    if (found == null) {
      if (System.getenv("CI") != null) {
        fail(tool + " is not installed; .ci/run must install it");
      }
      Assumptions.abort(tool + " is not installed");
    }
    return found;
  }

  /** Debian's python3 (the one that sees python3-docx and python3-openpyxl). */
  public static Path python() {
    Path py = require("/usr/bin/python3");
    return py;
  }

  private static Path find(String tool) {
    if (tool.contains("/")) {
      return Files.isExecutable(Path.of(tool)) ? Path.of(tool) : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Runs a command in {@code dir}; asserts it exits 0 within two minutes; returns its output lines. */
  public static List<String> run(List<String> cmd, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putIfAbsent("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
    assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + out);
    return out.lines().toList();
  }
}
