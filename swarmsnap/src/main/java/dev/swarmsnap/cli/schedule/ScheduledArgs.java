package dev.swarmsnap.cli.schedule;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options a schedule's service passes to {@code backup} or {@code drill}, parsed now by that
 * real command, so that a typo fails at install and not at three in the morning. A timer runs from
 * {@code /} without a terminal: paths must be absolute, and the key cannot come from stdin.
 */
final class ScheduledArgs {
  /** The unit name of {@code --drill-only} unless {@code --name} says otherwise. */
  static final String DRILL_NAME = "swarmsnap-drill";

  private final CommandSpec root;

  ScheduledArgs(CommandSpec spec) {
    this.root = spec.root();
  }

  /** {@code argv} parsed by the subcommand {@code command}; refused with exit 2 when a timer could not run it. */
  CommandLine.ParseResult parse(String command, List<String> argv) {
    CommandLine.ParseResult parsed;
    try {
      parsed = root.commandLine().getSubcommands().get(command).parseArgs(argv.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new SwarmsnapException(ExitCode.USAGE, "not a " + command + " option: " + e.getMessage(),
          "see 'swarmsnap " + command + " --help' for what the scheduled " + command + " accepts");
    }
    if (!parsed.unmatched().isEmpty()) {
      throw new SwarmsnapException(ExitCode.USAGE, "not a " + command + " option: " + String.join(" ", parsed.unmatched()),
          "see 'swarmsnap " + command + " --help'");
    }
    if (parsed.hasMatchedOption("--unlock-key-stdin") || parsed.hasMatchedOption("--help")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a scheduled " + command + " has no terminal: --unlock-key-stdin or"
          + " --help cannot go into the schedule", "use --unlock-key-file or --unlock-key-cmd");
    }
    for (OptionSpec option : parsed.matchedOptions()) {
      if (option.type() == Path.class) {
        Path value = option.getValue();
        if (value != null && !value.isAbsolute()) {
          throw new SwarmsnapException(ExitCode.USAGE, option.longestName() + " " + value
              + ": a timer runs from /, so paths must be absolute", "give " + value.toAbsolutePath());
        }
      }
    }
    return parsed;
  }

  /** The options of {@code drill latest} for {@code --drill-only}: it needs {@code --repo} to find the newest backup. */
  List<String> drill(List<String> args) {
    List<String> argv = new java.util.ArrayList<>(List.of("latest"));
    argv.addAll(args);
    if (!parse("drill", argv).hasMatchedOption("--repo")) {
      throw new SwarmsnapException(ExitCode.USAGE, "a scheduled drill runs on the newest backup of a repository",
          "add --repo REPO (where the scheduled backups go)");
    }
    return List.copyOf(args);
  }
}
