package dev.swarmsnap.core.replace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the unlock key that re-enabling autolock produces goes. It is never printed: a restore of
 * an autolocked backup without a destination is refused before anything changes.
 */
public sealed interface NewUnlockKeyDestination {

  /** For messages and the plan; never the key. */
  String describe();

  /** A file written atomically with mode 0600; must not exist yet. */
  record File(Path path) implements NewUnlockKeyDestination {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "file " + path + " (mode 0600)";
    }
  }

  /** A command ({@code sh -c}) that reads the key from its standard input. */
  record Command(String commandLine) implements NewUnlockKeyDestination {
    public Command {
      Objects.requireNonNull(commandLine, "commandLine");
    }

    @Override
    public String describe() {
      return "the standard input of '" + commandLine + "'";
    }
  }
}
