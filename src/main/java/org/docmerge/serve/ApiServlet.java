package org.docmerge.serve;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.docmerge.serve.Api.Form;
import org.docmerge.serve.Api.Refused;
import org.docmerge.serve.Api.Reply;
import org.docmerge.serve.Api.Upload;

/**
 * The HTTP side of {@code /api/*}: routes, reads the multipart form into memory, turns every refusal into a JSON
 * reply with a Chinese message, and writes downloads with their Chinese file name (RFC 6266 / RFC 5987). Never
 * answers with a stack trace: an unexpected fault is a 500 with one Chinese sentence (and the server keeps going).
 */
final class ApiServlet extends HttpServlet {
  private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());
  private static final int MAX_FIELD_CHARS = 200;

  private final transient Api api;

  ApiServlet(Api api) {
    this.api = api;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Reply reply;
    try {
      reply = route(req);
    } catch (Refused r) {
      reply = r.reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply = Reply.error(503, "SERVER.STOPPING", "服务器正在停止，请稍后再试。");
    } catch (RuntimeException | IOException | ServletException | LinkageError | StackOverflowError
        | OutOfMemoryError e) {
      LOG.log(System.Logger.Level.WARNING, "internal fault on " + req.getRequestURI(), e);
      reply = Reply.error(500, "INTERNAL", "内部错误：docmerge 出现了意外问题，没有生成任何文件。"
          + "请把所用的文件发给维护人员。服务器仍在运行，可以继续使用。");
    }
    write(resp, reply);
  }

  private Reply route(HttpServletRequest req) throws Refused, InterruptedException, IOException, ServletException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String method = req.getMethod();
    return switch (path) {
      case "/about" -> only(method, "GET", () -> api.about());
      case "/init" -> {
        if (method.equals("GET")) {
          Form f = form(req, false);
          yield api.work(() -> api.init(f));
        }
        yield post(method, req, api::init);
      }
      case "/check" -> post(method, req, api::check);
      case "/merge" -> post(method, req, api::merge);
      case "/inspect" -> post(method, req, api::inspect);
      case "/extract" -> post(method, req, api::extract);
      default -> throw new Refused(404, "REQUEST.NOT_FOUND", "没有这个接口：/api" + path + "。接口说明见 docs/http-api.md。");
    };
  }

  private interface Call {
    Reply run(Form form) throws Refused;
  }

  private interface Simple {
    Reply run() throws Refused;
  }

  private static Reply only(String method, String allowed, Simple call) throws Refused {
    if (!method.equals(allowed)) {
      throw new Refused(405, "REQUEST.METHOD", "这个接口只接受 " + allowed + " 请求。");
    }
    return call.run();
  }

  private Reply post(String method, HttpServletRequest req, Call call)
      throws Refused, InterruptedException, IOException, ServletException {
    if (!method.equals("POST")) {
      throw new Refused(405, "REQUEST.METHOD", "这个接口只接受 POST 请求（multipart/form-data 上传文件）。");
    }
    Form f = form(req, true);
    return api.work(() -> call.run(f));
  }

  /** Query parameters, and for a multipart POST its files and text fields, all in memory. */
  private Form form(HttpServletRequest req, boolean multipart) throws Refused, IOException, ServletException {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Upload> files = new LinkedHashMap<>();
    try {
      FormParts.query(req, fields, MAX_FIELD_CHARS);
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "REQUEST.BAD_QUERY", "网址中的参数格式不对。");
    }
    if (!multipart) {
      return new Form(files, fields);
    }
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      throw new Refused(415, "REQUEST.NOT_MULTIPART", "请用 multipart/form-data 上传文件（表单字段 file）。");
    }
    if (req.getContentLengthLong() > api.uploadLimit() * 2 + (1 << 20)) {
      FormParts.drain(req);
      throw tooLarge();
    }
    Iterable<Part> parts;
    try {
      parts = req.getParts();
    } catch (IllegalStateException | ServletException | IOException e) {
      if (FormParts.tooLarge(e)) {
        throw tooLarge();
      }
      throw new Refused(400, "REQUEST.BAD_UPLOAD", "上传的数据不完整或格式不对，没有处理。请重新选择文件再试。");
    }
    for (Part p : parts) {
      if (p.getSize() > api.uploadLimit()) {
        throw tooLarge();
      }
      if (p.getSubmittedFileName() == null) {
        try (InputStream in = p.getInputStream()) {
          fields.put(p.getName(), FormParts.clip(new String(in.readNBytes(MAX_FIELD_CHARS * 4), StandardCharsets.UTF_8), MAX_FIELD_CHARS));
        }
      } else if (p.getSize() > 0 || !p.getSubmittedFileName().isEmpty()) {
        try (InputStream in = p.getInputStream()) {
          files.put(p.getName(), new Upload(FormParts.label(p.getSubmittedFileName()), in.readAllBytes()));
        }
      }
    }
    return new Form(files, fields);
  }

  private Refused tooLarge() {
    return new Refused(413, "UPLOAD.TOO_LARGE", api.tooLargeMessage());
  }

  private static void write(HttpServletResponse resp, Reply reply) throws IOException {
    if (resp.isCommitted()) {
      return;
    }
    resp.setStatus(reply.status());
    resp.setContentType(reply.type());
    if (reply.fileName() != null) {
      resp.setHeader("Content-Disposition", contentDisposition(reply.fileName()));
    }
    if (reply.status() == 503) {
      resp.setHeader("Retry-After", "5");
    }
    resp.setContentLength(reply.body().length);
    resp.getOutputStream().write(reply.body());
  }

  /**
   * {@code attachment; filename="…"; filename*=UTF-8''…}: an ASCII stand-in for old clients, and the real
   * (Chinese) name percent-encoded per RFC 5987, which every current browser uses.
   */
  static String contentDisposition(String name) {
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^A-Za-z0-9.]", "") : "";
    boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7F && "\"\\%;".indexOf(c) < 0);
    String fallback = ascii ? name : "docmerge" + ext;
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(name);
  }

  static String rfc5987(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return b.toString();
  }
}
