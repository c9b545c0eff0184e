package dev.swarmsnap.archive;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/**
 * The archive is age-encrypted and cannot be opened: no identity was given (exit 2), none of those
 * given is one of its recipients (exit 1, like a wrong unlock key), or it is passphrase-encrypted
 * (exit 1; see README, "Encryption at rest").
 */
public final class EncryptedArchiveException extends SwarmsnapException {
  private static final long serialVersionUID = 1L;

  private EncryptedArchiveException(ExitCode code, String message, String hint, Throwable cause) {
    super(code, message, hint, cause);
  }

  static EncryptedArchiveException identityNeeded(String label) {
    return new EncryptedArchiveException(ExitCode.USAGE,
        "archive " + label + " is encrypted (age) and no identity was given to decrypt it",
        "pass --identity FILE with the age identity (AGE-SECRET-KEY-1...) of one of the recipients it was encrypted to",
        null);
  }

  static EncryptedArchiveException passphrase(String label) {
    return new EncryptedArchiveException(ExitCode.FAILED,
        "archive " + label + " is encrypted with a passphrase (age -p), which swarmsnap cannot decrypt",
        "decrypt it with the age CLI first (age -d -o FILE " + label + ") and give swarmsnap the plain file",
        null);
  }

  static EncryptedArchiveException noIdentityOpens(String label, int given, Throwable cause) {
    return new EncryptedArchiveException(ExitCode.FAILED,
        "archive " + label + " cannot be decrypted: none of the " + (given > 0 ? given + " " : "")
            + "age identities given is one of its recipients (or its header is damaged)",
        "use the identity whose public key (age-keygen -y FILE) was passed to backup --encrypt-to",
        cause);
  }
}
