package dev.swarmsnap.cli;

import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where a command that turns autolock back on puts the new unlock key; at most one place. */
public final class NewUnlockKeyOptions {
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Places places;

  static final class Places {
    @Option(names = "--new-unlock-key-file", paramLabel = "FILE",
        description = "Autolocked swarms: write the new unlock key to FILE (mode 0600; must not exist).")
    Path file;

    @Option(names = "--new-unlock-key-cmd", paramLabel = "CMD",
        description = "Autolocked swarms: run CMD (sh -c) with the new unlock key on its stdin.")
    String command;
  }

  /** The place the user named, if any. */
  public Optional<NewUnlockKeyDestination> destination() {
    if (places == null) {
      return Optional.empty();
    }
    if (places.file != null) {
      return Optional.of(new NewUnlockKeyDestination.File(places.file));
    }
    return Optional.ofNullable(places.command).map(NewUnlockKeyDestination.Command::new);
  }
}
