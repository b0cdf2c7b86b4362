package org.docmerge.collect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingDeque;
import org.flywaydb.core.Flyway;

/**
 * The collection's database: H2 embedded in the collection folder by default, or PostgreSQL (a JDBC URL). The
 * schema is brought up to date by Flyway's versioned migrations ({@code org/docmerge/collect/db/V*.sql}) on open.
 * A small pool of idle connections; every unit of work is one transaction. Thread-safe.
 */
final class Db implements AutoCloseable {
  /** Runs inside one transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final String url;
  private final Properties props;
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final boolean embedded;

  private Db(String url, Properties props, boolean embedded) {
    this.url = url;
    this.props = props;
    this.embedded = embedded;
  }

  /**
   * Opens (and migrates) the database: {@code jdbcUrl} when given, else H2 in {@code folder/db/}. For H2 each
   * commit is written before it returns (WRITE_DELAY=0), so a killed server loses no committed submission.
   */
  static Db open(Path folder, String jdbcUrl, String user, String password) throws SQLException {
    boolean embedded = jdbcUrl == null || jdbcUrl.isBlank();
    String url = embedded
        ? "jdbc:h2:file:" + folder.resolve("db").resolve("collect").toAbsolutePath() + ";WRITE_DELAY=0"
        : jdbcUrl;
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new SQLException("只支持内置数据库（不给 --db）和 PostgreSQL（jdbc:postgresql://服务器/数据库）");
    }
    Properties p = new Properties();
    if (user != null && !user.isBlank()) {
      p.setProperty("user", user);
    }
    if (password != null && !password.isBlank()) {
      p.setProperty("password", password);
    }
    Db db = new Db(url, p, embedded);
    Flyway.configure().dataSource(url, p.getProperty("user"), p.getProperty("password"))
        .locations("classpath:org/docmerge/collect/db").load().migrate();
    return db;
  }

  boolean embedded() {
    return embedded;
  }

  <T> T tx(Work<T> work) throws SQLException {
    Connection c = idle.pollFirst();
    if (c == null || !c.isValid(2)) {
      c = DriverManager.getConnection(url, props);
    }
    boolean ok = false;
    try {
      c.setAutoCommit(false);
      T out = work.run(c);
      c.commit();
      ok = true;
      return out;
    } finally {
      if (!ok) {
        try {
          c.rollback();
        } catch (SQLException e) {
          // the connection is dropped below
        }
        c.close();
      } else {
        idle.offerFirst(c);
      }
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing
      }
    }
  }
}
