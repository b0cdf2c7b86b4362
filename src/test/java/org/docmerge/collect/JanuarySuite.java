package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.docmerge.Multipart.FilePart;
import org.docmerge.collect.Http.Answer;
import org.docmerge.workbook.TestWorkbooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole January through the HTTP API, run against each database ({@link CollectH2Test}, {@link CollectPostgresTest}):
 * 30 members, some broken then fixed, one racing itself, one late, one link revoked and reissued; the status, the
 * zip and the aggregate checked against sums computed here with plain POI; and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JanuarySuite {
  static final int YEAR = 2022;
  static final int N = 30;
  static final Set<Integer> BROKEN = Set.of(4, 11, 23);
  static final int RACING = 17;
  static final int REVOKED = 8;
  static final int LATE = 29;
  static final String PASSWORD = "正确的管理密码-2025";

  Server server;
  Path folder;
  Http office;

  /** The JDBC URL of a fresh database, or null for the embedded default. */
  abstract String jdbcUrl() throws Exception;

  @BeforeAll
  void start() throws Exception {
    folder = Files.createTempDirectory("docmerge-collect-test-");
    // 5 January 2023, Beijing time; the deadline is 20 January.
    server = new Server(folder, jdbcUrl(), Instant.parse("2023-01-05T02:00:00Z"));
    office = new Http(server.base());
    office.admin(PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    try (var all = Files.walk(folder)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static String name(int i) {
    return "测试机关" + (1000 + i);
  }

  JsonNode create(int n, String deadline) throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(name(i));
    }
    Answer a = office.post("/collect/api/admin/collections", Map.of("year", String.valueOf(YEAR), "deadline", deadline,
        "agency", "测试区人民政府"), new FilePart("members", "成员名单.xlsx", Members.memberList(names)));
    assertEquals(201, a.status(), a.text());
    return a.json();
  }

  static Answer upload(Http h, String token, byte[] xlsx) throws Exception {
    return h.post("/collect/api/m/" + token + "/upload", new FilePart("file", "年报.xlsx", xlsx));
  }

  @Test
  void wholeJanuary() throws Exception {
    JsonNode created = create(N, "2023-01-20");
    long cid = created.path("collection").path("id").asLong();
    assertEquals(N, created.path("members").size());
    String[] tokens = new String[N];
    long[] ids = new long[N];
    for (int i = 0; i < N; i++) {
      tokens[i] = created.path("members").get(i).path("token").asText();
      ids[i] = created.path("members").get(i).path("id").asLong();
      assertTrue(tokens[i].matches("[A-Za-z0-9_-]{22}"), tokens[i]); // 128 bits, base64url
    }
    assertEquals(N, java.util.Arrays.stream(tokens).distinct().count());
    Http member = office.anonymous();

    // Last year's workbook for member 0: its blank starts from last year's carry-over.
    Answer prev = office.post("/collect/api/admin/members/" + ids[0] + "/previous",
        new FilePart("file", "2021年报.xlsx", Members.workbook(1000, YEAR - 1)));
    assertEquals(200, prev.status(), prev.text());
    byte[] carried = member.get("/collect/api/m/" + tokens[0] + "/blank").body();
    byte[] plain = member.get("/collect/api/m/" + tokens[1] + "/blank").body();
    long carriedNumbers = Members.numbers(carried).values().stream().filter(v -> v != 0).count();
    long plainNumbers = Members.numbers(plain).values().stream().filter(v -> v != 0).count();
    assertTrue(carriedNumbers > plainNumbers, carriedNumbers + " vs " + plainNumbers);

    // The office revokes one link (sent to the wrong person) and issues another.
    String old = tokens[REVOKED];
    assertEquals(200, office.post("/collect/api/admin/members/" + ids[REVOKED] + "/revoke").status());
    Answer revoked = member.get("/collect/api/m/" + old);
    Answer unknown = member.get("/collect/api/m/AAAAAAAAAAAAAAAAAAAAAA");
    assertEquals(404, revoked.status());
    assertEquals(unknown.status(), revoked.status());
    assertEquals(unknown.text(), revoked.text()); // nothing tells a revoked token from one that never existed
    assertEquals(404, upload(member, old, Members.workbook(1000 + REVOKED, YEAR)).status());
    Answer reissued = office.post("/collect/api/admin/members/" + ids[REVOKED] + "/reissue");
    tokens[REVOKED] = reissued.json().path("token").asText();
    assertNotEquals(old, tokens[REVOKED]);

    // Everyone but the late member uploads; three upload a broken workbook first; one races two uploads.
    Map<Integer, List<String>> shas = new TreeMap<>();
    Map<Integer, byte[]> last = new HashMap<>();
    for (int i = 0; i < N; i++) {
      if (i == LATE) {
        continue;
      }
      byte[] wb = BROKEN.contains(i) ? Members.broken(1000 + i, YEAR) : Members.workbook(1000 + i, YEAR);
      if (i == RACING) {
        byte[] first = Members.workbook(1000 + i, YEAR);
        byte[] second = Members.workbook(5000 + i, YEAR); // other numbers, another file
        final int m = i;
        CompletableFuture<Answer> a = CompletableFuture.supplyAsync(() -> call(() -> upload(member, tokens[m], first)));
        CompletableFuture<Answer> b = CompletableFuture.supplyAsync(() -> call(() -> upload(member, tokens[m], second)));
        Answer ra = a.get();
        Answer rb = b.get();
        assertEquals(200, ra.status(), ra.text());
        assertEquals(200, rb.status(), rb.text());
        boolean bLater = rb.json().path("submission").asLong() > ra.json().path("submission").asLong();
        last.put(i, bLater ? second : first);
        shas.put(i, new ArrayList<>(List.of(Members.sha256(bLater ? first : second), Members.sha256(bLater ? second : first))));
        continue;
      }
      Answer up = upload(member, tokens[i], wb);
      assertEquals(200, up.status(), up.text());
      assertEquals(Members.sha256(wb), up.json().path("sha256").asText());
      assertEquals(BROKEN.contains(i), up.json().path("errors").asInt() > 0, up.text());
      shas.computeIfAbsent(i, k -> new ArrayList<>()).add(Members.sha256(wb));
      last.put(i, wb);
    }
    // A broken member sees its findings at its cells and cannot confirm.
    int b0 = BROKEN.iterator().next();
    JsonNode mine = member.get("/collect/api/m/" + tokens[b0]).json();
    assertEquals("有错误", mine.path("status").asText());
    assertEquals(409, member.post("/collect/api/m/" + tokens[b0] + "/confirm").status());

    // The aggregate is refused while a member has errors or has not submitted (as aggregate does) ...
    Answer refused = office.get("/collect/api/admin/collections/" + cid + "/aggregate.xlsx");
    assertEquals(409, refused.status());
    Answer refusedErrors = office.get("/collect/api/admin/collections/" + cid + "/aggregate.xlsx?allowMissing=1");
    assertEquals(409, refusedErrors.status());
    assertTrue(refusedErrors.text().contains("错误"), refusedErrors.text());
    // ... unless the office says otherwise.
    assertEquals(200, office.get("/collect/api/admin/collections/" + cid + "/aggregate.xlsx?allowMissing=1&allowErrors=1").status());

    // The broken ones fix and upload again; everyone on time confirms.
    for (int i : BROKEN) {
      byte[] wb = Members.workbook(1000 + i, YEAR);
      Answer up = upload(member, tokens[i], wb);
      assertEquals(0, up.json().path("errors").asInt(), up.text());
      shas.get(i).add(Members.sha256(wb));
      last.put(i, wb);
    }
    for (int i = 0; i < N; i++) {
      if (i != LATE) {
        Answer c = member.post("/collect/api/m/" + tokens[i] + "/confirm");
        assertEquals(200, c.status(), i + ": " + c.text());
        assertEquals("已确认", c.json().path("status").asText());
      }
    }
    // The late member comes after the deadline.
    server.clock.advance(Duration.ofDays(20));
    assertEquals(401, office.get("/collect/api/admin/collections").status(), "the office's session has expired");
    office.admin(PASSWORD);
    byte[] lateWb = Members.workbook(1000 + LATE, YEAR);
    assertEquals(200, upload(member, tokens[LATE], lateWb).status());
    assertEquals(200, member.post("/collect/api/m/" + tokens[LATE] + "/confirm").status());
    shas.put(LATE, List.of(Members.sha256(lateWb)));
    last.put(LATE, lateWb);

    // The office's page: every member confirmed, one late, each history with its SHA-256s in order.
    JsonNode detail = office.get("/collect/api/admin/collections/" + cid).json();
    assertEquals(N, detail.path("counts").path("已确认").asInt(), detail.path("counts").toString());
    assertEquals(1, detail.path("late").asInt());
    for (int i = 0; i < N; i++) {
      JsonNode m = detail.path("members").get(i);
      assertEquals(name(i), m.path("name").asText());
      assertEquals(i == LATE, m.path("late").asBoolean(), name(i));
      List<String> history = new ArrayList<>();
      m.path("submissions").forEach(s -> history.add(s.path("sha256").asText()));
      assertEquals(shas.get(i), history, name(i));
      if (BROKEN.contains(i)) {
        JsonNode firstSub = m.path("submissions").get(0);
        assertTrue(firstSub.path("errors").asInt() > 0);
        List<String> codes = new ArrayList<>();
        firstSub.path("diagnostics").forEach(d -> codes.add(d.path("code").asText()));
        assertTrue(codes.contains("R01"), codes.toString());
      }
    }
    // Another member's view shows nothing of others.
    String own = member.get("/collect/api/m/" + tokens[1]).text();
    assertFalse(own.contains(name(2)) || own.contains(shas.get(2).get(0)));

    // The status sheet lists every member with its status; the late one marked.
    Answer status = office.get("/collect/api/admin/collections/" + cid + "/status.xlsx");
    assertEquals(200, status.status());
    List<List<String>> rows = TestWorkbooks.rows(status.body());
    assertEquals(N + 1, rows.size());
    for (int i = 0; i < N; i++) {
      List<String> r = rows.get(i + 1);
      assertEquals(name(i), r.get(1));
      assertEquals("已确认", r.get(2));
      assertEquals(i == LATE ? "逾期" : "", r.get(4));
      assertEquals(shas.get(i).get(shas.get(i).size() - 1), r.get(7));
    }

    // The zip: every member's latest workbook (byte for byte) and its report.
    Answer zip = office.get("/collect/api/admin/collections/" + cid + "/reports.zip");
    assertEquals(200, zip.status());
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()), java.nio.charset.StandardCharsets.UTF_8)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        entries.put(e.getName(), z.readAllBytes());
      }
    }
    for (int i = 0; i < N; i++) {
      String stem = String.format("%03d-", i + 1) + name(i);
      assertArrayEquals(last.get(i), entries.get("工作簿/" + stem + ".xlsx"), stem);
      byte[] docx = entries.get("报告/" + stem + ".docx");
      assertTrue(docx != null && docx.length > 1000 && docx[0] == 'P' && docx[1] == 'K', stem);
    }
    assertEquals(2 * N, entries.size());

    // The aggregate: every numeric cell of 表二/三/四 is the sum of the members' cells at the same place (plain POI).
    Answer agg = office.get("/collect/api/admin/collections/" + cid + "/aggregate.xlsx");
    assertEquals(200, agg.status(), agg.text());
    Map<String, Double> sum = new TreeMap<>();
    for (byte[] wb : last.values()) {
      Members.numbers(wb).forEach((k, v) -> sum.merge(k, v, Double::sum));
    }
    Map<String, Double> got = Members.numbers(agg.body());
    assertTrue(sum.size() > 100, "cells compared: " + sum.size());
    assertTrue(sum.values().stream().anyMatch(v -> v > 0));
    for (Map.Entry<String, Double> e : sum.entrySet()) {
      assertEquals(e.getValue(), got.get(e.getKey()), 1e-6, e.getKey());
    }
    Answer report = office.get("/collect/api/admin/collections/" + cid + "/aggregate.docx");
    assertEquals(200, report.status(), report.text());
    assertTrue(report.headers().firstValue("Content-Disposition").orElse("").contains("docx"));

    // Every action and refusal is in the audit table.
    String audit = office.get("/collect/api/admin/audit").text();
    for (String action : List.of("collection.create", "token.revoke", "token.reissue", "member.upload", "member.confirm",
        "denied.token", "aggregate.refused", "export.zip", "export.status", "member.previous")) {
      assertTrue(audit.contains("\"" + action + "\""), action);
    }
    assertFalse(audit.contains(old), "a token is never written to the audit log");
  }

  @Test
  void refusals() throws Exception {
    JsonNode created = create(3, "2023-01-20");
    String a = created.path("members").get(0).path("token").asText();
    String b = created.path("members").get(1).path("token").asText();
    long bId = created.path("members").get(1).path("id").asLong();
    Http member = office.anonymous();
    Answer bUp = upload(member, b, Members.workbook(2001, YEAR));
    long bSubmission = bUp.json().path("submission").asLong();

    // Another member's token does not reach B: neither as a member nor as an admin credential.
    Answer withA = member.get("/collect/api/m/" + a);
    assertFalse(withA.text().contains(bUp.json().path("sha256").asText()));
    Http aAsAdmin = office.anonymous();
    aAsAdmin.cookie = a;
    assertEquals(401, aAsAdmin.get("/collect/api/admin/submissions/" + bSubmission).status());
    assertEquals(401, aAsAdmin.post("/collect/api/admin/members/" + bId + "/revoke").status());

    // A forged admin cookie.
    Http forged = office.anonymous();
    forged.cookie = "forged-" + office.cookie.substring(7);
    forged.csrf = office.csrf;
    assertEquals(401, forged.get("/collect/api/admin/collections").status());
    assertEquals(401, forged.post("/collect/api/admin/members/" + bId + "/revoke").status());

    // A real session without the CSRF token, or with a wrong one.
    Http noCsrf = office.anonymous();
    noCsrf.cookie = office.cookie;
    assertEquals(403, noCsrf.post("/collect/api/admin/members/" + bId + "/revoke").status());
    noCsrf.csrf = "wrong";
    assertEquals(403, noCsrf.post("/collect/api/admin/members/" + bId + "/reissue").status());
    assertEquals(200, member.get("/collect/api/m/" + b).status(), "B's link still works: nothing was revoked");
    assertEquals(200, office.get("/collect/api/admin/submissions/" + bSubmission).status());

    // A wrong password; setting the password again.
    assertEquals(401, office.anonymous().post("/collect/api/admin/login", Map.of("password", "wrong-password")).status());
    assertEquals(409, office.anonymous().post("/collect/api/admin/setup", Map.of("password", "another-password")).status());

    // The upload rate limit per link (10 a minute here), the same for a token that does not exist.
    int limited = 0;
    for (int i = 0; i < 12; i++) {
      limited += upload(member, a, Members.broken(2000, YEAR)).status() == 429 ? 1 : 0;
    }
    assertEquals(2, limited);

    String audit = office.get("/collect/api/admin/audit").text();
    for (String denial : List.of("denied.session", "denied.csrf", "denied.login", "denied.setup", "denied.rate")) {
      assertTrue(audit.contains("\"" + denial + "\""), denial);
    }
  }

  interface Call<T> {
    T run() throws Exception;
  }

  static <T> T call(Call<T> c) {
    try {
      return c.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
