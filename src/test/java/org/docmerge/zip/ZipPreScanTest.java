package org.docmerge.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipPreScanTest {
  static byte[] zip(int entries, int size, boolean random) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    java.util.Random r = new java.util.Random(1);
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (int i = 0; i < entries; i++) {
        z.putNextEntry(new ZipEntry("e" + i));
        byte[] d = new byte[size];
        if (random) {
          r.nextBytes(d);
        }
        z.write(d);
      }
    }
    return b.toByteArray();
  }

  static ZipPreScan.Problem problem(byte[] z) {
    return ZipPreScan.scan(z, ZipPreScan.Limits.DEFAULT).problem();
  }

  @Test
  void anOrdinaryZipPassesWithItsEntries() throws Exception {
    ZipPreScan.Outcome o = ZipPreScan.scan(zip(3, 100, true), ZipPreScan.Limits.DEFAULT);
    assertTrue(o.ok());
    assertEquals(3, o.entries().size());
    assertTrue(o.has("e2"));
  }

  @Test
  void eachProblemHasItsOwnReason() throws Exception {
    byte[] ok = zip(2, 100, true);
    assertEquals(ZipPreScan.Problem.TRUNCATED, problem(java.util.Arrays.copyOf(ok, ok.length - 30)));
    assertEquals(ZipPreScan.Problem.TRUNCATED, problem(new byte[0]));
    assertEquals(ZipPreScan.Problem.TOO_MANY_ENTRIES, problem(zip(1001, 1, false)));
    assertEquals(ZipPreScan.Problem.BAD_RATIO, problem(zip(1, 2 << 20, false)));
    assertEquals(ZipPreScan.Problem.TOO_LARGE,
        ZipPreScan.scan(zip(3, 100, true), new ZipPreScan.Limits(1000, 250, 1 << 20, 100)).problem());
    byte[] encrypted = ok.clone();
    encrypted[6] |= 1; // local header flag of the first entry
    assertEquals(ZipPreScan.Problem.ENCRYPTED, problem(encrypted));
    byte[] zstd = ok.clone();
    zstd[8] = 20;
    assertEquals(ZipPreScan.Problem.UNSUPPORTED_METHOD, problem(zstd));
    assertEquals(20, ZipPreScan.scan(zstd, ZipPreScan.Limits.DEFAULT).detail());
  }

  @Test
  void zipSlipNamesAreRefusedAndOrdinaryOnesAccepted() {
    for (String bad : new String[] {"../x", "a/../../x", "/etc/passwd", "a\\b", "C:/x", "a\0b", ".."}) {
      assertTrue(ZipPreScan.badName(bad), bad);
    }
    for (String ok : new String[] {"xl/workbook.xml", "[Content_Types].xml", "word/..x.xml", "_rels/.rels"}) {
      assertTrue(!ZipPreScan.badName(ok), ok);
    }
  }

  @Test
  void neverThrowsOnGarbage() {
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[r.nextInt(300)];
      r.nextBytes(b);
      if (b.length > 30 && r.nextBoolean()) {
        // a plausible end record pointing anywhere
        int at = b.length - 22;
        b[at] = 0x50; b[at + 1] = 0x4b; b[at + 2] = 5; b[at + 3] = 6;
      }
      ZipPreScan.scan(b, ZipPreScan.Limits.DEFAULT);
    }
  }
}
