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
 * A POST from a page of another site (or of a local file) is refused (403): browsers name the sending page in
 * {@code Origin}, and only the page this server serves may upload to it. Scripts that send no {@code Origin} (curl)
 * are served.
 */
final class SameOrigin implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    String method = req.getMethod();
    String origin = req.getHeader("Origin");
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (!safe && origin != null && !origin.equalsIgnoreCase("http://" + req.getHeader("Host"))) {
      byte[] body = Views.error(403, "REQUEST.ORIGIN",
          "拒绝了来自其他网页（" + origin + "）的上传。请直接在 docmerge 的页面上操作。");
      HttpServletResponse r = (HttpServletResponse) response;
      r.setStatus(403);
      r.setContentType("application/json; charset=utf-8");
      r.setContentLength(body.length);
      r.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }
}
