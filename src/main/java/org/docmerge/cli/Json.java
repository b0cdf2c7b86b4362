package org.docmerge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.docmerge.diag.CheckJson;
import org.docmerge.diag.Diagnostic;

/**
 * The JSON form of {@code check --format json}: the {@code docmerge-check/1} document of {@link CheckJson} (schema
 * described there), indented. Stateless.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String check(String file, String kind, List<Diagnostic> all, List<Diagnostic> shown) {
    try {
      return MAPPER.writeValueAsString(CheckJson.check(file, kind, all, shown));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
