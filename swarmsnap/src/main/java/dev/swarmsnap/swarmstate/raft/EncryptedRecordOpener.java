package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.swarmsnap.crypto.SecretBox;
import dev.swarmsnap.swarmstate.proto.swarmkit.MaybeEncryptedRecord;
import java.util.List;
import java.util.Optional;

/**
 * Opens a serialized {@code MaybeEncryptedRecord} (format doc §2.3) with the first of several keys
 * that works, as swarmkit's MultiDecrypter does during a DEK rotation (pending first, then
 * current, §2.2). Thread-safe.
 */
public final class EncryptedRecordOpener {
  private final SecretBox box = new SecretBox();

  /**
   * @return the plaintext, or empty if it is encrypted and no key opens it
   * @throws MalformedRecordException if the bytes are no record or use an algorithm we cannot open
   *     (Fernet is only written in FIPS mode, which Docker CE does not reach)
   */
  public Optional<byte[]> open(byte[] record, List<byte[]> keys) throws MalformedRecordException {
    MaybeEncryptedRecord r;
    try {
      r = MaybeEncryptedRecord.parseFrom(record);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedRecordException("not a MaybeEncryptedRecord: " + e.getMessage(), e);
    }
    switch (r.getAlgorithmValue()) {
      case 0:
        return Optional.of(r.getData().toByteArray());
      case 1:
        if (r.getNonce().size() != 24) {
          throw new MalformedRecordException(
              "secretbox nonce of " + r.getNonce().size() + " bytes, expected 24", null);
        }
        byte[] nonce = r.getNonce().toByteArray();
        byte[] boxed = r.getData().toByteArray();
        for (byte[] key : keys) {
          Optional<byte[]> plain = box.open(key, nonce, boxed);
          if (plain.isPresent()) {
            return plain;
          }
        }
        return Optional.empty();
      default:
        throw new MalformedRecordException(
            "encryption algorithm " + r.getAlgorithmValue() + " (only NONE and secretbox are read)",
            null);
    }
  }
}
