package dev.swarmsnap.crypto;

import com.goterl.lazysodium.Sodium;
import java.util.Arrays;
import java.util.Optional;

/** libsodium's {@code crypto_secretbox_easy}, whose output is exactly swarmkit's layout. */
final class SodiumSecretBox implements SecretBoxCipher {
  private static final int TAG = 16;
  private final Sodium sodium;

  SodiumSecretBox(Sodium sodium) {
    this.sodium = sodium;
  }

  @Override
  public byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
    byte[] boxed = new byte[TAG + plain.length];
    if (sodium.crypto_secretbox_easy(boxed, plain, plain.length, nonce, key) != 0) {
      throw new IllegalStateException("libsodium's crypto_secretbox_easy failed");
    }
    return boxed;
  }

  @Override
  public Optional<byte[]> open(byte[] key, byte[] nonce, byte[] in, int off, int len) {
    // JNA passes whole arrays: a box inside a larger one is copied out first
    byte[] boxed = off == 0 && len == in.length ? in : Arrays.copyOfRange(in, off, off + len);
    byte[] plain = new byte[len - TAG];
    return sodium.crypto_secretbox_open_easy(plain, boxed, len, nonce, key) == 0 ? Optional.of(plain) : Optional.empty();
  }
}
