package org.docmerge.collect;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.docmerge.serve.WebServer;

/** {@code serve --collect} in-process on a free port, with a clock the test moves. */
final class Server implements AutoCloseable {
  /** A clock that stands still until moved. */
  static final class MovableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      now = now.plusMillis(1); // strictly increasing, as real time is between requests
      return now;
    }
  }

  final Collect collect;
  final WebServer web;
  final MovableClock clock;

  Server(Path folder, String jdbcUrl, Instant start) throws Exception {
    clock = new MovableClock(start);
    collect = Collect.open(folder, jdbcUrl, null, null, clock, new Collect.Limits(10, 10));
    WebServer.Config config = WebServer.Config.defaults("127.0.0.1", 0);
    web = WebServer.start(config, Map.of("/collect/*", new CollectServlet(collect, config.maxUploadBytes())));
  }

  URI base() {
    return web.uri();
  }

  @Override
  public void close() {
    web.close();
    collect.close();
  }
}
