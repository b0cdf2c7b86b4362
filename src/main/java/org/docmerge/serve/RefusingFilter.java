package org.docmerge.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A filter that lets a request through or refuses it before any servlet sees it, with the API's JSON error document
 * ({@code docmerge-error/1}: status, stable code, Chinese message), as {@link LocalHostOnly} and {@link SameOrigin} do.
 */
abstract class RefusingFilter implements Filter {
  /** Why a request is refused: the HTTP status, the stable code and what to do, in Chinese. */
  record Refusal(int status, String code, String message) {}

  /** The refusal for this request, or null to let it through. */
  abstract Refusal refusal(HttpServletRequest request);

  @Override
  public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Refusal no = refusal((HttpServletRequest) request);
    if (no != null) {
      byte[] body = Views.error(no.status(), no.code(), no.message());
      HttpServletResponse r = (HttpServletResponse) response;
      r.setStatus(no.status());
      r.setContentType("application/json; charset=utf-8");
      r.setContentLength(body.length);
      r.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }
}
