package org.docmerge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The golden text the merge tests compare with is a copy of the seed report in {@code ../shared/seeds}, kept in
 * the repository so the tests run anywhere; where the shared folder is beside the checkout (CI), the copy must
 * not have drifted from it.
 */
class GoldenSeedTest {
  @Test
  void goldenCopyIsTheSharedSeed() throws Exception {
    Path shared = Path.of("../shared/seeds/000_cd5e5db85dce9461.txt");
    if (!Files.exists(shared)) {
      org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") == null, "CI has ../shared beside the checkout");
      org.junit.jupiter.api.Assumptions.abort("../shared is not beside this checkout");
    }
    assertEquals(Files.readString(shared, StandardCharsets.UTF_8), TestReports.seedText());
  }
}
