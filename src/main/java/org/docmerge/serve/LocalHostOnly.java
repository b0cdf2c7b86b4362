package org.docmerge.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * When the server listens on 127.0.0.1 only, it answers only requests addressed to this computer by name
 * (127.0.0.1, localhost, ::1). A web page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) gets
 * 421 and can read nothing.
 */
final class LocalHostOnly extends RefusingFilter {
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  @Override
  Refusal refusal(HttpServletRequest request) {
    String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
    if (!LOCAL.contains(host)) {
      return new Refusal(421, "REQUEST.HOST", "这个 docmerge 只供本机使用，请用 http://127.0.0.1 打开。");
    }
    return null;
  }
}
