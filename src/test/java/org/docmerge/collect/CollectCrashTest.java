package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.docmerge.Multipart.FilePart;
import org.docmerge.collect.Http.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code docmerge serve --collect} (a child JVM) while uploads are under way, then a restart on the same
 * folder: every submission recorded before is there with its file intact (SHA-256), none is half-recorded, and the
 * store's temp folder is clean.
 */
@Tag("slow")
class CollectCrashTest {
  @TempDir
  Path dir;

  record Child(Process process, URI base) {}

  static Child start(Path folder) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.docmerge.cli.Main", "serve", "--collect", folder.toString(), "--port", "0").redirectErrorStream(true);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      int at = line.indexOf("http://");
      if (line.contains("已启动") && at >= 0) {
        URI base = URI.create(line.substring(at).strip());
        Thread drain = new Thread(() -> {
          try {
            out.transferTo(Writer.NULL);
          } catch (java.io.IOException e) {
            // the child is gone
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new Child(p, base);
      }
    }
    throw new IllegalStateException("serve --collect did not start");
  }

  private static final class Writer {
    static final java.io.Writer NULL = java.io.Writer.nullWriter();
  }

  @Test
  void killDuringUploadsLosesNothingAndRecordsNothingHalf() throws Exception {
    Path folder = dir.resolve("2022年报收集");
    Child first = start(folder);
    Http office = new Http(first.base());
    office.admin("crash-test-password");
    List<String> names = List.of("甲单位", "乙单位", "丙单位");
    JsonNode created = office.post("/collect/api/admin/collections", Map.of("year", "2022", "deadline", "2023-01-20"),
        new FilePart("members", "名单.xlsx", Members.memberList(names))).json();
    long cid = created.path("collection").path("id").asLong();
    String[] tokens = new String[3];
    for (int i = 0; i < 3; i++) {
      tokens[i] = created.path("members").get(i).path("token").asText();
    }
    Http member = office.anonymous();
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] wb = Members.workbook(300 + i, 2022);
      Answer a = JanuarySuite.upload(member, tokens[i % 2], wb);
      assertEquals(200, a.status(), a.text());
      before.add(Members.sha256(wb));
    }

    // Member 丙 is half-way through sending its workbook when the server is killed.
    byte[] wb = Members.workbook(399, 2022);
    String boundary = "----crash";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"年报.xlsx\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    Socket s = new Socket(first.base().getHost(), first.base().getPort());
    OutputStream o = s.getOutputStream();
    o.write(("POST /collect/api/m/" + tokens[2] + "/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
        + (head.length + wb.length + tail.length) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    o.write(head);
    o.write(wb, 0, wb.length / 2);
    o.flush();
    // Meanwhile 甲 and 乙 keep uploading: the kill lands somewhere among their stores and commits.
    List<CompletableFuture<Answer>> racing = new ArrayList<>();
    List<String> racingShas = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      byte[] more = Members.workbook(500 + i, 2022);
      racingShas.add(Members.sha256(more));
      String t = tokens[i % 2];
      racing.add(CompletableFuture.supplyAsync(() -> JanuarySuite.call(() -> JanuarySuite.upload(member, t, more))));
    }
    // Killed the moment the first of them is answered: an answered upload was committed, and must survive.
    CompletableFuture.anyOf(racing.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no close
    assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
    s.close();
    List<String> answered = new ArrayList<>();
    for (int i = 0; i < racing.size(); i++) {
      try {
        if (racing.get(i).get(30, TimeUnit.SECONDS).status() == 200) {
          answered.add(racingShas.get(i));
        }
      } catch (java.util.concurrent.ExecutionException e) {
        // cut off by the kill: may or may not have been recorded, never half
      }
    }
    assertTrue(!answered.isEmpty());

    Child second = start(folder);
    try {
      Http again = new Http(second.base());
      again.admin("crash-test-password");
      JsonNode detail = again.get("/collect/api/admin/collections/" + cid).json();
      List<String> recorded = new ArrayList<>();
      for (JsonNode m : detail.path("members")) {
        for (JsonNode sub : m.path("submissions")) {
          recorded.add(sub.path("sha256").asText());
          Answer file = again.get("/collect/api/admin/submissions/" + sub.path("id").asLong());
          assertEquals(200, file.status(), file.text());
          assertEquals(sub.path("sha256").asText(), Members.sha256(file.body()), "stored file intact");
        }
      }
      assertTrue(recorded.containsAll(before), "every submission made before the kill is there");
      assertTrue(recorded.containsAll(answered), "every upload answered 200 before the kill is there");
      assertEquals(0, detail.path("members").get(2).path("submissions").size(), "the half-sent upload is not recorded");
      assertEquals("未提交", detail.path("members").get(2).path("status").asText());
      try (var tmp = Files.list(folder.resolve("files").resolve("tmp"))) {
        assertEquals(0, tmp.count(), "no half-written file left in the store");
      }
      // The server works on: 丙 uploads now.
      assertEquals(200, JanuarySuite.upload(again.anonymous(), tokens[2], wb).status());
    } finally {
      second.process().destroy();
      second.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
