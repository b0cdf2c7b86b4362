/**
 * The {@code docmerge} command line: parses options (commons-cli), calls the {@link org.docmerge.Docmerge}
 * facade, prints every diagnostic sorted, and maps the outcome to an exit code: 0 ok (warnings allowed), 1 the
 * input has errors, 2 usage or unreadable file, 3 internal fault. The only place that prints or exits. Streams:
 * stdout carries everything about the user's files (diagnostic lines, counts, what was written, help and version
 * when asked for); stderr carries everything about the command line and docmerge itself (usage errors, all in
 * Chinese including commons-cli's, progress, internal errors). {@code merge} takes the format from the output's
 * name ({@code .docx} or {@code .pdf}; anything else is a usage error).
 */
package org.docmerge.cli;
