package org.docmerge.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.docmerge.Multipart.FilePart;
import org.docmerge.cli.CliRunner;
import org.docmerge.serve.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API as the page and a script use it: a real server on a free port, in-process, java.net.http. */
class ServeApiTest {
  static final Path SAMPLES = Path.of("input-samples");
  static ApiClient api;
  static byte[] good;
  static byte[] broken;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiClient();
    good = Files.readAllBytes(SAMPLES.resolve("gongshu-investment-2021.xlsx"));
    broken = Files.readAllBytes(SAMPLES.resolve("broken-2021.xlsx"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static FilePart file(String name, byte[] bytes) {
    return new FilePart("file", name, bytes);
  }

  @Test
  void aCleanWorkbookChecksWithNoErrorsAndTheThreeTablesToDraw() throws Exception {
    Answer a = api.post("/api/check", file("gongshu-investment-2021.xlsx", good));
    assertEquals(200, a.status());
    assertTrue(a.type().startsWith("application/json"), a.type());
    JsonNode j = a.json();
    assertEquals("docmerge-check/1", j.get("schema").asText());
    assertEquals(0, j.get("errors").asInt());
    assertTrue(j.get("ok").asBoolean());
    assertEquals("gongshu-investment-2021.xlsx", j.get("file").asText());
    List<String> tables = new ArrayList<>();
    j.get("tables").forEach(t -> tables.add(t.get("sheet").asText()));
    assertEquals(List.of("表二", "表三", "表四"), tables);
    // each value carries the cell it was read from, so the page can mark it
    JsonNode first = j.get("tables").get(1).get("blocks").get(0).get("rows").get(0).get("cells").get(0);
    assertEquals("t3.new.natural", first.get("id").asText());
    assertEquals("表三", first.get("sheet").asText());
    assertFalse(first.get("cell").asText().isEmpty());
  }

  @Test
  void theBrokenSampleGetsTheSameFindingsAsTheCli(@TempDir Path tmp) throws Exception {
    JsonNode j = api.post("/api/check", file("broken-2021.xlsx", broken)).json();
    assertTrue(j.get("errors").asInt() > 0);
    Path copy = tmp.resolve("broken-2021.xlsx");
    Files.write(copy, broken);
    CliRunner.Run cli = CliRunner.run("check", copy.toString(), "--format", "json");
    JsonNode c = new ObjectMapper().readTree(cli.out());
    assertEquals(c.get("errors").asInt(), j.get("errors").asInt());
    assertEquals(findings(c), findings(j));
    // a table error names its sheet and cell
    assertTrue(findings(j).stream().anyMatch(f -> f.startsWith("error R01 表四!B6 ")), findings(j).toString());
    // a prose finding quotes its paragraph
    boolean quoted = false;
    for (JsonNode d : j.get("diagnostics")) {
      quoted |= d.has("paragraph") && d.get("paragraph").asText().contains("依申请公开");
    }
    assertTrue(quoted, "R11 should quote the paragraph it is about");
  }

  /**
   * A published report checked on the page gets the CLI's findings, its severity policy included: what could not
   * be read is no error of the publisher (a cut excerpt: no R16/R17; pictures for tables: no R16, only warnings).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"html/tables-as-pictures-2023.html",
      "published/45-dianjiang-jiaowei-2019.txt", "published/47-ningdu-duifang-town-2023.txt"})
  void aPublishedReportGetsTheSameFindingsAsTheCli(String fixture, @TempDir Path tmp) throws Exception {
    Path source = Path.of("src/test/resources", fixture);
    Path copy = tmp.resolve(source.getFileName().toString());
    Files.copy(source, copy);
    JsonNode j = api.post("/api/check", file(copy.getFileName().toString(), Files.readAllBytes(copy))).json();
    CliRunner.Run cli = CliRunner.run("check", copy.toString(), "--format", "json");
    JsonNode c = new ObjectMapper().readTree(cli.out());
    assertEquals(findings(c), findings(j));
    assertEquals(0, j.get("errors").asInt(), j.toString());
    assertFalse(findings(j).stream().anyMatch(f -> f.contains(" R16 ")), findings(j).toString());
  }

  private static List<String> findings(JsonNode j) {
    List<String> out = new ArrayList<>();
    j.get("diagnostics").forEach(d -> out.add(d.get("severity").asText() + " " + d.get("code").asText() + " "
        + d.get("sheet").asText() + "!" + d.get("cell").asText() + " " + d.get("detail").asText() + " "
        + d.get("message").asText()));
    return out;
  }

  @Test
  void mergeGivesTheDocxUnderItsChineseNameOr422WithTheFindings() throws Exception {
    Answer ok = api.post("/api/merge?format=docx", file("年报.xlsx", good));
    assertEquals(200, ok.status());
    assertEquals(Api.DOCX, ok.type());
    assertEquals("拱墅区投资促进局2021年政府信息公开工作年度报告.docx", ok.fileName());
    assertTrue(ok.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment; filename=\"docmerge.docx\""));
    assertEquals('P', ok.body()[0]);
    assertEquals('K', ok.body()[1]);

    Answer refused = api.post("/api/merge?format=docx", file("broken-2021.xlsx", broken));
    assertEquals(422, refused.status());
    assertFalse(refused.json().get("ok").asBoolean());
    assertTrue(refused.json().get("message").asText().contains("没有生成报告"));

    Answer draft = api.post("/api/merge?format=draft", file("broken-2021.xlsx", broken));
    assertEquals(200, draft.status());
    assertTrue(draft.fileName().endsWith("（草稿）.docx"), draft.fileName());
  }

  @Test
  void aPdfComesThroughLibreOffice() throws Exception {
    org.docmerge.RealClients.require("soffice");
    assertTrue(api.get("/api/about").json().get("pdf").asBoolean());
    Answer pdf = api.post("/api/merge?format=pdf", file("年报.xlsx", good));
    assertEquals(200, pdf.status(), pdf.text());
    assertEquals(Api.PDF, pdf.type());
    assertEquals("拱墅区投资促进局2021年政府信息公开工作年度报告.pdf", pdf.fileName());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void aPublishedReportIsCheckedAndReadBack() throws Exception {
    byte[] docx = api.post("/api/merge", file("年报.xlsx", good)).body();
    JsonNode j = api.post("/api/check", file("2021年报.docx", docx)).json();
    assertEquals(0, j.get("errors").asInt(), j.toString());
    Answer back = api.post("/api/extract", file("2021年报.docx", docx));
    assertEquals(200, back.status());
    assertEquals("2021年报数据.xlsx", back.fileName());
    assertEquals(0, api.post("/api/check", file("2021年报数据.xlsx", back.body())).json().get("errors").asInt());
  }

  @Test
  void aPublishedReportWhoseTablesArePicturesSaysNoNumberWasRead() throws Exception {
    byte[] page = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/html/tables-as-pictures-2023.html"));
    JsonNode j = api.post("/api/check", file("年报.html", page)).json();
    assertEquals(0, j.get("numbersRead").asInt(), j.toString());
    assertEquals(200, j.get("numbers").asInt(), j.toString());
    byte[] docx = api.post("/api/merge", file("年报.xlsx", good)).body();
    JsonNode read = api.post("/api/check", file("2021年报.docx", docx)).json();
    assertEquals(200, read.get("numbersRead").asInt(), read.toString());
  }

  @Test
  void lastYearsFileBringsTheCrossYearFindings() throws Exception {
    // the 2021 workbook given as its own previous year: 上年结转 does not match 上年's 结转下年度 (R07)
    JsonNode j = api.post("/api/check", Map.of(), file("年报.xlsx", good), new FilePart("previous", "上年.xlsx", good)).json();
    List<String> codes = new ArrayList<>();
    j.get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
    assertTrue(codes.stream().anyMatch(c -> c.equals("R07") || c.equals("R08") || c.equals("R19")), codes.toString());
    Answer bad = api.post("/api/check", Map.of(), file("年报.xlsx", good), new FilePart("previous", "上年.xlsx", new byte[] {1, 2, 3}));
    assertEquals(422, bad.status());
    assertTrue(bad.json().get("message").asText().contains("无法读取上年报告"));
  }

  @Test
  void initGivesABlankWorkbookForTheYearOrCarriesLastYearForward() throws Exception {
    Answer blank = api.get("/api/init?year=2022");
    assertEquals(200, blank.status());
    assertEquals(Api.XLSX, blank.type());
    assertEquals("2022年度政府信息公开年报数据.xlsx", blank.fileName());
    JsonNode checked = api.post("/api/check", file("x.xlsx", blank.body())).json();
    assertEquals("gov-info-annual-2021", checked.get("kind").asText());
    assertEquals("2022", cover(checked, "year"));

    JsonNode old = api.post("/api/check", file("x.xlsx", api.get("/api/init?year=2020").body())).json();
    assertEquals("gov-info-annual-2019", old.get("kind").asText());

    byte[] report = api.post("/api/merge", file("年报.xlsx", good)).body();
    Answer carried = api.post("/api/init", Map.of(), new FilePart("from", "2021年报.docx", report));
    assertEquals(200, carried.status());
    JsonNode next = api.post("/api/check", file("x.xlsx", carried.body())).json();
    assertEquals("2022", cover(next, "year"));
    assertEquals("拱墅区投资促进局", cover(next, "agency"));

    assertEquals(400, api.get("/api/init?year=22").status());
    assertEquals(400, api.get("/api/init?kind=../../templates/gov-info-annual-2021").status());
  }

  private static String cover(JsonNode j, String id) {
    for (JsonNode f : j.get("cover")) {
      if (f.get("id").asText().equals(id)) {
        return f.get("value").asText();
      }
    }
    return null;
  }

  @Test
  void inspectListsTheTagsOfATemplateAndRefusesAWorkbook() throws Exception {
    byte[] template = Files.readAllBytes(Path.of("templates/gov-info-annual-2021/template.docx"));
    JsonNode ok = api.post("/api/inspect", file("模板.docx", template)).json();
    assertEquals("docmerge-inspect/1", ok.get("schema").asText());
    assertTrue(ok.get("ok").asBoolean(), ok.toString());
    assertTrue(ok.get("tags").size() > 100, "the shipped template prints every number");
    JsonNode bad = api.post("/api/inspect", file("模板.docx", good)).json();
    assertFalse(bad.get("ok").asBoolean());
    assertEquals("TEMPLATE.NOT_DOCX", bad.get("diagnostics").get(0).get("code").asText());
  }

  @Test
  void a30MbUploadGets413InChineseAndTheServerKeepsServing() throws Exception {
    byte[] big = new byte[30 << 20];
    new java.util.Random(1).nextBytes(big);
    Answer a = api.post("/api/check", file("大文件.xlsx", big));
    assertEquals(413, a.status());
    assertEquals("UPLOAD.TOO_LARGE", a.json().get("code").asText());
    assertTrue(a.json().get("message").asText().contains("超过了 20 MB 的上限"), a.text());
    assertEquals(200, api.get("/api/about").status());
    Answer merge = api.post("/api/merge?format=docx", file("大文件.xlsx", big));
    assertEquals(413, merge.status());
    assertEquals("UPLOAD.TOO_LARGE", merge.json().get("code").asText());
    assertEquals(0, api.post("/api/check", file("年报.xlsx", good)).json().get("errors").asInt());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (Answer a : List.of(api.get("/"), api.get("/app.js"), api.post("/api/check", file("年报.xlsx", good)),
        api.get("/no-such-page"))) {
      String csp = a.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertEquals("nosniff", a.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("no-referrer", a.headers().firstValue("Referrer-Policy").orElse(""));
      assertTrue(a.headers().firstValue("Server").isEmpty(), "no server banner");
    }
    String page = api.get("/").text();
    assertFalse(page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
    assertFalse(page.contains("http://") || page.contains("https://"), "no asset from another host");
  }

  @Test
  void nothingTheClientSendsIsUsedAsAPath() throws Exception {
    Answer a = api.post("/api/check", file("../../../etc/passwd/年报.xlsx", good));
    assertEquals("年报.xlsx", a.json().get("file").asText());
    Answer k = api.post("/api/check", Map.of("kind", "/etc"), file("年报.xlsx", good));
    assertEquals(400, k.status());
    assertTrue(k.json().get("message").asText().contains("没有这种报告类型"));
    int up = api.get("/../pom.xml").status();
    assertTrue(up == 404 || up == 400, "a path out of the page gets nothing: " + up);
    assertEquals(404, api.get("/org/docmerge/serve/WebServer.class").status());
  }

  @Test
  void onLoopbackOnlyRequestsAddressedToThisComputerAreServed() throws Exception {
    // a page elsewhere whose host name resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", api.base().getPort())) {
      s.getOutputStream().write(("GET /api/about HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
      assertTrue(answer.contains("只供本机使用"), answer);
    }
    assertTrue(WebServer.loopback("127.0.0.1") && WebServer.loopback("localhost"));
    assertFalse(WebServer.loopback("0.0.0.0"));
  }

  @Test
  void aPostFromAnotherSitesPageIsRefused() throws Exception {
    // what a form on another site's page sends to this server: its Origin (a small body, so all of it is written
    // before the refusal comes back)
    byte[] body = "--b\r\nContent-Disposition: form-data; name=\"deadline\"\r\n\r\n2022-01-20\r\n--b--\r\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", api.base().getPort())) {
      String head = "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:" + api.base().getPort()
          + "\r\nOrigin: http://attacker.example\r\nContent-Type: multipart/form-data; boundary=b\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
      request.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      request.writeBytes(body);
      s.getOutputStream().write(request.toByteArray());
      String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
      assertTrue(answer.contains("REQUEST.ORIGIN"), answer);
    }
  }

  @Test
  void serveOnTheOfficeNetworkWarnsInChineseAndPrintsTheUrl() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int[] code = {-1};
    Thread t = new Thread(() -> code[0] = org.docmerge.cli.Main.run(new String[] {"serve", "--host", "0.0.0.0", "--port", "0"},
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)));
    t.start();
    long until = System.nanoTime() + 60_000_000_000L;
    while (!out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("已启动") && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    t.interrupt(); // Ctrl+C: the command stops its server and returns
    t.join(30_000);
    String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(printed.matches("(?s).*docmerge 网页版已启动：http://127\\.0\\.0\\.1:\\d+/.*"), printed);
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("警告：网页服务监听在 0.0.0.0"), err.toString());
    assertFalse(t.isAlive());
    assertEquals(0, code[0]);
  }

  @Test
  void theServeCommandRefusesABadPortInChinese() {
    CliRunner.Run r = CliRunner.run("serve", "--port", "八千");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--port 应是 1 到 65535 之间的数字"), r.err());
  }

  @Test
  void wrongRequestsGetAChineseSentenceNotAStackTrace() throws Exception {
    for (Answer a : List.of(api.get("/api/check"), api.post("/api/check"), api.get("/api/nothing"),
        api.post("/api/merge?format=exe", file("年报.xlsx", good)))) {
      assertTrue(a.status() >= 400 && a.status() < 500, a.status() + " " + a.text());
      assertTrue(a.json().get("message").asText().matches(".*[\\u4e00-\\u9fff].*"), a.text());
      assertFalse(a.text().contains("Exception") || a.text().contains("\tat "), a.text());
    }
  }

  @Test
  void concurrentRequestsAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        boolean merge = i % 2 == 0;
        Callable<Integer> c = () -> api.post(merge ? "/api/merge" : "/api/check", file("年报.xlsx", good)).status();
        all.add(pool.submit(c));
      }
      for (Future<Integer> f : all) {
        assertEquals(200, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

}
