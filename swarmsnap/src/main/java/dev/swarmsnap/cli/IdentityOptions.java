package dev.swarmsnap.cli;

import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.crypto.age.AgeKeyException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The age identities that open an encrypted archive, for every command that reads one. */
public final class IdentityOptions {
  @Option(names = "--identity", paramLabel = "FILE",
      description = "Decrypt an age-encrypted archive with the identity in FILE (AGE-SECRET-KEY-1..., as age-keygen writes it). Repeatable.")
  List<Path> files = List.of();

  /**
   * The identities read from the files given; empty when none was given. The caller closes them
   * (which wipes them).
   *
   * @throws SwarmsnapException exit 8 for a missing file, 2 for one that holds no valid identity
   *     or is no regular file (a device, FIFO, directory) or is over 1 MiB
   */
  public AgeIdentities identities() {
    try {
      return files.isEmpty() ? AgeIdentities.none() : AgeIdentities.read(files);
    } catch (AgeKeyException e) {
      throw new SwarmsnapException(ExitCode.USAGE, e.getMessage(),
          "give an age identity file as 'age-keygen -o FILE' writes it; passphrase-encrypted identities"
              + " are not supported (decrypt it with age first)", e);
    }
  }
}
