package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The January against PostgreSQL: {@code DOCMERGE_TEST_PG_URL} (set by {@code .ci/run}, which installs and starts
 * Debian's postgresql) names a database; each run gets a fresh schema in it. Skipped without it locally, failed in CI.
 */
class CollectPostgresTest extends JanuarySuite {
  @Override
  String jdbcUrl() throws Exception {
    String url = System.getenv("DOCMERGE_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if (System.getenv("CI") != null) {
        fail("DOCMERGE_TEST_PG_URL is not set; .ci/run must start PostgreSQL and export it");
      }
      Assumptions.abort("DOCMERGE_TEST_PG_URL is not set (no PostgreSQL here)");
    }
    String schema = "collect_test_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
