package dev.swarmsnap.cli;

import dev.swarmsnap.core.keys.UnlockKeySource;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The unlock key sources every command that needs a key accepts; at most one of them. */
public final class UnlockKeyOptions {
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Sources sources;

  static final class Sources {
    @Option(names = "--unlock-key-file", paramLabel = "FILE", description = "Read the unlock key from FILE.")
    Path file;

    @Option(names = "--unlock-key-env", paramLabel = "VAR", description = "Read the unlock key from environment variable VAR.")
    String env;

    @Option(names = "--unlock-key-cmd", paramLabel = "CMD", description = "Run CMD (sh -c) and read the unlock key from its stdout.")
    String command;

    @Option(names = "--unlock-key-stdin", description = "Read the unlock key from the first line of stdin.")
    boolean stdin;
  }

  /** The source the user named, if any. */
  public Optional<UnlockKeySource> source() {
    if (sources == null) {
      return Optional.empty();
    }
    if (sources.file != null) {
      return Optional.of(new UnlockKeySource.File(sources.file));
    }
    if (sources.env != null) {
      return Optional.of(new UnlockKeySource.Env(sources.env));
    }
    if (sources.command != null) {
      return Optional.of(new UnlockKeySource.Command(sources.command));
    }
    return sources.stdin ? Optional.of(new UnlockKeySource.Stdin()) : Optional.empty();
  }
}
