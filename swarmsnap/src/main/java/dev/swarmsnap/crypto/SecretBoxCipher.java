package dev.swarmsnap.crypto;

import java.util.Optional;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20-Poly1305) in its combined form, {@code boxed = tag(16)
 * ‖ ciphertext}, from one library. {@link SecretBox} checks sizes before calling.
 */
interface SecretBoxCipher {
  /** {@code plain} sealed under a 32-byte key and a 24-byte nonce. */
  byte[] seal(byte[] key, byte[] nonce, byte[] plain);

  /** The box in {@code len >= 16} bytes of {@code in} at {@code off}, opened; empty if its tag does not verify. */
  Optional<byte[]> open(byte[] key, byte[] nonce, byte[] in, int off, int len);
}
