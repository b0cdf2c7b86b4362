package org.docmerge.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every response carries: the page runs only its own script and style (no inline script, nothing
 * from another host), cannot be framed, is not sniffed into another type, and leaks no address in Referer.
 */
final class SecurityHeaders implements Filter {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse r = (HttpServletResponse) response;
    r.setHeader("Content-Security-Policy", CSP);
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("X-Frame-Options", "DENY");
    r.setHeader("Referrer-Policy", "no-referrer");
    r.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    r.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    r.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
