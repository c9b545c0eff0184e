package dev.swarmsnap.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ChaCha20-Poly1305 AEAD of RFC 8439 §2.8 without additional data (age's payload chunks have
 * none): {@code sealed = ciphertext ‖ tag(16)}. Built on the {@link ChaCha20} and {@link Poly1305}
 * cores; the JDK's implementation is the reference it is tested against. Stateless and
 * thread-safe.
 */
public final class ChaCha20Poly1305 {
  /** Bytes the tag adds. */
  public static final int TAG = 16;

  /**
   * Encrypts {@code len} bytes of {@code in} at {@code inOff} into {@code out} at {@code outOff}:
   * {@code len + 16} bytes. {@code out} may be {@code in} at the same offset.
   */
  public void seal(byte[] key, byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
    Objects.checkFromIndexSize(inOff, len, in.length);
    Objects.checkFromIndexSize(outOff, len + TAG, out.length);
    ChaCha20 cipher = new ChaCha20(key, nonce, 1);
    try {
      cipher.xor(in, inOff, out, outOff, len);
    } finally {
      cipher.wipe();
    }
    tag(key, nonce, out, outOff, len, out, outOff + len);
  }

  /**
   * Checks the tag of {@code sealedLen} bytes of {@code in} at {@code inOff} and only then
   * decrypts them into {@code out} at {@code outOff} ({@code sealedLen - 16} bytes).
   *
   * @return false, writing nothing, when the tag does not verify (wrong key, damaged data)
   */
  public boolean open(byte[] key, byte[] nonce, byte[] in, int inOff, int sealedLen, byte[] out, int outOff) {
    Objects.checkFromIndexSize(inOff, sealedLen, in.length);
    if (sealedLen < TAG) {
      return false;
    }
    int len = sealedLen - TAG;
    Objects.checkFromIndexSize(outOff, len, out.length);
    byte[] expected = new byte[TAG];
    tag(key, nonce, in, inOff, len, expected, 0);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(in, inOff + len, inOff + sealedLen))) {
      return false;
    }
    ChaCha20 cipher = new ChaCha20(key, nonce, 1);
    try {
      cipher.xor(in, inOff, out, outOff, len);
    } finally {
      cipher.wipe();
    }
    return true;
  }

  /** Poly1305 (§2.8, empty AAD) of the ciphertext under the one-time key of block 0. */
  private static void tag(byte[] key, byte[] nonce, byte[] ciphertext, int off, int len, byte[] out, int outOff) {
    byte[] polyKey = new byte[32];
    ChaCha20 first = new ChaCha20(key, nonce, 0);
    first.xor(polyKey, 0, polyKey, 0, 32);
    first.wipe();
    try {
      Poly1305.aeadTag(polyKey, ciphertext, off, len, out, outOff);
    } finally {
      Arrays.fill(polyKey, (byte) 0);
    }
  }
}
