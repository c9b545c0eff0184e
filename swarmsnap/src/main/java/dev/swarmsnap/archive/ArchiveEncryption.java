package dev.swarmsnap.archive;

import dev.swarmsnap.crypto.age.AgeDecryptionException;
import dev.swarmsnap.crypto.age.AgeEnvelope;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.crypto.age.AgeRecipients;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The optional age layer around an archive (docs/archive-format.md, "Encryption"): detects it,
 * opens it, and turns age's failures into the archive's own errors. Stateless.
 */
public final class ArchiveEncryption {
  private static final AgeEnvelope AGE = new AgeEnvelope();

  private ArchiveEncryption() {}

  /**
   * A stream that encrypts what is written to it into {@code file}, on a thread of its own so that
   * encryption and the writer's compressing and hashing share the time. The age header is written
   * now; closing the returned stream writes the last chunk and closes {@code file}.
   */
  static OutputStream encrypt(OutputStream file, AgeRecipients recipients) throws IOException {
    // jagged writes through an 8 KiB channel adapter: buffer, so the file gets 64 KiB writes.
    return new WriteBehindOutputStream(
        AGE.encrypt(new BufferedOutputStream(file, 1 << 16), recipients), "swarmsnap-age-encrypt");
  }

  /**
   * Sends {@code bytes} of a sample through the streams the writer and the readers use: encrypted
   * to {@code recipients}, then decrypted with {@code identity}, which must be one of theirs. Proves
   * before anything is stopped that an archive can be encrypted to these recipients and read back,
   * and gets age's set-up (key agreement, JCE providers, the JIT's cipher code) out of the way.
   *
   * @throws IllegalStateException naming what failed
   */
  public static void roundTrip(AgeRecipients recipients, AgeIdentities identity, int bytes) {
    byte[] sample = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      sample[i] = (byte) (i * 31 + (i >>> 8));
    }
    ByteArrayOutputStream sealed = new ByteArrayOutputStream(bytes + bytes / 1000 + 1024);
    try {
      try (OutputStream out = encrypt(sealed, recipients)) {
        out.write(sample);
      }
      byte[] back;
      try (InputStream in = decrypt("the encryption sample", new ByteArrayInputStream(sealed.toByteArray()), identity)) {
        back = in.readAllBytes();
      }
      if (!Arrays.equals(sample, back)) {
        throw new IllegalStateException("a sample encrypted with age did not decrypt to the same bytes");
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("age encryption to the given recipients failed on a sample: " + e.getMessage(), e);
    }
  }

  /** Whether {@code archive} starts with an age header; false for unreadable or short files. */
  public static boolean isEncrypted(Path archive) {
    try (InputStream probe = Files.newInputStream(archive)) {
      return isEncrypted(probe.readNBytes(AgeEnvelope.probeLength()));
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code head}, the first bytes of an archive, start an age header. */
  static boolean isEncrypted(byte[] head) {
    return AgeEnvelope.isAge(head);
  }

  /** Whether {@code archive} was encrypted with a passphrase ({@code age -p}), which swarmsnap cannot open. */
  static boolean isPassphraseEncrypted(Path archive) {
    try (InputStream probe = Files.newInputStream(archive)) {
      return isPassphraseEncrypted(probe.readNBytes(1024));
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code head}, the first bytes of an age file, name a passphrase (scrypt) stanza. */
  static boolean isPassphraseEncrypted(byte[] head) {
    return AgeEnvelope.isPassphraseEncrypted(head);
  }

  /**
   * Reads the age header of {@code file} now and returns the plain zstd stream, decrypted ahead on
   * a thread of its own so that decryption and the reader's decompressing and hashing share the
   * time (the 10 % budget of docs/archive-format.md, "Encryption").
   */
  static InputStream decrypt(String label, InputStream file, AgeIdentities identities) {
    // jagged reads through an 8 KiB channel adapter, so callers hand in a buffered file (64 KiB).
    try {
      return new ReadAheadInputStream(AGE.decrypt(file, identities), "swarmsnap-age-decrypt");
    } catch (AgeDecryptionException e) {
      throw switch (e.kind()) {
        case NO_MATCHING_IDENTITY -> EncryptedArchiveException.noIdentityOpens(label, identities.size(), e);
        case TRUNCATED -> new TruncatedArchiveException(
            "archive " + label + " is truncated: " + e.getMessage(), e);
        case HEADER_DAMAGED, PAYLOAD_DAMAGED -> new CorruptArchiveException(
            "archive " + label + " is corrupt: " + e.getMessage(), e);
      };
    } catch (IOException e) {
      throw new NotASwarmsnapArchiveException("cannot read " + label + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts the whole of {@code archive} and discards it: afterwards every age chunk is known to
   * be authentic, so a reader that stops early (manifest, a few entries) cannot act on a file
   * whose tail was changed or cut off.
   */
  static void authenticate(Path archive, AgeIdentities identities) {
    String label = archive.toString();
    long size;
    try {
      size = Files.size(archive);
    } catch (IOException e) {
      throw new NotASwarmsnapArchiveException("cannot read " + label + ": " + e.getMessage(), e);
    }
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      CountingInputStream counted = new CountingInputStream(file, new ProgressMeter(ProgressListener.NONE, size));
      try (InputStream plain = decrypt(label, counted, identities)) {
        plain.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        RuntimeException failure = translate(label, e, counted.count(), size);
        throw failure != null ? failure : new NotASwarmsnapArchiveException("cannot read " + label + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new NotASwarmsnapArchiveException("cannot read " + label + ": " + e.getMessage(), e);
    }
  }

  static boolean isDecryptionFailure(Throwable e) {
    return decryptionFailure(e) != null;
  }

  /**
   * The archive error for a decryption failure somewhere in {@code e}'s cause chain (the zstd and
   * tar layers pass it on, possibly wrapped), or null when {@code e} is not one.
   *
   * @param offset ciphertext bytes read so far (read ahead of the failing chunk by a buffer)
   */
  static RuntimeException translate(String label, IOException e, long offset, long size) {
    AgeDecryptionException age = decryptionFailure(e);
    if (age == null) {
      return null;
    }
    String where = " (near byte " + offset + (size >= 0 ? " of " + size : "") + ")";
    return switch (age.kind()) {
      case TRUNCATED -> new TruncatedArchiveException("archive " + label + " is truncated" + where + ": " + age.getMessage(), e);
      case NO_MATCHING_IDENTITY -> EncryptedArchiveException.noIdentityOpens(label, 0, age);
      case HEADER_DAMAGED, PAYLOAD_DAMAGED ->
          new CorruptArchiveException("archive " + label + " is corrupt" + where + ": " + age.getMessage(), e);
    };
  }

  private static AgeDecryptionException decryptionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AgeDecryptionException age) {
        return age;
      }
    }
    return null;
  }
}
