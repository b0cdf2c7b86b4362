package org.docmerge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.docmerge.Bounded;
import org.docmerge.TestReports;
import org.docmerge.model.ReportData;

/**
 * Fuzz targets for the prose: {@link ChineseNumbers#parse} (never throws, never negative, agrees with
 * {@link Long#parseLong} on plain digits) and every prose rule via {@link Validator} on the seed report whose
 * sections carry the fuzz text (the rules' regexes must stay bounded on any text staff paste).
 */
class ProseFuzzTest {
  private static final Validator VALIDATOR = new Validator(TestReports.spec2021());
  /** Built once: rebuilding the seed (and re-reading the spec) per input made the target 20 times slower. */
  private static final ReportData SEED = TestReports.seed();
  private static final String[] SECTIONS = {"intro", "overview", "request", "problems", "other"};

  @FuzzTest(maxDuration = "10m")
  void parseNumber(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    OptionalLong n = ChineseNumbers.parse(text);
    if (n.isPresent()) {
      assertTrue(n.getAsLong() >= 0, "negative value for " + text);
      String s = text.strip();
      if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') && s.length() <= 15) {
        assertEquals(Long.parseLong(s), n.getAsLong());
      }
    }
  }

  @FuzzTest(maxDuration = "10m")
  void proseRules(FuzzedDataProvider data) {
    String section = SECTIONS[data.consumeInt(0, SECTIONS.length - 1)];
    String first = data.consumeString(2000);
    String second = data.consumeRemainingAsString();
    Map<String, List<String>> prose = new LinkedHashMap<>(SEED.prose());
    prose.put(section, List.of(first, second));
    ReportData report = new ReportData(SEED.kind(), SEED.source(), SEED.fields(), SEED.fieldLocations(), prose,
        SEED.proseLocations(), SEED.values());
    long start = System.nanoTime();
    assertNotNull(VALIDATOR.validate(report));
    Bounded.check(start, "Validator.validate");
  }
}
