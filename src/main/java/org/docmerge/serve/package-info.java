/**
 * {@code docmerge serve}: the page office staff use in a browser, and the HTTP API it calls ({@code docs/http-api.md}).
 *
 * <p>An adapter at the edge, like the CLI: it sits on the facade {@link org.docmerge.Docmerge} (in-memory entry
 * points) and never reaches into the pipeline stages. Only this package sees Jetty (ImportRulesTest).
 *
 * <ul>
 *   <li>{@link org.docmerge.serve.WebServer}: Jetty on 127.0.0.1 by default, a bounded HTTP thread pool, a worker pool
 *       sized to the cores for the document work, upload limits, security headers on every response.
 *   <li>{@link org.docmerge.serve.ApiServlet}: {@code /api/*}; uploads are read into memory (a part above 1 MB
 *       spills into the server's private temp folder and is deleted when the response is done); a client's file
 *       name is only a label, and a client's kind only one of the shipped kinds, never a path.
 *   <li>{@link org.docmerge.serve.PageServlet}: the static files of the page (HTML, CSS, one script, an icon), from the jar, by a fixed list.
 *   <li>{@link org.docmerge.serve.Views}: the JSON the page draws (the {@code docmerge-check/1} document plus the
 *       table layout of the kind's spec, the values read and the paragraphs quoted).
 * </ul>
 */
package org.docmerge.serve;
