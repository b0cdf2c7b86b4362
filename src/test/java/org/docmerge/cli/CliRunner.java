package org.docmerge.cli;

/** The in-process CLI runner of {@link CliTest}, for tests in other packages. */
public final class CliRunner {
  private CliRunner() {}

  public record Run(int code, String out, String err) {}

  public static Run run(String... args) {
    CliTest.Run r = CliTest.run(args);
    return new Run(r.code(), r.out(), r.err());
  }
}
