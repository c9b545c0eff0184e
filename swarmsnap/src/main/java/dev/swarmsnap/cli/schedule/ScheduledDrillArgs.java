package dev.swarmsnap.cli.schedule;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of a scheduled drill ({@code schedule install --drill-only}), parsed now by the real
 * {@code drill} command, as the backup options are by {@code backup}: a typo fails at install.
 */
final class ScheduledDrillArgs {
  static final String DEFAULT_NAME = "swarmsnap-drill";

  private final CommandSpec root;

  ScheduledDrillArgs(CommandSpec spec) {
    this.root = spec.root();
  }

  /** The drill options after {@code drill latest}; a timer has no terminal and runs from {@code /}. */
  List<String> checked(List<String> args) {
    List<String> argv = new ArrayList<>(List.of("latest"));
    argv.addAll(args);
    CommandLine.ParseResult parsed;
    try {
      parsed = root.commandLine().getSubcommands().get("drill").parseArgs(argv.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new SwarmsnapException(ExitCode.USAGE, "not a drill option: " + e.getMessage(),
          "see 'swarmsnap drill --help' for what the scheduled drill accepts");
    }
    if (!parsed.unmatched().isEmpty()) {
      throw new SwarmsnapException(ExitCode.USAGE, "not a drill option: " + String.join(" ", parsed.unmatched()),
          "see 'swarmsnap drill --help'");
    }
    if (parsed.hasMatchedOption("--unlock-key-stdin") || parsed.hasMatchedOption("--help")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a scheduled drill has no terminal: --unlock-key-stdin or --help"
          + " cannot go into the schedule", "use --unlock-key-file or --unlock-key-cmd");
    }
    if (!parsed.hasMatchedOption("--repo")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a scheduled drill runs on the newest backup of a repository",
          "add --repo REPO (where the scheduled backups go)");
    }
    requireAbsolutePaths(parsed);
    return List.copyOf(args);
  }

  /** A timer runs from {@code /}: every path option must be absolute. */
  static void requireAbsolutePaths(CommandLine.ParseResult parsed) {
    for (OptionSpec option : parsed.matchedOptions()) {
      if (option.type() == Path.class) {
        Path value = option.getValue();
        if (value != null && !value.isAbsolute()) {
          throw new SwarmsnapException(ExitCode.USAGE, option.longestName() + " " + value
              + ": a timer runs from /, so paths must be absolute", "give " + value.toAbsolutePath());
        }
      }
    }
  }
}
