package org.docmerge.diag;

import java.util.Comparator;

/**
 * One problem found in an input, a template or a spec. Immutable and thread-safe.
 *
 * @param severity error, warning or note
 * @param code a stable code such as {@code R03} or {@code WB.NOT_NUMBER}; tests and scripts match on it, so it
 *     never changes once released (the codes are listed in {@link Codes})
 * @param location where the problem is
 * @param message a Chinese sentence that names the problem and says what to do
 */
public record Diagnostic(Severity severity, String code, Location location, String message) {

  /** Deterministic output order: file, place, then errors before warnings, then code and message. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location, Location.ORDER)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public static Diagnostic error(String code, Location location, String message) {
    return new Diagnostic(Severity.ERROR, code, location, message);
  }

  public static Diagnostic warning(String code, Location location, String message) {
    return new Diagnostic(Severity.WARNING, code, location, message);
  }

  public static Diagnostic info(String code, Location location, String message) {
    return new Diagnostic(Severity.INFO, code, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic withFile(String file) {
    return new Diagnostic(severity, code, location.withFile(file), message);
  }

  /** {@code 年报.xlsx:表N!H12: 错误 R03: message}, the form the CLI prints. */
  @Override
  public String toString() {
    String where = location.toString();
    return (where.isEmpty() ? "" : where + ": ") + severity.chinese() + " " + code + ": " + message;
  }
}
