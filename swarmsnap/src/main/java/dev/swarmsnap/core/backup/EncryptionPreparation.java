package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.ArchiveEncryption;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Gets an encrypted backup ready on a thread of its own while the preflight runs: makes the
 * single-use key pair the read-back decrypts with, and sends a sample through the archive's age
 * streams to the recipients and back. So a backup that could not be encrypted is refused before the
 * engine stops, and writing the archive does not pay for age's start-up on a fresh JVM (key
 * agreement, JCE set-up, the JIT compiling the cipher: about 0.3 s, measured).
 */
final class EncryptionPreparation implements AutoCloseable {
  /** Enough 64 KiB chunks for the JIT to compile the cipher and the streams' loops. */
  static final int SAMPLE_BYTES = 8 << 20;

  private final FutureTask<AgeKeyPair> task;

  private EncryptionPreparation(AgeRecipients recipients) {
    this.task = new FutureTask<>(() -> {
      AgeKeyPair readBack = AgeKeyPair.generate();
      try {
        ArchiveEncryption.roundTrip(recipients.plus(readBack.recipient()), readBack.identity(), SAMPLE_BYTES);
        return readBack;
      } catch (RuntimeException e) {
        readBack.close();
        throw e;
      }
    });
  }

  /** Starts preparing for {@code recipients} now. */
  static EncryptionPreparation start(AgeRecipients recipients) {
    EncryptionPreparation preparation = new EncryptionPreparation(recipients);
    Thread thread = new Thread(preparation.task, "swarmsnap-age-prepare");
    thread.setDaemon(true);
    thread.start();
    return preparation;
  }

  /**
   * Waits for the preparation; the key stays owned by this object (wiped by {@link #close}).
   *
   * @throws SwarmsnapException when encryption failed on the sample; nothing was stopped yet
   */
  AgeKeyPair readBackKey() {
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SwarmsnapException(ExitCode.FAILED,
          "cannot encrypt the archive: " + cause.getMessage() + "; the engine was not stopped",
          "check the recipients given with --encrypt-to and --recipients-file (age1... X25519 keys)", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwarmsnapException(ExitCode.FAILED, "interrupted while preparing encryption", null, e);
    }
  }

  /** Waits for the thread and wipes the single-use key. */
  @Override
  public void close() {
    try {
      task.get().close();
    } catch (ExecutionException e) {
      // Nothing was made, so nothing to wipe; the failure was or will be reported by readBackKey.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
