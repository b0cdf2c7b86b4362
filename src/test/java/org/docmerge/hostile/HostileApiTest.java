package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.docmerge.Multipart.FilePart;
import org.docmerge.serve.ApiClient;
import org.docmerge.serve.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile catalogue through the HTTP API: every workbook and template case of {@code hostile/expected.tsv} that
 * can be uploaded (not the folder, FIFO and output cases, which are properties of paths) is sent to {@code /api/check} or {@code /api/inspect}. Each
 * must get the same code as on the CLI, as JSON, never a 500 and never a stack trace; and the server keeps serving.
 */
class HostileApiTest {
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiClient();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  record Case(String id, String builder, String code) {
    @Override
    public String toString() {
      return id + " " + builder;
    }
  }

  static Stream<Case> cases() throws Exception {
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/hostile/expected.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (line.startsWith("#") || f.length < 4) {
        continue;
      }
      // TEMPLATE.UNREADABLE is a FIFO or folder on disk: a property of a path, which an upload does not have
      if ((f[2].startsWith("WB.") || f[2].startsWith("TEMPLATE.")) && !f[2].equals("TEMPLATE.UNREADABLE")) {
        out.add(new Case(f[0], f[1], f[2]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachUploadableCaseGetsItsCodeAsJsonAndNeverA500(Case c, @org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    HostileCases.Built built = HostileCases.BUILDERS.get(c.builder()).build(in, out);
    try (AutoCloseable cleanup = built.cleanup()) {
      List<String> args = built.args();
      // a template reaches the server through /api/inspect: `merge -t/--template T` and `inspect T` cases alike
      int t = Math.max(args.indexOf("-t"), args.indexOf("--template"));
      boolean inspect = args.get(0).equals("inspect");
      boolean template = t >= 0 || inspect;
      Path file = Path.of(t >= 0 ? args.get(t + 1) : args.get(1));
      assertTrue(Files.isRegularFile(file), "the case builds a file to upload");
      byte[] bytes = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      Answer a = api.post(template ? "/api/inspect" : "/api/check", new FilePart("file", name, bytes));
      String body = a.text();
      assertTrue(a.type().startsWith("application/json"), a.type());
      // a stack trace has frames; the readers' one-line messages may name the parser's complaint, never its frames
      assertFalse(body.matches("(?s).*(\\tat |\\\\tat |Caused by:|at (org|java|jdk|sun)\\.[\\w.$]+\\().*"), body);
      if (a.status() == 413) {
        assertTrue(bytes.length > 20 << 20, "413 only above the upload limit");
      } else {
        assertEquals(200, a.status(), body);
        assertTrue(body.contains("\"code\":\"" + c.code() + "\""), c.code() + " expected in " + body);
      }
    }
    assertEquals(200, api.get("/api/about").status(), "the server keeps serving");
  }
}
