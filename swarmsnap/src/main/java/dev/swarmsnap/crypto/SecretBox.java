package dev.swarmsnap.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * NaCl secretbox (XSalsa20-Poly1305) as swarmkit uses it: {@code boxed = tag(16) ‖ ciphertext},
 * 24-byte nonce, 32-byte key (docs/swarm-state-format.md §2.3). {@link XSalsa20} and {@link Poly1305} are small
 * hand-written cores, several times faster than BouncyCastle's (the reference they are tested
 * against): every raft entry is opened, and BouncyCastle's engines dominated {@code verify}.
 * Stateless and thread-safe.
 */
public final class SecretBox {
  private static final int TAG = 16;

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
    if (len < TAG) {
      checkSizes(key, nonce);
      return Optional.empty();
    }
    XSalsa20 salsa = new XSalsa20(checkSizes(key, nonce), nonce);
    try {
      // the first 32 bytes of key stream are the Poly1305 one-time key (§2.3 step 2)
      byte[] polyKey = new byte[32];
      salsa.xor(polyKey, 0, polyKey, 0, 32);
      byte[] tag = new byte[TAG];
      poly1305(polyKey, in, off + TAG, len - TAG, tag);
      if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(in, off, off + TAG))) {
        return Optional.empty();
      }
      byte[] plain = new byte[len - TAG];
      salsa.xor(in, off + TAG, plain, 0, plain.length);
      return Optional.of(plain);
    } finally {
      salsa.wipe();
    }
  }

  /** Seals {@code plain}: a raft entry appended offline (another IP at restore), or damaged test variants. */
  public byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
    XSalsa20 salsa = new XSalsa20(checkSizes(key, nonce), nonce);
    try {
      byte[] polyKey = new byte[32];
      salsa.xor(polyKey, 0, polyKey, 0, 32);
      byte[] out = new byte[TAG + plain.length];
      salsa.xor(plain, 0, out, TAG, plain.length);
      poly1305(polyKey, out, TAG, plain.length, out);
      return out;
    } finally {
      salsa.wipe();
    }
  }

  /** Writes the 16-byte tag of {@code len} bytes at {@code off} to {@code tag[0..16)}; wipes the key. */
  private static void poly1305(byte[] polyKey, byte[] data, int off, int len, byte[] tag) {
    Poly1305.tag(polyKey, data, off, len, tag, 0);
    Arrays.fill(polyKey, (byte) 0);
  }

  private static byte[] checkSizes(byte[] key, byte[] nonce) {
    if (key.length != 32 || nonce.length != 24) {
      throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
    }
    return key;
  }
}
