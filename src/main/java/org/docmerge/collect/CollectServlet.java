package org.docmerge.collect;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.docmerge.collect.Collect.Reply;
import org.docmerge.collect.Collect.Req;
import org.docmerge.collect.Collect.Upload;
import org.docmerge.serve.FormParts;

/**
 * The HTTP side of {@code /collect/*}: reads the request (query, multipart form in memory, the session cookie, the
 * CSRF header) into a {@link Req}, hands it to {@link Collect}, writes the {@link Reply}. A client's file name is
 * only a label; nothing from the client is used as a path.
 */
public final class CollectServlet extends HttpServlet {
  private static final int MAX_FIELD_CHARS = 500;
  private final transient Collect collect;
  private final long maxUpload;

  public CollectServlet(Collect collect, long maxUploadBytes) {
    this.collect = collect;
    this.maxUpload = maxUploadBytes;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Reply reply;
    try {
      reply = collect.handle(read(req));
    } catch (Refused r) {
      reply = r.reply;
    }
    write(resp, reply, req.getMethod().equals("HEAD"));
  }

  private static final class Refused extends Exception {
    final transient Reply reply;

    Refused(Reply reply) {
      super(null, null, false, false);
      this.reply = reply;
    }
  }

  private Req read(HttpServletRequest req) throws Refused, IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    path = path.startsWith("/collect") ? path.substring("/collect".length()) : path;
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Upload> files = new LinkedHashMap<>();
    try {
      FormParts.query(req, fields, MAX_FIELD_CHARS);
    } catch (IllegalArgumentException e) {
      throw new Refused(Reply.error(400, "REQUEST.BAD_QUERY", "网址中的参数格式不对。"));
    }
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    if (req.getMethod().equals("POST") && type.startsWith("multipart/form-data")) {
      if (req.getContentLengthLong() > maxUpload * 2 + (1 << 20)) {
        FormParts.drain(req); // the client gets the 413 and its message, not a connection closed under its upload
        throw tooLarge();
      }
      try {
        for (Part p : req.getParts()) {
          if (p.getSize() > maxUpload) {
            throw tooLarge();
          }
          try (InputStream in = p.getInputStream()) {
            if (p.getSubmittedFileName() == null) {
              fields.put(p.getName(), clip(new String(in.readNBytes(MAX_FIELD_CHARS * 4), StandardCharsets.UTF_8)));
            } else {
              files.put(p.getName(), new Upload(FormParts.label(p.getSubmittedFileName()), in.readAllBytes()));
            }
          }
        }
      } catch (IllegalStateException | jakarta.servlet.ServletException | IOException e) {
        if (FormParts.tooLarge(e)) {
          throw tooLarge();
        }
        throw new Refused(Reply.error(400, "REQUEST.BAD_UPLOAD", "上传的数据不完整或格式不对，没有保存。请重新选择文件再试。"));
      }
    } else if (req.getMethod().equals("POST") && type.startsWith("application/x-www-form-urlencoded")) {
      try (InputStream in = req.getInputStream()) {
        String body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                clip(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
          }
        }
      } catch (IllegalArgumentException e) {
        throw new Refused(Reply.error(400, "REQUEST.BAD_FORM", "表单数据格式不对。"));
      }
    }
    String session = null;
    if (req.getCookies() != null) {
      for (Cookie c : req.getCookies()) {
        if (c.getName().equals(Collect.COOKIE)) {
          session = c.getValue();
        }
      }
    }
    return new Req(req.getMethod(), path, fields, files, session, req.getHeader("X-CSRF-Token"), req.getRemoteAddr());
  }

  private Refused tooLarge() {
    return new Refused(Reply.error(413, "UPLOAD.TOO_LARGE", "文件太大：单个文件上限 " + (maxUpload >> 20)
        + " MB。年度报告工作簿通常不到 1 MB，请确认选对了文件。"));
  }

  private static String clip(String s) {
    return FormParts.clip(s, MAX_FIELD_CHARS);
  }

  private static void write(HttpServletResponse resp, Reply reply, boolean head) throws IOException {
    if (resp.isCommitted()) {
      return;
    }
    resp.setStatus(reply.status());
    resp.setContentType(reply.type());
    reply.headers().forEach(resp::setHeader);
    if (reply.fileName() != null) {
      resp.setHeader("Content-Disposition", "attachment; filename=\"docmerge" + dot(reply.fileName())
          + "\"; filename*=UTF-8''" + rfc5987(reply.fileName()));
    }
    resp.setContentLength(reply.body().length);
    if (!head) {
      resp.getOutputStream().write(reply.body());
    }
  }

  private static String dot(String name) {
    return name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^A-Za-z0-9.]", "") : "";
  }

  private static String rfc5987(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return b.toString();
  }
}
