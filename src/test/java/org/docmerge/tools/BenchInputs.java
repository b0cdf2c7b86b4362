package org.docmerge.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;
import org.docmerge.workbook.WorkbookWriter;

/**
 * Writes N varied, consistent input workbooks for bench/run.sh: {@code BASES} distinct ones from
 * {@link SampleData#random} (each checks clean), then, for speed, the rest as copies of a base whose 机关名称 is
 * rewritten in the shared strings (so every file is its own unit and report). Files go into sub-folders of 500
 * like an office's 部门/街道 folders.
 *
 * <p>Usage: {@code BenchInputs <folder> <N>}
 */
public final class BenchInputs {
  private static final int BASES = 200;

  private BenchInputs() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    ReportSpec spec = SpecReader.load(SpecReader.DEFAULT_KIND).get().spec();
    int bases = Math.min(BASES, n);
    byte[][] base = new byte[bases][];
    IntStream.range(0, bases).parallel().forEach(i -> base[i] = WorkbookWriter.write(spec, SampleData.random(spec, i)));
    IntStream.range(0, n).parallel().forEach(i -> {
      int b = i % bases;
      byte[] bytes = i < bases ? base[b] : rename(base[b], "测试机关" + b, "测试机关" + b + "-" + i);
      Path p = dir.resolve(String.format("组%02d/单位%05d.xlsx", i / 500, i));
      try {
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    System.out.println("wrote " + n + " workbooks to " + dir);
  }

  /** The workbook with one shared string replaced, every other entry copied as is. */
  static byte[] rename(byte[] xlsx, String from, String to) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(xlsx.length + 64);
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          byte[] data = in.readAllBytes();
          if (e.getName().equals("xl/sharedStrings.xml")) {
            String s = new String(data, StandardCharsets.UTF_8);
            String replaced = s.replace(">" + from + "<", ">" + to + "<");
            if (replaced.equals(s)) {
              throw new IllegalStateException("agency not found in shared strings: " + from);
            }
            data = replaced.getBytes(StandardCharsets.UTF_8);
          }
          out.putNextEntry(new ZipEntry(e.getName()));
          out.write(data);
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
