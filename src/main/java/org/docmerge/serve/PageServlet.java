package org.docmerge.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page: its static files inside the jar (HTML, style sheet, script, icon), served from a fixed list (the request path only picks one of
 * them, it is never resolved as a path). Loaded once; immutable.
 */
final class PageServlet extends HttpServlet {
  private record Asset(byte[] bytes, String type) {}

  private final Map<String, Asset> assets = Map.of(
      "/", load("index.html", "text/html; charset=utf-8"),
      "/index.html", load("index.html", "text/html; charset=utf-8"),
      "/app.css", load("app.css", "text/css; charset=utf-8"),
      "/app.js", load("app.js", "text/javascript; charset=utf-8"),
      "/favicon.svg", load("favicon.svg", "image/svg+xml"),
      "/favicon.ico", load("favicon.svg", "image/svg+xml"));

  private static Asset load(String name, String type) {
    try (InputStream in = PageServlet.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing page resource " + name);
      }
      return new Asset(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String method = req.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      resp.setHeader("Allow", "GET, HEAD");
      text(resp, 405, "不支持这种请求方法。");
      return;
    }
    Asset a = assets.get(req.getRequestURI());
    if (a == null) {
      text(resp, 404, "没有这个页面。请打开首页：/");
      return;
    }
    resp.setStatus(200);
    resp.setContentType(a.type());
    resp.setContentLength(a.bytes().length);
    if (method.equals("GET")) {
      resp.getOutputStream().write(a.bytes());
    }
  }

  private static void text(HttpServletResponse resp, int status, String message) throws IOException {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/plain; charset=utf-8");
    resp.setContentLength(b.length);
    resp.getOutputStream().write(b);
  }
}
