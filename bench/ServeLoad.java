// Load client for `docmerge serve` (bench/serve-load.sh runs it; plain JDK, launched as a single source file):
//   java bench/ServeLoad.java http://127.0.0.1:8091/ CLIENTS SECONDS SERVER_PID WORKBOOK...
// Each client loops: POST /api/check, then POST /api/merge?format=docx, with the workbooks in turn, as the page
// does. A request fails unless it answers 200 with the expected body (JSON with "errors":0, or a .docx). Prints a
// Markdown table: per call p50/p95/p99/max latency, count, throughput, failures; the server's RSS every 5 s
// (from /proc/PID/status) and its peak (VmHWM).
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

public class ServeLoad {
  record Sample(String call, long nanos, boolean ok) {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int clients = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    long pid = Long.parseLong(args[3]);
    List<byte[]> workbooks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      workbooks.add(Files.readAllBytes(Path.of(args[i])));
      names.add(Path.of(args[i]).getFileName().toString());
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(clients);
    List<String> rss = Collections.synchronizedList(new ArrayList<>());
    Thread sampler = new Thread(() -> {
      long t0 = System.nanoTime();
      while (System.nanoTime() < end) {
        rss.add(String.format("%ds %d MB", (System.nanoTime() - t0) / 1_000_000_000L, status(pid, "VmRSS") / 1024));
        try {
          Thread.sleep(5000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long cpu0 = cpuTicks(pid);
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int me = c;
      Thread t = new Thread(() -> {
        int i = me;
        while (System.nanoTime() < end) {
          int w = i++ % workbooks.size();
          for (String call : List.of("check", "merge")) {
            String path = call.equals("check") ? "api/check" : "api/merge?format=docx";
            long t0 = System.nanoTime();
            boolean ok;
            try {
              HttpResponse<byte[]> r = http.send(multipart(base.resolve(path), names.get(w), workbooks.get(w)),
                  HttpResponse.BodyHandlers.ofByteArray());
              ok = r.statusCode() == 200 && (call.equals("check")
                  ? new String(r.body(), StandardCharsets.UTF_8).contains("\"errors\":0")
                  : r.body().length > 4 && r.body()[0] == 'P' && r.body()[1] == 'K');
              if (!ok) {
                failures.computeIfAbsent(call + " " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
              }
            } catch (Exception e) {
              ok = false;
              failures.computeIfAbsent(call + " " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            }
            samples.add(new Sample(call, System.nanoTime() - t0, ok));
          }
        }
        done.countDown();
      });
      t.start();
    }
    done.await();
    double wall = (System.nanoTime() - started) / 1e9;
    double cpu = (cpuTicks(pid) - cpu0) / 100.0; // USER_HZ is 100 on Linux
    System.out.println("| call | requests | throughput | p50 | p95 | p99 | max | failed |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (String call : List.of("check", "merge")) {
      List<Long> ms = samples.stream().filter(s -> s.call().equals(call)).map(Sample::nanos).sorted().toList();
      long failed = samples.stream().filter(s -> s.call().equals(call) && !s.ok()).count();
      System.out.printf("| %s | %d | %.1f/s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d |%n",
          call.equals("check") ? "POST /api/check" : "POST /api/merge?format=docx", ms.size(), ms.size() / wall,
          pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.isEmpty() ? 0 : ms.get(ms.size() - 1) / 1e6, failed);
    }
    System.out.printf("%nclients %d, %.1f s, all requests %d, failed %d %s%n", clients, wall, samples.size(),
        samples.stream().filter(s -> !s.ok()).count(), failures);
    System.out.printf("server CPU: %.1f s in %.1f s (%.2f cores), %.1f ms CPU per request%n", cpu, wall, cpu / wall,
        1000 * cpu / Math.max(1, samples.size()));
    System.out.println("server RSS every 5 s: " + String.join(", ", rss));
    System.out.println("server peak RSS (VmHWM): " + status(pid, "VmHWM") / 1024 + " MB; now " + status(pid, "VmRSS") / 1024 + " MB");
  }

  static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }

  static long status(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }

  /** utime + stime of the process, in clock ticks (/proc/PID/stat fields 14 and 15). */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return 0;
    }
  }

  static HttpRequest multipart(URI uri, String name, byte[] file) {
    String boundary = "----docmerge-bench-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }
}
