package org.docmerge.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report kind ready to use: its spec and where its template's bytes come from (a folder on disk or the
 * copy packed in the jar). Immutable and thread-safe.
 */
public record ReportKind(ReportSpec spec, String origin, TemplateSource template) {

  /** Where a template's bytes come from. */
  @FunctionalInterface
  public interface TemplateSource {
    InputStream open() throws IOException;
  }

  public static TemplateSource file(Path path) {
    return () -> Files.newInputStream(path);
  }

  public static TemplateSource resource(String name) {
    return () -> {
      InputStream in = ReportKind.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IOException("resource not found: " + name);
      }
      return in;
    };
  }

  /** The template's bytes, read whole. */
  public byte[] templateBytes() {
    try (InputStream in = template.open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
