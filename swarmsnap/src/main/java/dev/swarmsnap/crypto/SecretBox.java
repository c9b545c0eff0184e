package dev.swarmsnap.crypto;

import java.util.Objects;
import java.util.Optional;

/**
 * NaCl secretbox (XSalsa20-Poly1305) as swarmkit uses it: {@code boxed = tag(16) ‖ ciphertext},
 * 24-byte nonce, 32-byte key (docs/swarm-state-format.md §2.3). Every raft entry is opened here, so
 * it goes through libsodium where that loads, else BouncyCastle ({@link CryptoBackend}). Stateless
 * and thread-safe.
 */
public final class SecretBox {
  private static final int TAG = 16;
  private final SecretBoxCipher cipher;

  /** Through this process's backend ({@link CryptoBackend#forProcess()}). */
  public SecretBox() {
    this(CryptoBackend.forProcess());
  }

  /** Through {@code backend}. */
  public SecretBox(CryptoBackend backend) {
    this.cipher = backend.secretBox();
  }

  /**
   * Opens a box.
   *
   * @return the plaintext, or empty if the tag does not verify (wrong key or damaged data)
   * @throws IllegalArgumentException if the key is not 32 bytes or the nonce not 24
   */
  public Optional<byte[]> open(byte[] key, byte[] nonce, byte[] boxed) {
    return open(key, nonce, boxed, 0, boxed.length);
  }

  /** As {@link #open(byte[], byte[], byte[])}, for the box in {@code len} bytes of {@code in} at {@code off}. */
  public Optional<byte[]> open(byte[] key, byte[] nonce, byte[] in, int off, int len) {
    Objects.checkFromIndexSize(off, len, in.length);
    checkSizes(key, nonce);
    if (len < TAG) {
      return Optional.empty();
    }
    return cipher.open(key, nonce, in, off, len);
  }

  /** Seals {@code plain}: a raft entry appended offline (another IP at restore), or damaged test variants. */
  public byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
    checkSizes(key, nonce);
    return cipher.seal(key, nonce, plain);
  }

  private static void checkSizes(byte[] key, byte[] nonce) {
    if (key.length != 32 || nonce.length != 24) {
      throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
    }
  }
}
