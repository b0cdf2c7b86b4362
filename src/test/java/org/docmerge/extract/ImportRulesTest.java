package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stage rules for the readers: jsoup only in report.html, PDFBox only in report.pdf, docx4j only in
 * template/render/report.docx, POI only in workbook and (HWPF, for .doc) report.doc; the web server (Jetty) only in serve, the servlet API in serve and collect;
 * the database and crypto libraries only in collect.
 */
class ImportRulesTest {
  static List<String> offenders(String library, String... allowed) throws IOException {
    Path root = Path.of("src/main/java/org/docmerge");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> Stream.of(allowed).noneMatch(a -> root.relativize(p.getParent()).toString().equals(a)))
          .filter(p -> {
            try {
              return Files.readString(p).contains("import " + library);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void eachLibraryStaysInItsPackage() throws IOException {
    assertEquals(List.of(), offenders("org.jsoup", "report/html"));
    assertEquals(List.of(), offenders("org.docx4j", "template", "render", "report/docx"));
    assertEquals(List.of(), offenders("org.apache.poi", "workbook", "report/doc"));
    assertEquals(List.of(), offenders("org.apache.poi.hwpf", "report/doc"));
    assertEquals(List.of(), offenders("org.apache.pdfbox", "report/pdf"));
    assertEquals(List.of(), offenders("org.eclipse.jetty", "serve"));
    assertEquals(List.of(), offenders("jakarta.servlet", "serve", "collect"));
    for (String db : List.of("org.h2", "org.postgresql", "org.flywaydb", "org.bouncycastle")) {
      assertEquals(List.of(), offenders(db, "collect"));
    }
  }
}
