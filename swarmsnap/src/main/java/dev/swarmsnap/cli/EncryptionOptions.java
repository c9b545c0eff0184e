package dev.swarmsnap.cli;

import dev.swarmsnap.crypto.age.AgeKeyException;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Whom {@code backup} encrypts the archive to (age X25519 recipients); none: a plain archive. */
public final class EncryptionOptions {
  @Option(names = "--encrypt-to", paramLabel = "RECIPIENT",
      description = "Encrypt the archive with age to this X25519 recipient (age1..., from age-keygen -y). Repeatable.")
  List<String> recipients = List.of();

  @Option(names = "--recipients-file", paramLabel = "FILE",
      description = "Encrypt to every recipient in FILE (age's format: one age1... per line, # comments). Repeatable.")
  List<Path> recipientFiles = List.of();

  /**
   * The recipients named, checked.
   *
   * @throws SwarmsnapException with exit code 2 for a malformed recipient or unreadable file
   */
  public Optional<AgeRecipients> recipients() {
    if (recipients.isEmpty() && recipientFiles.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AgeRecipients.of(recipients, recipientFiles));
    } catch (AgeKeyException e) {
      throw new SwarmsnapException(ExitCode.USAGE, e.getMessage(),
          "give X25519 recipients as printed by 'age-keygen' ('Public key: age1...') or 'age-keygen -y IDENTITY_FILE'", e);
    }
  }
}
