package org.docmerge.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.docmerge.Docmerge;
import org.docmerge.batch.Aggregate;
import org.docmerge.batch.Batch;
import org.docmerge.diag.CheckJson;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.output.SafeNames;
import org.docmerge.spec.SpecReader;
import org.docmerge.validate.Validator;

/**
 * A January's collection ({@code docmerge serve --collect DIR}): the office's admin pages and API, the members'
 * upload links, the database and the content-addressed files. Routing and every decision live here, over plain
 * request and reply values; {@link CollectServlet} only translates HTTP. Sits on the facade {@link Docmerge} (check,
 * carry-forward, blank workbook, merge) and {@link Aggregate} (as {@code aggregate --members} does). Thread-safe.
 */
public final class Collect implements AutoCloseable {
  static final String COOKIE = "docmerge_collect";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern MEMBER_API = Pattern.compile("/api/m/([A-Za-z0-9_-]{1,64})(/[a-z]+)?");
  private static final Pattern MEMBER_PAGE = Pattern.compile("/m/[A-Za-z0-9_-]{1,64}");
  private static final Pattern ADMIN_ID = Pattern.compile("/api/admin/(collections|members|submissions)/(\\d{1,18})(/[a-z.]+)?");
  private static final String LINK_INVALID = "这个上报链接无效或已停用。请向收集单位（政务公开办）索取新的链接。";

  /** What the HTTP side read: method, path under /collect, text fields (query and form), files, cookie, CSRF header. */
  record Req(String method, String path, Map<String, String> fields, Map<String, Upload> files, String session,
      String csrfHeader, String remote) {}

  record Upload(String name, byte[] bytes) {}

  /** What to answer. */
  record Reply(int status, String type, byte[] body, String fileName, Map<String, String> headers) {
    static Reply json(int status, Object value) {
      try {
        return new Reply(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value), null, Map.of());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Reply error(int status, String code, String message) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schema", "docmerge-error/1");
      m.put("status", status);
      m.put("code", code);
      m.put("message", message);
      return json(status, m);
    }

    static Reply file(byte[] body, String type, String name) {
      return new Reply(200, type, body, name, Map.of());
    }

    Reply with(String header, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(header, value);
      return new Reply(status, type, body, fileName, h);
    }
  }

  /** How many uploads one link may make per minute, and how many failed logins one address per minute. */
  record Limits(int uploadsPerMinute, int loginsPerMinute) {
    static Limits configured() {
      return new Limits(Integer.getInteger("docmerge.collect.uploadsPerMinute", 10),
          Integer.getInteger("docmerge.collect.loginsPerMinute", 10));
    }
  }

  private final Db db;
  private final Store store;
  private final Blobs blobs;
  private final Guard guard = new Guard();
  private final Clock clock;
  private final Limits limits;
  private final Map<String, Docmerge> engines = new ConcurrentHashMap<>();
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>();

  private Collect(Db db, Blobs blobs, Clock clock, Limits limits) {
    this.db = db;
    this.store = new Store(db);
    this.blobs = blobs;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Opens the collection folder (created if missing): the database (H2 in {@code folder/db/} unless {@code jdbcUrl}
   * names PostgreSQL; migrated to the current schema) and the files ({@code folder/files/}).
   */
  public static Collect open(Path folder, String jdbcUrl, String user, String password, Clock clock, Limits limits)
      throws IOException, SQLException {
    Files.createDirectories(folder);
    Blobs blobs = new Blobs(folder.resolve("files"));
    Db db = Db.open(folder, jdbcUrl, user, password);
    Collect c = new Collect(db, blobs, clock, limits);
    c.store.audit(clock.millis(), "system", "server.start", null, null,
        db.embedded() ? "embedded H2" : "PostgreSQL", null);
    return c;
  }

  public static Collect open(Path folder, String jdbcUrl) throws IOException, SQLException {
    return open(folder, jdbcUrl, System.getenv("DOCMERGE_DB_USER"), System.getenv("DOCMERGE_DB_PASSWORD"),
        Clock.systemDefaultZone(), Limits.configured());
  }

  @Override
  public void close() {
    db.close();
  }

  // ---------------------------------------------------------------- routing

  Reply handle(Req r) {
    try {
      return route(r);
    } catch (SQLException | IOException | RuntimeException e) {
      System.getLogger(Collect.class.getName()).log(System.Logger.Level.WARNING, "collect fault on " + r.path(), e);
      return Reply.error(500, "INTERNAL", "内部错误：没有保存任何改动。请稍后再试；如果一再出现，请告诉维护人员。");
    }
  }

  private Reply route(Req r) throws SQLException, IOException {
    String p = r.path();
    boolean get = r.method().equals("GET") || r.method().equals("HEAD");
    if (get && (p.isEmpty() || p.equals("/") || p.equals("/admin"))) {
      return page("admin.html", "text/html; charset=utf-8");
    }
    if (get && MEMBER_PAGE.matcher(p).matches()) {
      return page("member.html", "text/html; charset=utf-8");
    }
    if (get && p.equals("/collect.js")) {
      return page("collect.js", "text/javascript; charset=utf-8");
    }
    if (get && p.equals("/collect.css")) {
      return page("collect.css", "text/css; charset=utf-8");
    }
    Matcher m = MEMBER_API.matcher(p);
    if (m.matches()) {
      return member(r, m.group(1), m.group(2) == null ? "" : m.group(2));
    }
    if (p.startsWith("/api/admin/")) {
      return admin(r);
    }
    return Reply.error(404, "REQUEST.NOT_FOUND", "没有这个页面或接口。收集单位的页面是 /collect/。");
  }

  private Reply page(String name, String type) {
    byte[] b = assets.computeIfAbsent(name, n -> {
      try (InputStream in = Collect.class.getResourceAsStream("web/" + n)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return new Reply(200, type, b, null, Map.of());
  }

  // ---------------------------------------------------------------- members

  private Reply member(Req r, String token, String action) throws SQLException, IOException {
    long now = clock.millis();
    // One answer for a token that never existed and one that was revoked: nothing tells them apart.
    Optional<Store.Member> found = store.memberByToken(token);
    if (found.isEmpty()) {
      store.audit(now, "token:" + Guard.label(token), "denied.token", null, null, r.method() + " " + action, r.remote());
      return Reply.error(404, "COLLECT.LINK_INVALID", LINK_INVALID);
    }
    Store.Member m = found.get();
    Store.Collection col = store.collection(m.collectionId()).orElseThrow();
    String actor = "member:" + Guard.label(token);
    switch (action) {
      case "" -> {
        Optional<Reply> wrong = only(r, "GET");
        return wrong.isPresent() ? wrong.get() : Reply.json(200, memberView(col, m, now));
      }
      case "/blank" -> {
        if (!r.method().equals("GET")) {
          return Reply.error(405, "REQUEST.METHOD", "这个接口只接受 GET 请求。");
        }
        store.audit(now, actor, "member.blank", col.id(), m.id(), null, r.remote());
        return Reply.file(blank(col, m), XLSX, SafeNames.segment(m.name() + col.year() + "年报填报", ".xlsx"));
      }
      case "/upload" -> {
        if (!r.method().equals("POST")) {
          return Reply.error(405, "REQUEST.METHOD", "这个接口只接受 POST 请求（multipart/form-data，字段 file）。");
        }
        if (!guard.allow("upload:" + token, limits.uploadsPerMinute(), 60_000, now)) {
          store.audit(now, actor, "denied.rate", col.id(), m.id(), "upload rate limit", r.remote());
          return Reply.error(429, "COLLECT.RATE", "上传太频繁了：每分钟最多 " + limits.uploadsPerMinute()
              + " 次。请稍等一分钟再试。").with("Retry-After", "60");
        }
        Upload f = r.files().get("file");
        if (f == null || f.bytes().length == 0) {
          return Reply.error(400, "UPLOAD.MISSING", "请选择填好的工作簿（.xlsx）再上传。");
        }
        return submit(col, m, f, actor, r.remote());
      }
      case "/confirm" -> {
        if (!r.method().equals("POST")) {
          return Reply.error(405, "REQUEST.METHOD", "这个接口只接受 POST 请求。");
        }
        List<Store.Submission> subs = store.memberSubmissions(m.id());
        if (subs.isEmpty()) {
          return Reply.error(409, "COLLECT.NOTHING", "还没有上传工作簿，无法确认。");
        }
        Store.Submission cur = subs.get(subs.size() - 1);
        if (cur.errors() > 0) {
          return Reply.error(409, "COLLECT.HAS_ERRORS", "最近一次上传的工作簿还有 " + cur.errors()
              + " 个错误。请改正后重新上传，没有错误后才能确认。");
        }
        if (!store.confirm(m.id(), cur.id(), now)) {
          return Reply.error(409, "COLLECT.NEWER", "刚刚又有一份新的上传。请查看它的检查结果后再确认。");
        }
        store.audit(now, actor, "member.confirm", col.id(), m.id(), "submission " + cur.id(), r.remote());
        return Reply.json(200, memberView(col, store.member(m.id()).orElseThrow(), now));
      }
      default -> {
        return Reply.error(404, "REQUEST.NOT_FOUND", "没有这个接口。");
      }
    }
  }

  private static Optional<Reply> only(Req r, String method) {
    boolean ok = r.method().equals(method) || (method.equals("GET") && r.method().equals("HEAD"));
    return ok ? Optional.empty() : Optional.of(Reply.error(405, "REQUEST.METHOD", "这个接口只接受 " + method + " 请求。"));
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private Docmerge engine(String kind) {
    return engines.computeIfAbsent(kind, k -> {
      Result<Docmerge> e = Docmerge.open(k);
      if (e.value().isEmpty()) {
        throw new IllegalStateException("report kind " + k + " cannot be opened");
      }
      return e.get();
    });
  }

  /** The member's blank workbook: carried forward from last year's file when the office gave one. */
  private byte[] blank(Store.Collection col, Store.Member m) throws IOException {
    Docmerge engine = engine(col.kind());
    Optional<ReportData> prev = previous(m);
    if (prev.isPresent()) {
      return engine.workbook(Optional.of(engine.carryForward(prev.get())));
    }
    return engine.workbook(Optional.empty());
  }

  private Optional<ReportData> previous(Store.Member m) throws IOException {
    if (m.previousSha() == null) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = blobs.get(m.previousSha());
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    return Docmerge.readPrevious(bytes.get(), m.previousName()).value();
  }

  /** Checks the upload, stores the file (complete on disk), then records it: one transaction with its audit row. */
  private Reply submit(Store.Collection col, Store.Member m, Upload f, String actor, String remote)
      throws SQLException, IOException {
    String lower = f.name().toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm"))) {
      return Reply.error(415, "COLLECT.NOT_WORKBOOK", "请上传填报工作簿（.xlsx 或 .xls），不是报告正文。"
          + "可以在本页下载空白工作簿。");
    }
    Docmerge engine = engine(col.kind());
    Optional<ReportData> prev = previous(m);
    Docmerge.Checked checked = engine.check(f.bytes(), f.name(),
        new Validator.Options(prev, Optional.empty()));
    List<Diagnostic> all = new ArrayList<>(checked.diagnostics());
    checked.data().flatMap(ReportData::year).filter(y -> y != col.year()).ifPresent(y -> all.add(Diagnostic.error(
        "COLLECT.YEAR", Location.file(f.name()), "工作簿填报的是 " + y + " 年，这次收集的是 " + col.year()
            + " 年的报告。请改正「封面」中的报告年度，或在本页下载空白工作簿重新填写")));
    all.sort(Diagnostic.ORDER);
    Map<String, Object> findings = CheckJson.check(f.name(), col.kind(), all, all);
    int errors = ((Number) findings.get("errors")).intValue();
    int warnings = ((Number) findings.get("warnings")).intValue();
    String sha = blobs.put(f.bytes());
    long id = store.addSubmission(m.id(), col.id(), clock.millis(), sha, f.bytes().length, f.name(), errors,
        warnings, JSON.writeValueAsString(findings), actor, remote);
    Map<String, Object> out = new LinkedHashMap<>(findings);
    out.put("submission", id);
    out.put("sha256", sha);
    out.put("member", memberView(col, store.member(m.id()).orElseThrow(), clock.millis()));
    return Reply.json(200, out);
  }

  /** A member's own view: its name, the collection, its status and its submissions. Nothing of other members. */
  private Map<String, Object> memberView(Store.Collection col, Store.Member m, long now) throws SQLException {
    List<Store.Submission> subs = store.memberSubmissions(m.id());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", m.name());
    v.put("collection", collectionView(col));
    v.putAll(status(col, m, subs, now));
    v.put("carriedForward", m.previousSha() != null);
    v.put("submissions", subs.stream().map(s -> submissionView(s, true)).toList());
    return v;
  }

  // ---------------------------------------------------------------- status

  enum State {
    NOT_SUBMITTED("未提交"), ERRORS("有错误"), PASSED("已通过"), CONFIRMED("已确认");

    final String chinese;

    State(String chinese) {
      this.chinese = chinese;
    }
  }

  private long deadlineEnd(Store.Collection col) {
    return LocalDate.parse(col.deadline()).plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
  }

  /** 未提交 / 有错误 (n) / 已通过 / 已确认, and whether the member is late against the deadline. */
  private Map<String, Object> status(Store.Collection col, Store.Member m, List<Store.Submission> subs, long now) {
    Store.Submission cur = subs.isEmpty() ? null : subs.get(subs.size() - 1);
    State s;
    if (cur == null) {
      s = State.NOT_SUBMITTED;
    } else if (cur.errors() > 0) {
      s = State.ERRORS;
    } else if (m.confirmedSubmission() != null && m.confirmedSubmission() == cur.id()) {
      s = State.CONFIRMED;
    } else {
      s = State.PASSED;
    }
    long end = deadlineEnd(col);
    boolean late = s == State.CONFIRMED ? m.confirmedAt() > end : now > end;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("state", s.name());
    v.put("status", s.chinese);
    v.put("errors", cur == null ? 0 : cur.errors());
    v.put("late", late);
    v.put("confirmedAt", m.confirmedAt() == null ? null : time(m.confirmedAt()));
    return v;
  }

  private String time(long millis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), clock.getZone()).format(TIME);
  }

  private Map<String, Object> collectionView(Store.Collection c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", c.id());
    v.put("kind", c.kind());
    v.put("year", c.year());
    v.put("deadline", c.deadline());
    v.put("agency", c.agency());
    return v;
  }

  private Map<String, Object> submissionView(Store.Submission s, boolean findings) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.id());
    v.put("at", time(s.at()));
    v.put("who", s.via().startsWith("member:") ? "成员链接 " + s.via().substring(7) : "收集单位");
    v.put("sha256", s.sha256());
    v.put("size", s.size());
    v.put("fileName", s.fileName());
    v.put("errors", s.errors());
    v.put("warnings", s.warnings());
    if (findings) {
      try {
        v.put("diagnostics", JSON.readTree(s.findings()).path("diagnostics"));
      } catch (JsonProcessingException e) {
        v.put("diagnostics", List.of());
      }
    }
    return v;
  }

  // ---------------------------------------------------------------- admin

  private Reply admin(Req r) throws SQLException, IOException {
    long now = clock.millis();
    String p = r.path();
    boolean post = r.method().equals("POST");
    if (p.equals("/api/admin/state")) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("needsSetup", store.adminHash().isEmpty());
      Optional<Guard.Session> s = guard.session(r.session(), now);
      v.put("loggedIn", s.isPresent());
      s.ifPresent(x -> v.put("csrf", x.csrf()));
      return Reply.json(200, v);
    }
    if (p.equals("/api/admin/setup") && post) {
      String pw = r.fields().getOrDefault("password", "");
      Optional<String> weak = Guard.weak(pw);
      if (weak.isPresent()) {
        return Reply.error(400, "ADMIN.WEAK_PASSWORD", weak.get());
      }
      if (store.adminHash().isPresent() || !store.setAdmin(Guard.hash(pw), now)) {
        store.audit(now, "anonymous", "denied.setup", null, null, "password already set", r.remote());
        return Reply.error(409, "ADMIN.ALREADY_SET", "管理密码已经设置过了。请用它登录。");
      }
      store.audit(now, "admin", "admin.setup", null, null, null, r.remote());
      return login(guard.open(now));
    }
    if (p.equals("/api/admin/login") && post) {
      if (!guard.allow("login:" + r.remote(), limits.loginsPerMinute(), 60_000, now)) {
        store.audit(now, "anonymous", "denied.rate", null, null, "login rate limit", r.remote());
        return Reply.error(429, "ADMIN.RATE", "登录尝试太频繁，请一分钟后再试。").with("Retry-After", "60");
      }
      Optional<String> hash = store.adminHash();
      if (hash.isEmpty()) {
        return Reply.error(409, "ADMIN.NOT_SET", "还没有设置管理密码。请先在收集页面设置。");
      }
      if (!Guard.verify(hash.get(), r.fields().getOrDefault("password", ""))) {
        store.audit(now, "anonymous", "denied.login", null, null, "wrong password", r.remote());
        return Reply.error(401, "ADMIN.WRONG_PASSWORD", "密码不对。");
      }
      store.audit(now, "admin", "admin.login", null, null, null, r.remote());
      return login(guard.open(now));
    }
    Optional<Guard.Session> session = guard.session(r.session(), now);
    if (session.isEmpty()) {
      store.audit(now, "anonymous", "denied.session", null, null, r.method() + " " + p
          + (r.session() == null ? " (no cookie)" : " (unknown or expired cookie)"), r.remote());
      return Reply.error(401, "ADMIN.LOGIN", "请先登录收集单位的管理页面。");
    }
    if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
      String given = r.csrfHeader() != null ? r.csrfHeader() : r.fields().get("csrf");
      if (!Guard.same(session.get().csrf(), given)) {
        store.audit(now, "admin", "denied.csrf", null, null, r.method() + " " + p, r.remote());
        return Reply.error(403, "ADMIN.CSRF", "页面已过期（缺少或不符的表单令牌）。请刷新页面后再试。");
      }
    }
    if (p.equals("/api/admin/logout") && post) {
      guard.close(session.get().id());
      store.audit(now, "admin", "admin.logout", null, null, null, r.remote());
      return Reply.json(200, Map.of("ok", true)).with("Set-Cookie", COOKIE + "=; Path=/collect; Max-Age=0; HttpOnly; SameSite=Strict");
    }
    if (p.equals("/api/admin/collections")) {
      if (post) {
        return create(r, now);
      }
      List<Map<String, Object>> list = new ArrayList<>();
      for (Store.Collection c : store.collections()) {
        list.add(collectionView(c));
      }
      return Reply.json(200, Map.of("collections", list));
    }
    if (p.equals("/api/admin/audit")) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Store.Audit a : store.audits(500)) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", time(a.at()));
        v.put("actor", a.actor());
        v.put("action", a.action());
        v.put("collection", a.collectionId());
        v.put("member", a.memberId());
        v.put("detail", a.detail());
        v.put("remote", a.remote());
        list.add(v);
      }
      return Reply.json(200, Map.of("audit", list));
    }
    Matcher m = ADMIN_ID.matcher(p);
    if (!m.matches()) {
      return Reply.error(404, "REQUEST.NOT_FOUND", "没有这个接口。");
    }
    long id = Long.parseLong(m.group(2));
    String action = m.group(3) == null ? "" : m.group(3);
    return switch (m.group(1)) {
      case "collections" -> collectionAction(r, id, action, now);
      case "members" -> memberAction(r, id, action, now);
      default -> submissionFile(r, id, action, now);
    };
  }

  private static Reply login(Guard.Session s) {
    return Reply.json(200, Map.of("loggedIn", true, "csrf", s.csrf())).with("Set-Cookie", COOKIE + "=" + s.id()
        + "; Path=/collect; Max-Age=" + Guard.SESSION_MILLIS / 1000 + "; HttpOnly; SameSite=Strict");
  }

  private Reply create(Req r, long now) throws SQLException {
    String yearText = r.fields().getOrDefault("year", "").strip();
    int year;
    try {
      year = Integer.parseInt(yearText);
    } catch (NumberFormatException e) {
      return Reply.error(400, "COLLECT.YEAR", "请填写报告年度（四位数，如 2024）。");
    }
    String kind = r.fields().getOrDefault("kind", "").strip();
    if (kind.isEmpty()) {
      kind = Docmerge.kindForYear(year).orElse(SpecReader.DEFAULT_KIND);
    }
    if (!SpecReader.SHIPPED.contains(kind)) {
      return Reply.error(400, "COLLECT.KIND", "没有这种报告类型：" + kind + "。可选：" + String.join("、", SpecReader.SHIPPED));
    }
    String deadline = r.fields().getOrDefault("deadline", "").strip();
    try {
      LocalDate.parse(deadline);
    } catch (DateTimeParseException e) {
      return Reply.error(400, "COLLECT.DEADLINE", "请填写截止日期，格式如 2025-01-20。");
    }
    String agency = r.fields().getOrDefault("agency", "").strip();
    if (agency.isEmpty()) {
      agency = "汇总";
    }
    Upload list = r.files().get("members");
    if (list == null) {
      return Reply.error(400, "COLLECT.MEMBERS", "请上传成员名单（.xlsx，第一个工作表的第一列每行一个成员单位）。");
    }
    Result<List<String>> names = Docmerge.memberList(list.bytes(), list.name());
    if (names.value().isEmpty()) {
      return Reply.error(422, "MEMBERS.UNREADABLE", names.diagnostics().get(0).message());
    }
    List<String> clean = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String n : names.get()) {
      String s = n.strip();
      if (s.length() > 100) {
        return Reply.error(422, "MEMBERS.NAME", "成员名称太长：「" + s.substring(0, 30) + "…」。");
      }
      if (!seen.add(Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", ""))) {
        return Reply.error(422, "MEMBERS.DUPLICATE", "成员名单中「" + s + "」出现了两次。请删去重复的一行。");
      }
      clean.add(s);
    }
    if (clean.isEmpty() || clean.size() > 5000) {
      return Reply.error(422, "MEMBERS.EMPTY", "成员名单是空的（或超过 5000 个）。");
    }
    List<String> tokens = clean.stream().map(x -> Guard.token()).toList();
    long id = store.createCollection(kind, year, deadline, agency, clean, tokens, now);
    store.audit(now, "admin", "collection.create", id, null, clean.size() + " members, " + kind + " " + year
        + ", deadline " + deadline, r.remote());
    return Reply.json(201, detail(store.collection(id).orElseThrow(), now));
  }

  private Map<String, Object> detail(Store.Collection col, long now) throws SQLException {
    List<Store.Member> members = store.members(col.id());
    Map<Long, List<Store.Submission>> subs = bySubmitter(store.submissions(col.id()));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("collection", collectionView(col));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (State s : State.values()) {
      counts.put(s.chinese, 0);
    }
    int late = 0;
    List<Map<String, Object>> list = new ArrayList<>();
    for (Store.Member m : members) {
      List<Store.Submission> own = subs.getOrDefault(m.id(), List.of());
      Map<String, Object> mv = new LinkedHashMap<>();
      mv.put("id", m.id());
      mv.put("seq", m.seq());
      mv.put("name", m.name());
      Map<String, Object> st = status(col, m, own, now);
      mv.putAll(st);
      counts.merge((String) st.get("status"), 1, Integer::sum);
      late += Boolean.TRUE.equals(st.get("late")) ? 1 : 0;
      mv.put("token", m.token());
      mv.put("link", m.token() == null ? null : "/collect/m/" + m.token());
      mv.put("previous", m.previousName());
      mv.put("submissions", own.stream().map(s -> submissionView(s, true)).toList());
      list.add(mv);
    }
    v.put("counts", counts);
    v.put("late", late);
    v.put("members", list);
    return v;
  }

  private static Map<Long, List<Store.Submission>> bySubmitter(List<Store.Submission> all) {
    Map<Long, List<Store.Submission>> out = new LinkedHashMap<>();
    for (Store.Submission s : all) {
      out.computeIfAbsent(s.memberId(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  private Reply collectionAction(Req r, long id, String action, long now) throws SQLException, IOException {
    Optional<Store.Collection> found = store.collection(id);
    if (found.isEmpty()) {
      return Reply.error(404, "COLLECT.NOT_FOUND", "没有这个收集。");
    }
    Store.Collection col = found.get();
    if (!r.method().equals("GET")) {
      return Reply.error(405, "REQUEST.METHOD", "这个接口只接受 GET 请求。");
    }
    boolean allowErrors = "1".equals(r.fields().get("allowErrors")) || "true".equals(r.fields().get("allowErrors"));
    boolean allowMissing = "1".equals(r.fields().get("allowMissing")) || "true".equals(r.fields().get("allowMissing"));
    switch (action) {
      case "" -> {
        return Reply.json(200, detail(col, now));
      }
      case "/status.xlsx" -> {
        store.audit(now, "admin", "export.status", id, null, null, r.remote());
        return Reply.file(statusSheet(col, now), XLSX, SafeNames.segment(col.year() + "年报收集情况", ".xlsx"));
      }
      case "/reports.zip" -> {
        store.audit(now, "admin", "export.zip", id, null, null, r.remote());
        return Reply.file(zip(col), "application/zip", SafeNames.segment(col.year() + "年报全部成员", ".zip"));
      }
      case "/aggregate.xlsx", "/aggregate.docx" -> {
        return aggregate(r, col, action.endsWith("docx"), allowErrors, allowMissing, now);
      }
      default -> {
        return Reply.error(404, "REQUEST.NOT_FOUND", "没有这个接口。");
      }
    }
  }

  private Reply memberAction(Req r, long id, String action, long now) throws SQLException, IOException {
    Optional<Store.Member> found = store.member(id);
    if (found.isEmpty()) {
      return Reply.error(404, "COLLECT.NOT_FOUND", "没有这个成员。");
    }
    Store.Member m = found.get();
    if (!r.method().equals("POST")) {
      return Reply.error(405, "REQUEST.METHOD", "这个接口只接受 POST 请求。");
    }
    switch (action) {
      case "/revoke" -> {
        store.revoke(id, now);
        store.audit(now, "admin", "token.revoke", m.collectionId(), id, null, r.remote());
        return Reply.json(200, Map.of("ok", true));
      }
      case "/reissue" -> {
        String token = Guard.token();
        store.reissue(id, token, now);
        store.audit(now, "admin", "token.reissue", m.collectionId(), id, null, r.remote());
        return Reply.json(200, Map.of("token", token, "link", "/collect/m/" + token));
      }
      case "/previous" -> {
        Upload f = r.files().get("file");
        if (f == null || f.bytes().length == 0) {
          return Reply.error(400, "UPLOAD.MISSING", "请选择该成员上一年的报告或工作簿。");
        }
        Result<ReportData> read = Docmerge.readPrevious(f.bytes(), f.name());
        if (read.value().isEmpty()) {
          return Reply.error(422, "COLLECT.PREVIOUS_UNREADABLE", "无法读取上一年的文件："
              + (read.diagnostics().isEmpty() ? "" : read.diagnostics().get(0).message()));
        }
        String sha = blobs.put(f.bytes());
        store.setPrevious(id, sha, f.name());
        store.audit(now, "admin", "member.previous", m.collectionId(), id, "sha256 " + sha, r.remote());
        return Reply.json(200, Map.of("ok", true, "sha256", sha));
      }
      default -> {
        return Reply.error(404, "REQUEST.NOT_FOUND", "没有这个接口。");
      }
    }
  }

  private Reply submissionFile(Req r, long id, String action, long now) throws SQLException, IOException {
    Optional<Store.Submission> s = store.submission(id);
    if (s.isEmpty() || !action.isEmpty() || !r.method().equals("GET")) {
      return Reply.error(404, "COLLECT.NOT_FOUND", "没有这份提交。");
    }
    Optional<byte[]> bytes = blobs.get(s.get().sha256());
    if (bytes.isEmpty()) {
      return Reply.error(500, "COLLECT.FILE_DAMAGED", "这份提交的文件缺失或已损坏（SHA-256 不符）。请检查收集文件夹。");
    }
    store.audit(now, "admin", "export.submission", null, s.get().memberId(), "submission " + id, r.remote());
    return Reply.file(bytes.get(), XLSX, SafeNames.segment("提交" + id + "-" + stem(s.get().fileName()), ext(s.get().fileName())));
  }

  // ---------------------------------------------------------------- exports

  private byte[] statusSheet(Store.Collection col, long now) throws SQLException {
    Map<Long, List<Store.Submission>> subs = bySubmitter(store.submissions(col.id()));
    List<List<Object>> rows = new ArrayList<>();
    for (Store.Member m : store.members(col.id())) {
      List<Store.Submission> own = subs.getOrDefault(m.id(), List.of());
      Map<String, Object> st = status(col, m, own, now);
      Store.Submission cur = own.isEmpty() ? null : own.get(own.size() - 1);
      List<Object> row = new ArrayList<>();
      row.add(m.seq());
      row.add(m.name());
      row.add(st.get("status"));
      row.add(st.get("errors"));
      row.add(Boolean.TRUE.equals(st.get("late")) ? "逾期" : "");
      row.add(own.size());
      row.add(cur == null ? "" : time(cur.at()));
      row.add(cur == null ? "" : cur.sha256());
      row.add(st.get("confirmedAt") == null ? "" : st.get("confirmedAt"));
      row.add(m.token() == null ? "已停用" : "有效");
      rows.add(row);
    }
    return Docmerge.table("收集情况", List.of("序号", "成员单位", "状态", "错误数", "截止 " + col.deadline(),
        "提交次数", "最近提交时间", "最近提交 SHA-256", "确认时间", "上报链接"), rows);
  }

  private String fileStem(Store.Member m) {
    return String.format("%03d-", m.seq()) + m.name();
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String ext(String name) {
    String l = name.toLowerCase(Locale.ROOT);
    return l.endsWith(".xls") ? ".xls" : l.endsWith(".xlsm") ? ".xlsm" : ".xlsx";
  }

  /** Every member's latest workbook, and its report (.docx) when it has no error. */
  private byte[] zip(Store.Collection col) throws SQLException, IOException {
    Map<Long, List<Store.Submission>> subs = bySubmitter(store.submissions(col.id()));
    Docmerge engine = engine(col.kind());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Store.Member m : store.members(col.id())) {
        List<Store.Submission> own = subs.getOrDefault(m.id(), List.of());
        if (own.isEmpty()) {
          continue;
        }
        Store.Submission cur = own.get(own.size() - 1);
        Optional<byte[]> bytes = blobs.get(cur.sha256());
        if (bytes.isEmpty()) {
          throw new IOException("stored file missing or damaged: " + cur.sha256());
        }
        String stem = SafeNames.segment(fileStem(m), "");
        z.putNextEntry(new ZipEntry("工作簿/" + stem + ext(cur.fileName())));
        z.write(bytes.get());
        z.closeEntry();
        if (cur.errors() == 0) {
          Docmerge.Rendered r = engine.merge(bytes.get(), cur.fileName(), Validator.Options.DEFAULT, false);
          if (r.document().isPresent()) {
            z.putNextEntry(new ZipEntry("报告/" + stem + ".docx"));
            z.write(r.document().get());
            z.closeEntry();
          }
        }
      }
    }
    return out.toByteArray();
  }

  /** The 本级 workbook (or its draft report) summed from every member's latest workbook, through aggregate. */
  private Reply aggregate(Req r, Store.Collection col, boolean docx, boolean allowErrors, boolean allowMissing,
      long now) throws SQLException, IOException {
    Map<Long, List<Store.Submission>> subs = bySubmitter(store.submissions(col.id()));
    List<Store.Member> members = store.members(col.id());
    List<String> missing = members.stream().filter(m -> !subs.containsKey(m.id())).map(Store.Member::name).toList();
    if (!missing.isEmpty() && !allowMissing) {
      store.audit(now, "admin", "aggregate.refused", col.id(), null, missing.size() + " not submitted", r.remote());
      return refused(List.of("还有 " + missing.size() + " 个成员单位未提交：" + String.join("、", missing.subList(0,
          Math.min(10, missing.size()))) + (missing.size() > 10 ? " 等" : "") + "。等它们提交后再汇总；如确需只汇总已提交的，"
          + "选择「不计未提交的单位」（allowMissing=1）"));
    }
    Path tmp = Files.createTempDirectory("docmerge-collect-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path in = Files.createDirectory(tmp.resolve("成员"));
      List<String> names = new ArrayList<>();
      for (Store.Member m : members) {
        List<Store.Submission> own = subs.get(m.id());
        if (own == null) {
          continue;
        }
        Store.Submission cur = own.get(own.size() - 1);
        String file = SafeNames.segment(fileStem(m), ext(cur.fileName()));
        Files.write(in.resolve(file), blobs.get(cur.sha256()).orElseThrow(
            () -> new IOException("stored file missing or damaged: " + cur.sha256())));
        names.add(file);
      }
      Path output = tmp.resolve("汇总.xlsx");
      Aggregate.Options options = new Aggregate.Options(Math.max(1, Runtime.getRuntime().availableProcessors()),
          allowErrors, Optional.of(col.year()), Optional.of(names), col.agency(), false);
      Aggregate.Outcome o = Aggregate.run(engine(col.kind()), in, output, options, Batch.Progress.NONE);
      if (o.output().isEmpty()) {
        store.audit(now, "admin", "aggregate.refused", col.id(), null, o.problems().size() + " problems", r.remote());
        return refused(o.problems().stream().map(d -> d.message().replace("--allow-errors", "「仍然汇总有错误的单位」（allowErrors=1）")
            .replace(in.toString() + "/", "")).toList());
      }
      byte[] workbook = Files.readAllBytes(output);
      store.audit(now, "admin", docx ? "export.aggregate.docx" : "export.aggregate.xlsx", col.id(), null,
          (allowErrors ? "allowErrors " : "") + (allowMissing ? "allowMissing" : ""), r.remote());
      if (!docx) {
        return Reply.file(workbook, XLSX, SafeNames.segment(col.agency() + col.year() + "年汇总", ".xlsx"));
      }
      // The sum has no narrative (it is written afresh by the office): the report is a draft until then.
      Docmerge.Rendered rendered = engine(col.kind()).merge(workbook, "汇总.xlsx", Validator.Options.DEFAULT, true);
      if (rendered.document().isEmpty()) {
        return refused(rendered.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList());
      }
      return Reply.file(rendered.document().get(), DOCX, rendered.documentName(true, ".docx"));
    } finally {
      try (Stream<Path> all = Files.walk(tmp)) {
        all.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
      }
    }
  }

  private static Reply refused(List<String> problems) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", "docmerge-error/1");
    m.put("status", 409);
    m.put("code", "COLLECT.AGGREGATE_REFUSED");
    m.put("message", "没有汇总：" + (problems.isEmpty() ? "" : problems.get(0)));
    m.put("problems", problems);
    return Reply.json(409, m);
  }

  static JsonNode parse(byte[] body) throws IOException {
    return JSON.readTree(body);
  }
}
