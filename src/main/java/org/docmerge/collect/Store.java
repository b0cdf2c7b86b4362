package org.docmerge.collect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the collection: plain JDBC over {@link Db}, one method per question or change. Thread-safe. */
final class Store {
  record Collection(long id, String kind, int year, String deadline, String agency, long createdAt) {}

  record Member(long id, long collectionId, int seq, String name, String previousSha, String previousName,
      Long confirmedSubmission, Long confirmedAt, String token) {}

  record Submission(long id, long memberId, long at, String sha256, long size, String fileName, int errors,
      int warnings, String findings, String via) {}

  record Audit(long id, long at, String actor, String action, Long collectionId, Long memberId, String detail,
      String remote) {}

  private final Db db;

  Store(Db db) {
    this.db = db;
  }

  Optional<String> adminHash() throws SQLException {
    return db.tx(c -> one(c, "SELECT password_hash FROM collect_admin WHERE id = 1", r -> r.getString(1)));
  }

  /** Sets the admin password once; false when it was already set (two first starts racing: one wins). */
  boolean setAdmin(String hash, long now) throws SQLException {
    try {
      return db.tx(c -> update(c, "INSERT INTO collect_admin (id, password_hash, created_at) VALUES (1, ?, ?)",
          hash, now) == 1);
    } catch (SQLException e) {
      if (adminHash().isPresent()) {
        return false;
      }
      throw e;
    }
  }

  /** A new collection with its members, each with its first token. */
  long createCollection(String kind, int year, String deadline, String agency, List<String> names,
      List<String> tokens, long now) throws SQLException {
    return db.tx(c -> {
      long id = insert(c, "INSERT INTO collect_collection (kind, report_year, deadline, agency, created_at) "
          + "VALUES (?, ?, ?, ?, ?)", kind, year, deadline, agency, now);
      for (int i = 0; i < names.size(); i++) {
        long m = insert(c, "INSERT INTO collect_member (collection_id, seq, name) VALUES (?, ?, ?)", id, i + 1,
            names.get(i));
        update(c, "INSERT INTO collect_token (token, member_id, issued_at) VALUES (?, ?, ?)", tokens.get(i), m, now);
      }
      return id;
    });
  }

  List<Collection> collections() throws SQLException {
    return db.tx(c -> list(c, "SELECT id, kind, report_year, deadline, agency, created_at FROM collect_collection "
        + "ORDER BY id", Store::collection));
  }

  Optional<Collection> collection(long id) throws SQLException {
    return db.tx(c -> one(c, "SELECT id, kind, report_year, deadline, agency, created_at FROM collect_collection "
        + "WHERE id = ?", Store::collection, id));
  }

  private static final String MEMBER = "SELECT m.id, m.collection_id, m.seq, m.name, m.previous_sha256, "
      + "m.previous_name, m.confirmed_submission_id, m.confirmed_at, "
      + "(SELECT MAX(t.token) FROM collect_token t WHERE t.member_id = m.id AND t.revoked_at IS NULL) "
      + "FROM collect_member m ";

  List<Member> members(long collectionId) throws SQLException {
    return db.tx(c -> list(c, MEMBER + "WHERE m.collection_id = ? ORDER BY m.seq", Store::member, collectionId));
  }

  Optional<Member> member(long id) throws SQLException {
    return db.tx(c -> one(c, MEMBER + "WHERE m.id = ?", Store::member, id));
  }

  /** The member a token reaches, only while the token is not revoked. */
  Optional<Member> memberByToken(String token) throws SQLException {
    return db.tx(c -> one(c, MEMBER + "WHERE m.id = (SELECT t.member_id FROM collect_token t WHERE t.token = ? "
        + "AND t.revoked_at IS NULL)", Store::member, token));
  }

  /** Revokes the member's token(s); true when one was active. */
  boolean revoke(long memberId, long now) throws SQLException {
    return db.tx(c -> update(c, "UPDATE collect_token SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL",
        now, memberId) > 0);
  }

  /** Revokes any active token and issues {@code token} in one transaction. */
  void reissue(long memberId, String token, long now) throws SQLException {
    db.tx(c -> {
      update(c, "UPDATE collect_token SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL", now, memberId);
      return update(c, "INSERT INTO collect_token (token, member_id, issued_at) VALUES (?, ?, ?)", token, memberId, now);
    });
  }

  void setPrevious(long memberId, String sha, String name) throws SQLException {
    db.tx(c -> update(c, "UPDATE collect_member SET previous_sha256 = ?, previous_name = ? WHERE id = ?", sha, name,
        memberId));
  }

  /** Records a submission whose file is already stored; one transaction with its audit row. */
  long addSubmission(long memberId, long collectionId, long at, String sha, long size, String fileName, int errors,
      int warnings, String findings, String via, String remote) throws SQLException {
    return db.tx(c -> {
      long id = insert(c, "INSERT INTO collect_submission (member_id, submitted_at, sha256, size_bytes, file_name, "
          + "errors, warnings, findings, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", memberId, at, sha, size, fileName,
          errors, warnings, findings, via);
      audit(c, at, via, "member.upload", collectionId, memberId,
          "submission " + id + " sha256 " + sha + " errors " + errors, remote);
      return id;
    });
  }

  List<Submission> submissions(long collectionId) throws SQLException {
    return db.tx(c -> list(c, "SELECT s.id, s.member_id, s.submitted_at, s.sha256, s.size_bytes, s.file_name, "
        + "s.errors, s.warnings, s.findings, s.via FROM collect_submission s JOIN collect_member m ON m.id = s.member_id "
        + "WHERE m.collection_id = ? ORDER BY s.id", Store::submission, collectionId));
  }

  List<Submission> memberSubmissions(long memberId) throws SQLException {
    return db.tx(c -> list(c, "SELECT id, member_id, submitted_at, sha256, size_bytes, file_name, errors, warnings, "
        + "findings, via FROM collect_submission WHERE member_id = ? ORDER BY id", Store::submission, memberId));
  }

  Optional<Submission> submission(long id) throws SQLException {
    return db.tx(c -> one(c, "SELECT id, member_id, submitted_at, sha256, size_bytes, file_name, errors, warnings, "
        + "findings, via FROM collect_submission WHERE id = ?", Store::submission, id));
  }

  /** Confirms {@code submissionId} if it is still the member's latest; false when a newer one came in between. */
  boolean confirm(long memberId, long submissionId, long now) throws SQLException {
    return db.tx(c -> update(c, "UPDATE collect_member SET confirmed_submission_id = ?, confirmed_at = ? "
        + "WHERE id = ? AND ? = (SELECT MAX(s.id) FROM collect_submission s WHERE s.member_id = ?)",
        submissionId, now, memberId, submissionId, memberId) == 1);
  }

  void audit(long at, String actor, String action, Long collectionId, Long memberId, String detail, String remote)
      throws SQLException {
    db.tx(c -> {
      audit(c, at, actor, action, collectionId, memberId, detail, remote);
      return null;
    });
  }

  List<Audit> audits(int limit) throws SQLException {
    return db.tx(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id, happened_at, actor, action, collection_id, member_id, "
          + "detail, remote FROM collect_audit ORDER BY id DESC")) {
        s.setMaxRows(limit);
        List<Audit> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new Audit(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                (Long) r.getObject(5, Long.class), (Long) r.getObject(6, Long.class), r.getString(7), r.getString(8)));
          }
        }
        return out;
      }
    });
  }

  private static void audit(Connection c, long at, String actor, String action, Long collectionId, Long memberId,
      String detail, String remote) throws SQLException {
    update(c, "INSERT INTO collect_audit (happened_at, actor, action, collection_id, member_id, detail, remote) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", at, clip(actor, 100), action, collectionId, memberId, clip(detail, 2000),
        clip(remote, 100));
  }

  private static String clip(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }

  private interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static Collection collection(ResultSet r) throws SQLException {
    return new Collection(r.getLong(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5), r.getLong(6));
  }

  private static Member member(ResultSet r) throws SQLException {
    return new Member(r.getLong(1), r.getLong(2), r.getInt(3), r.getString(4), r.getString(5), r.getString(6),
        r.getObject(7, Long.class), r.getObject(8, Long.class), r.getString(9));
  }

  private static Submission submission(ResultSet r) throws SQLException {
    return new Submission(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getLong(5), r.getString(6),
        r.getInt(7), r.getInt(8), r.getString(9), r.getString(10));
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        s.setNull(i + 1, Types.NULL);
      } else if (a instanceof String str) {
        s.setString(i + 1, str);
      } else if (a instanceof Integer n) {
        s.setInt(i + 1, n);
      } else if (a instanceof Long n) {
        s.setLong(i + 1, n);
      } else {
        throw new IllegalArgumentException(a.getClass().getName());
      }
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }

  private static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
      bind(s, args);
      s.executeUpdate();
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        return k.getLong(1);
      }
    }
  }

  private static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    List<T> l = list(c, sql, row, args);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  private static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<T> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row.map(r));
        }
      }
      return out;
    }
  }
}
