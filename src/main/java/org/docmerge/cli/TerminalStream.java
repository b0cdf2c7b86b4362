package org.docmerge.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.docmerge.diag.SafeText;
import org.docmerge.diag.Technical;

/**
 * What the CLI prints, made safe for a terminal and a staff member: text from files is {@link SafeText#clean}ed
 * (an escape sequence in a cell must not recolour or clear the terminal) and technical details are hidden
 * unless {@code --verbose}. Wraps one stream; not thread-safe beyond what PrintStream is.
 */
final class TerminalStream extends PrintStream {
  private final boolean verbose;

  TerminalStream(PrintStream target, boolean verbose) {
    super(target, true, StandardCharsets.UTF_8);
    this.verbose = verbose;
  }

  private String shown(String s) {
    if (s == null) {
      return null;
    }
    return SafeText.clean(verbose ? s : Technical.hide(s));
  }

  @Override
  public void println(String s) {
    super.println(shown(s));
  }

  @Override
  public void println(Object o) {
    super.println(shown(String.valueOf(o)));
  }

  @Override
  public void print(String s) {
    super.print(shown(s));
  }

  @Override
  public void print(Object o) {
    super.print(shown(String.valueOf(o)));
  }
}
