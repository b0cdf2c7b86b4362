package org.docmerge.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * When the server listens on 127.0.0.1 only, it answers only requests addressed to this computer by name
 * (127.0.0.1, localhost, ::1). A web page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) gets
 * 421 and can read nothing.
 */
final class LocalHostOnly implements Filter {
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
    if (!LOCAL.contains(host)) {
      byte[] body = Views.error(421, "REQUEST.HOST", "这个 docmerge 只供本机使用，请用 http://127.0.0.1 打开。");
      HttpServletResponse r = (HttpServletResponse) response;
      r.setStatus(421);
      r.setContentType("application/json; charset=utf-8");
      r.setContentLength(body.length);
      r.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }
}
