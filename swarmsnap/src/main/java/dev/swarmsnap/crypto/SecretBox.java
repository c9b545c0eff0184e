package dev.swarmsnap.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl secretbox (XSalsa20-Poly1305) as swarmkit uses it: {@code boxed = tag(16) ‖ ciphertext},
 * 24-byte nonce, 32-byte key (format doc §2.3). Stateless and thread-safe.
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
    if (key.length != 32 || nonce.length != 24) {
      throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
    }
    if (boxed.length < TAG) {
      return Optional.empty();
    }
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
    // the first 32 bytes of key stream are the Poly1305 one-time key (§2.3 step 2)
    byte[] polyKey = new byte[32];
    salsa.processBytes(new byte[32], 0, 32, polyKey, 0);
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(polyKey));
    mac.update(boxed, TAG, boxed.length - TAG);
    byte[] tag = new byte[TAG];
    mac.doFinal(tag, 0);
    Arrays.fill(polyKey, (byte) 0);
    if (!MessageDigest.isEqual(tag, Arrays.copyOf(boxed, TAG))) {
      return Optional.empty();
    }
    byte[] plain = new byte[boxed.length - TAG];
    salsa.processBytes(boxed, TAG, plain.length, plain, 0);
    return Optional.of(plain);
  }

  /** Seals {@code plain}: a raft entry appended offline (another IP at restore), or damaged test variants. */
  public byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] polyKey = new byte[32];
    salsa.processBytes(new byte[32], 0, 32, polyKey, 0);
    byte[] out = new byte[TAG + plain.length];
    salsa.processBytes(plain, 0, plain.length, out, TAG);
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(polyKey));
    mac.update(out, TAG, plain.length);
    mac.doFinal(out, 0);
    Arrays.fill(polyKey, (byte) 0);
    return out;
  }
}
