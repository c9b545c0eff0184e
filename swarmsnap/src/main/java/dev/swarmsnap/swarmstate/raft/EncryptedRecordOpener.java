package dev.swarmsnap.swarmstate.raft;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import dev.swarmsnap.crypto.SecretBox;
import dev.swarmsnap.swarmstate.proto.swarmkit.MaybeEncryptedRecord;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Opens a serialized {@code MaybeEncryptedRecord} (docs/swarm-state-format.md §2.3) with the first of several keys
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
    return open(UnsafeByteOperations.unsafeWrap(record), keys);
  }

  /** As {@link #open(byte[], List)}, for a record held as a view of a larger buffer. */
  public Optional<byte[]> open(ByteString record, List<byte[]> keys) throws MalformedRecordException {
    MaybeEncryptedRecord r;
    try {
      // aliasing: the box stays a view of the record until it is copied once, below
      CodedInputStream in = record.newCodedInput();
      in.enableAliasing(true);
      r = MaybeEncryptedRecord.parseFrom(in);
    } catch (IOException e) {
      throw new MalformedRecordException("bytes that do not decode as a MaybeEncryptedRecord", e);
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
