/**
 * {@code docmerge serve --collect DIR}: a district office's January. The office sets an admin password, creates a
 * collection (kind, year, deadline) from its member list, and sends each member its own upload link; members
 * download their (carried-forward) blank workbook, upload, see their findings, fix, and confirm; the office sees
 * every member's status and history and downloads the zip, the status sheet and the aggregated 本级 workbook.
 *
 * <p>An adapter at the edge, like {@code serve}: it sits on the facade {@link org.docmerge.Docmerge} and on
 * {@link org.docmerge.batch.Aggregate} (as the CLI does), never on the pipeline stages. Sees the servlet API (not
 * Jetty: {@code serve} mounts it), JDBC (H2 or PostgreSQL), Flyway and Bouncy Castle.
 *
 * <ul>
 *   <li>{@link org.docmerge.collect.Collect}: routing and every decision over plain request/reply values.
 *   <li>{@link org.docmerge.collect.CollectServlet}: the HTTP translation of {@code /collect/*}.
 *   <li>{@link org.docmerge.collect.Store} over {@link org.docmerge.collect.Db}: the schema
 *       ({@code org/docmerge/collect/db/V*.sql}, Flyway), one transaction per change, an audit row for every action
 *       and refusal.
 *   <li>{@link org.docmerge.collect.Blobs}: files by SHA-256, written to a temp file, forced, renamed atomically;
 *       a submission row is committed only after its file is in place, so a crash never half-records one.
 *   <li>{@link org.docmerge.collect.Guard}: bcrypt password hash, 128-bit tokens, sessions with CSRF tokens,
 *       rate limits.
 * </ul>
 */
package org.docmerge.collect;
