package dev.swarmsnap.core.replace;

import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.PendingFile;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.Arrays;

/** Hands a new unlock key to its destination without printing or logging it. */
final class NewUnlockKeyDelivery {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  /** Checks up front that the destination can take a key (a file must not exist yet). */
  void checkUsable(NewUnlockKeyDestination destination) {
    if (destination instanceof NewUnlockKeyDestination.File file) {
      // A dangling link counts: the key must land where the name says, not where a link points.
      if (Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)) {
        throw new SwarmsnapException(ExitCode.CONFLICT,
            file.path() + " already exists; swarmsnap never overwrites an unlock key file",
            "name a new file with --new-unlock-key-file");
      }
      if (!Files.isDirectory(file.path().toAbsolutePath().getParent())) {
        throw new SwarmsnapException(ExitCode.NOT_FOUND,
            "the directory of " + file.path() + " does not exist", "create it first");
      }
    }
  }

  /** Writes {@code key} plus a newline; the caller wipes {@code key}. */
  void deliver(NewUnlockKeyDestination destination, char[] key) {
    byte[] bytes = new byte[key.length + 1];
    for (int i = 0; i < key.length; i++) {
      bytes[i] = (byte) key[i];
    }
    bytes[key.length] = '\n';
    try {
      if (destination instanceof NewUnlockKeyDestination.File file) {
        try (PendingFile out = new AtomicFileWriter().create(file.path(), AtomicFileWriter.OWNER_ONLY)) {
          out.write(bytes, 0, bytes.length);
          out.commit();
        }
      } else if (destination instanceof NewUnlockKeyDestination.Command command) {
        ShellCommand.Result result = new ShellCommand().shWithStdin(command.commandLine(), bytes, COMMAND_TIMEOUT);
        if (!result.succeeded()) {
          throw new SwarmsnapException(ExitCode.FAILED,
              "the command for the new unlock key failed (exit " + result.exitCode() + "): " + result.tail(),
              "fix --new-unlock-key-cmd");
        }
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
