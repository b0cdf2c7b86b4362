package org.docmerge.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of diagnostic codes is complete and honest: every code the sources or the shipped kinds' specs can
 * emit is registered and documented, and nothing is registered that nothing emits.
 */
class CodesTest {
  private static final Pattern LITERAL = Pattern.compile("\"(R\\d{2}|[A-Z][A-Z0-9]*\\.[A-Z0-9_]+)\"");
  private static final Pattern SPEC_RULE = Pattern.compile("\"rule\"\\s*:\\s*\"(R\\d{2})\"");

  private static Set<String> found(Path root, String ext, Pattern p) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(f -> f.toString().endsWith(ext)).toList()) {
        Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  @Test
  void everyCodeTheSourcesEmitIsRegistered() throws IOException {
    Set<String> missing = new TreeSet<>(found(Path.of("src/main/java"), ".java", LITERAL));
    missing.removeIf(c -> Codes.of(c).isPresent());
    assertEquals(Set.of(), missing, "codes used in src/main/java but not in org.docmerge.diag.Codes");
  }

  @Test
  void everyRuleTheShippedKindsDeclareIsRegistered() throws IOException {
    Set<String> rules = found(Path.of("templates"), "spec.json", SPEC_RULE);
    assertTrue(rules.contains("R15") && rules.contains("R03"), rules::toString);
    rules.removeIf(c -> Codes.of(c).isPresent());
    assertEquals(Set.of(), rules, "rules declared in templates/*/spec.json but not registered");
  }

  @Test
  void everyRegisteredCodeIsDocumentedAndEmittedSomewhere() throws IOException {
    Set<String> emitted = found(Path.of("src/main/java"), ".java", LITERAL);
    emitted.addAll(found(Path.of("templates"), "spec.json", SPEC_RULE));
    for (Codes.Code c : Codes.all()) {
      assertTrue(!c.doc().isBlank(), c.code() + " has no documentation");
      assertTrue(emitted.contains(c.code()), c.code() + " is registered but nothing emits it");
    }
  }

  @Test
  void aFileThatCannotBeReadExitsTwoAndAnInputErrorOne() {
    assertEquals(2, Codes.exit("WB.ENCRYPTED").status());
    assertEquals(2, Codes.exit("OUT.EXISTS").status());
    assertEquals(1, Codes.exit("R03").status());
    assertEquals(1, Codes.exit("WB.TEXT_NUMBER").status());
  }
}
