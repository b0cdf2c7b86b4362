package org.docmerge.serve;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A POST from a page of another site (or of a local file) is refused (403): browsers name the sending page in
 * {@code Origin}, and only the page this server serves may upload to it. Scripts that send no {@code Origin} (curl)
 * are served.
 */
final class SameOrigin extends RefusingFilter {
  @Override
  Refusal refusal(HttpServletRequest req) {
    String method = req.getMethod();
    String origin = req.getHeader("Origin");
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (!safe && origin != null && !origin.equalsIgnoreCase("http://" + req.getHeader("Host"))) {
      return new Refusal(403, "REQUEST.ORIGIN",
          "拒绝了来自其他网页（" + origin + "）的上传。请直接在 docmerge 的页面上操作。");
    }
    return null;
  }
}
