package dev.swarmsnap.swarmstate.keys;

import dev.swarmsnap.crypto.MalformedKeyException;
import dev.swarmsnap.crypto.Pkcs8Decrypter;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.swarmstate.raft.EncryptedRecordOpener;
import dev.swarmsnap.swarmstate.raft.MalformedRecordException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns an autolocked node key into the unlocked form, offline: {@code PRIVATE KEY} with the
 * decrypted PKCS#8 body, {@code raft-dek} (and a pending DEK) as NONE records {@code 12 20 <DEK>},
 * and no {@code kek-version} header (docs/swarm-state-format.md §8.1). A manager of a multi-manager backup
 * restored alone cannot be unlocked through the engine (unlock waits for a leader forever), so a
 * restore writes this file before the engine first starts. Stateless and thread-safe.
 */
public final class UnlockedKeyFile {
  private static final int DEK_LENGTH = 32;

  private final Pkcs8Decrypter pkcs8 = new Pkcs8Decrypter();
  private final EncryptedRecordOpener opener = new EncryptedRecordOpener();

  /**
   * The PEM text of the unlocked key file. The caller writes it (mode 0600) and wipes it.
   *
   * @throws WrongUnlockKeyException if {@code key} does not open the key or the DEK
   * @throws CorruptStateException if the file is not an encrypted manager key
   */
  public byte[] render(NodeKeyFile keyFile, UnlockKey key) {
    if (!keyFile.encrypted() || keyFile.raftDek().isEmpty()) {
      throw new CorruptStateException(
          keyFile.file(), 0, "an encrypted manager key (ENCRYPTED PRIVATE KEY with raft-dek)", keyFile.pemType());
    }
    byte[] kek = key.kek();
    byte[] privateDer = null;
    byte[] dek = null;
    byte[] pending = null;
    try {
      privateDer = decrypt(keyFile, kek);
      dek = openDek(keyFile, keyFile.raftDek().get(), kek, key);
      if (keyFile.raftDekPending().isPresent()) {
        pending = openDek(keyFile, keyFile.raftDekPending().get(), kek, key);
      }
      return pem(privateDer, dek, pending);
    } finally {
      Arrays.fill(kek, (byte) 0);
      wipe(privateDer);
      wipe(dek);
      wipe(pending);
    }
  }

  private byte[] decrypt(NodeKeyFile keyFile, byte[] kek) {
    try {
      return pkcs8.decrypt(keyFile.keyDer(), kek).orElseThrow(
          () -> new WrongUnlockKeyException(UnlockKey.fingerprintOf(kek), keyFile.file().toString()));
    } catch (MalformedKeyException e) {
      throw new CorruptStateException(keyFile.file(), 0, "a PKCS#8 PBES2 key", "a damaged key structure", e);
    }
  }

  private byte[] openDek(NodeKeyFile keyFile, byte[] record, byte[] kek, UnlockKey key) {
    Optional<byte[]> dek;
    try {
      dek = opener.open(record, List.of(kek));
    } catch (MalformedRecordException e) {
      throw new CorruptStateException(keyFile.file(), 0, "a MaybeEncryptedRecord DEK header", "bytes that do not decode as one", e);
    }
    byte[] plain = dek.orElseThrow(() -> new WrongUnlockKeyException(key.fingerprint(), keyFile.file().toString()));
    if (plain.length != DEK_LENGTH) {
      throw new CorruptStateException(keyFile.file(), 0, "a 32-byte DEK", plain.length + " bytes");
    }
    return plain;
  }

  /** Go's encoding/pem layout: headers sorted by name, a blank line, base64 in 64-column lines. */
  private static byte[] pem(byte[] privateDer, byte[] dek, byte[] pending) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "-----BEGIN PRIVATE KEY-----\n");
    write(out, "raft-dek: " + Base64.getEncoder().encodeToString(noneRecord(dek)) + "\n");
    if (pending != null) {
      write(out, "raft-dek-pending: " + Base64.getEncoder().encodeToString(noneRecord(pending)) + "\n");
    }
    write(out, "\n");
    String body = Base64.getEncoder().encodeToString(privateDer);
    for (int i = 0; i < body.length(); i += 64) {
      write(out, body.substring(i, Math.min(body.length(), i + 64)) + "\n");
    }
    write(out, "-----END PRIVATE KEY-----\n");
    return out.toByteArray();
  }

  /** {@code MaybeEncryptedRecord{algorithm=NONE (omitted), data=DEK}}: field 2, length 32 (§2.2). */
  private static byte[] noneRecord(byte[] dek) {
    byte[] record = new byte[2 + dek.length];
    record[0] = 0x12;
    record[1] = (byte) dek.length;
    System.arraycopy(dek, 0, record, 2, dek.length);
    return record;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
