package org.docmerge.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.Multipart;
import org.docmerge.Multipart.FilePart;

/**
 * A server of {@code docmerge serve} on a free port of 127.0.0.1, in-process, and a java.net.http client for its API
 * (multipart uploads from {@link Multipart}: java.net.http has none). For tests; close it after use.
 */
public final class ApiClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WebServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public ApiClient() throws Exception {
    server = WebServer.start(WebServer.Config.defaults("127.0.0.1", 0));
  }

  public URI base() {
    return server.uri();
  }

  /** A response: status, headers, body. */
  public record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    public String type() {
      return headers.firstValue("Content-Type").orElse("");
    }

    /** The download's name from {@code filename*} (RFC 5987), decoded. */
    public String fileName() {
      String cd = headers.firstValue("Content-Disposition").orElse("");
      Matcher m = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(cd);
      return m.find() ? URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8) : "";
    }
  }

  public Answer get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(120))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r.statusCode(), r.headers(), r.body());
  }

  public Answer post(String path, Map<String, String> fields, FilePart... files) throws IOException, InterruptedException {
    HttpRequest req = Multipart.post(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(120)),
        fields, files).build();
    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r.statusCode(), r.headers(), r.body());
  }

  public Answer post(String path, FilePart... files) throws IOException, InterruptedException {
    return post(path, new LinkedHashMap<>(), files);
  }

  @Override
  public void close() {
    server.close();
  }
}
