package org.docmerge.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeOutputTest {
  @TempDir Path dir;

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void publishesCompleteBytesAndLeavesNoTemp() throws Exception {
    Path out = dir.resolve("报告.docx");
    assertTrue(SafeOutput.publish(out, new byte[] {1, 2, 3}, SafeOutput.Options.NO_CLOBBER).isEmpty());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
    assertEquals(List.of("报告.docx"), names(dir));
  }

  @Test
  void refusesToReplaceWithoutOverwriteAndReplacesWithIt() throws Exception {
    Path out = Files.write(dir.resolve("报告.docx"), new byte[] {9});
    assertEquals("OUT.EXISTS", SafeOutput.preflight(out, SafeOutput.Options.NO_CLOBBER).orElseThrow().code());
    assertEquals("OUT.EXISTS", SafeOutput.publish(out, new byte[] {1}, SafeOutput.Options.NO_CLOBBER).orElseThrow().code());
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(out));
    assertTrue(SafeOutput.publish(out, new byte[] {1}, new SafeOutput.Options(true)).isEmpty());
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(out));
    assertEquals(List.of("报告.docx"), names(dir));
  }

  @Test
  void aWriterThatFailsHalfwayLeavesNothingAndTheOldFileIntact() throws Exception {
    Path out = Files.write(dir.resolve("报告.docx"), new byte[] {9});
    var failed = SafeOutput.publish(out, o -> {
      o.write(new byte[1000]);
      throw new IOException("No space left on device");
    }, new SafeOutput.Options(true));
    assertEquals("OUT.WRITE_FAILED", failed.orElseThrow().code());
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(out));
    assertEquals(List.of("报告.docx"), names(dir));
  }

  @Test
  void aNameOfTheFullLengthStillPublishes() throws Exception {
    String name = SafeNames.segment("某".repeat(120), ".docx"); // 255 bytes: the temp name must not exceed it
    assertTrue(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 250, name);
    assertTrue(SafeOutput.publish(dir.resolve(name), new byte[] {1}, SafeOutput.Options.NO_CLOBBER).isEmpty());
    assertEquals(List.of(name), names(dir));
  }

  @Test
  void staleTempsOfDeadRunsAreRemovedAndLiveOnesKept() throws Exception {
    // A pid far above pid_max is never alive: what a kill -9 leaves behind.
    Path stale = Files.write(dir.resolve(".报告.docx.999999999.0123456789ab.tmp"), new byte[] {1});
    Path live = Files.write(dir.resolve(".其他.docx." + ProcessHandle.current().pid() + ".0123456789ab.tmp"), new byte[] {1});
    Path foreign = Files.write(dir.resolve(".not-ours.tmp"), new byte[] {1});
    assertTrue(SafeOutput.publish(dir.resolve("报告.docx"), new byte[] {1}, SafeOutput.Options.NO_CLOBBER).isEmpty());
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(live), "a running process's temp file is not touched");
    assertTrue(Files.exists(foreign), "only files matching our temp pattern are removed");
  }

  @Test
  void preflightRefusesTheInputItselfAFolderAndAMissingFolder() throws Exception {
    Path input = Files.write(dir.resolve("年报.xlsx"), new byte[] {1});
    assertEquals("OUT.SAME_AS_INPUT", SafeOutput.preflight(input, SafeOutput.Options.NO_CLOBBER, input).orElseThrow().code());
    Path viaSymlink = Files.createSymbolicLink(dir.resolve("链接.docx"), input);
    assertEquals("OUT.SAME_AS_INPUT",
        SafeOutput.preflight(viaSymlink, new SafeOutput.Options(true), input).orElseThrow().code());
    assertEquals("OUT.IS_FOLDER", SafeOutput.preflight(dir, SafeOutput.Options.NO_CLOBBER).orElseThrow().code());
    assertEquals("OUT.NO_FOLDER",
        SafeOutput.preflight(dir.resolve("无/报告.docx"), SafeOutput.Options.NO_CLOBBER).orElseThrow().code());
  }
}
