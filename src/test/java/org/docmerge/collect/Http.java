package org.docmerge.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.docmerge.Multipart;
import org.docmerge.Multipart.FilePart;

/**
 * A java.net.http client for the collection's HTTP API: keeps the admin cookie it is given (as a browser does,
 * only the value of {@code docmerge_collect}) and sends the CSRF header when it has one. Multipart bodies from {@link Multipart}.
 */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  String cookie;
  String csrf;

  Http(URI base) {
    this.base = base;
  }

  record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(builder(path).GET());
  }

  Answer post(String path, Map<String, String> fields, FilePart... files) throws IOException, InterruptedException {
    return send(Multipart.post(builder(path), fields, files));
  }

  Answer post(String path, FilePart... files) throws IOException, InterruptedException {
    return post(path, new LinkedHashMap<>(), files);
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
    if (cookie != null) {
      b.header("Cookie", "docmerge_collect=" + cookie);
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return b;
  }

  private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    r.headers().allValues("Set-Cookie").forEach(c -> {
      if (c.startsWith("docmerge_collect=")) {
        String v = c.substring("docmerge_collect=".length(), c.indexOf(';'));
        cookie = v.isEmpty() ? null : v;
      }
    });
    return new Answer(r.statusCode(), r.headers(), r.body());
  }

  /** Sets the admin password (first start) or logs in, and keeps the session and CSRF token. */
  void admin(String password) throws IOException, InterruptedException {
    Answer state = get("/collect/api/admin/state");
    String path = state.json().path("needsSetup").asBoolean() ? "/collect/api/admin/setup" : "/collect/api/admin/login";
    Answer a = post(path, Map.of("password", password));
    if (a.status() != 200) {
      throw new IllegalStateException(path + " " + a.status() + " " + a.text());
    }
    csrf = a.json().path("csrf").asText();
  }

  /** A copy without the admin's cookie and CSRF token: what a member's browser has. */
  Http anonymous() {
    return new Http(base);
  }
}
