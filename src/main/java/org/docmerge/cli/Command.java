package org.docmerge.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of the CLI. Adding a command is a new class and one line in {@link Main#COMMANDS}. */
interface Command {
  /** The word typed after {@code docmerge}. */
  String name();

  /** One line for the command list, in Chinese. */
  String summary();

  /** The arguments shown in help after the command name. */
  String synopsis();

  /** Adds this command's own options to the common ones. */
  void options(Options options);

  /** Runs the command; returns the exit code. Never calls System.exit. */
  int run(CommandLine line, Console console);
}
