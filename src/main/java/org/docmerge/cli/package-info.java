/**
 * The {@code docmerge} command line: parses options (commons-cli), calls the {@link org.docmerge.Docmerge}
 * facade, prints every diagnostic sorted, and maps the outcome to an exit code: 0 ok (warnings allowed), 1 the
 * input has errors, 2 usage or unreadable file, 3 internal fault. The only place that prints or exits.
 */
package org.docmerge.cli;
