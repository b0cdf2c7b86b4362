package org.docmerge.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The security pieces of the collection: the admin password's bcrypt hash (Bouncy Castle, cost 12), unguessable
 * tokens (128 bits of SecureRandom, base64url), admin sessions with their CSRF token (in memory: a restart logs the
 * office out and loses nothing else), and sliding-window rate limits. Thread-safe.
 */
final class Guard {
  static final int BCRYPT_COST = 12;
  static final long SESSION_MILLIS = 8L * 3600 * 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  record Session(String id, String csrf, long expires) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

  static String token() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate(password.toCharArray(), salt, BCRYPT_COST);
  }

  static boolean verify(String hash, String password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** bcrypt reads at most 72 bytes: longer passwords are refused rather than silently cut. */
  static Optional<String> weak(String password) {
    if (password == null || password.length() < 8) {
      return Optional.of("密码至少需要 8 个字符。");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      return Optional.of("密码太长（最多 72 个字节，约 24 个汉字）。");
    }
    return Optional.empty();
  }

  Session open(long now) {
    Session s = new Session(token() + token(), token(), now + SESSION_MILLIS);
    sessions.put(s.id(), s);
    return s;
  }

  Optional<Session> session(String id, long now) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null || s.expires() < now) {
      if (s != null) {
        sessions.remove(id);
      }
      return Optional.empty();
    }
    return Optional.of(s);
  }

  void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Constant-time comparison of a CSRF token. */
  static boolean same(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether one more event under {@code key} fits in {@code max} per {@code windowMillis}; counts it if so. Keyed by
   * the string given (a token as sent, known or not), so the limit says nothing about whether a token exists.
   */
  boolean allow(String key, int max, long windowMillis, long now) {
    if (windows.size() > 100_000) {
      windows.clear(); // a flood of made-up tokens must not grow memory without bound; limits restart
    }
    Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (w) {
      while (!w.isEmpty() && w.peekFirst() <= now - windowMillis) {
        w.pollFirst();
      }
      if (w.size() >= max) {
        return false;
      }
      w.addLast(now);
      return true;
    }
  }

  /** A short, non-reversible label for a token in the audit log (never the token itself). */
  static String label(String token) {
    return token == null ? "" : Blobs.sha256(token.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }
}
