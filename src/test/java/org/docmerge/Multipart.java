package org.docmerge;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data POST built by hand (java.net.http has none), for the tests' HTTP clients of
 * {@code docmerge serve} ({@code serve.ApiClient}) and of the collection ({@code collect.Http}): the text fields
 * first, then the files, each file as application/octet-stream.
 */
public final class Multipart {
  private Multipart() {}

  /** One file of a multipart form: the form field, the file name the browser would send, the bytes. */
  public record FilePart(String field, String name, byte[] bytes) {}

  /** Sets the content type and the body on {@code request}: a POST of {@code fields} and {@code files}. */
  public static HttpRequest.Builder post(HttpRequest.Builder request, Map<String, String> fields, FilePart... files) {
    String boundary = "----docmerge" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (FilePart f : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
          + f.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }
}
