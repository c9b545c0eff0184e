package dev.swarmsnap.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Secretbox from BouncyCastle's XSalsa20 and Poly1305, for where libsodium does not load. The
 * construction is NaCl's (docs/swarm-state-format.md §2.3): the first 32 bytes of the XSalsa20 key
 * stream are the Poly1305 one-time key, the rest encrypts the message, and the tag covers the
 * ciphertext.
 */
final class BouncyCastleSecretBox implements SecretBoxCipher {
  private static final int TAG = 16;
  private static final int POLY_KEY = 32;

  @Override
  public byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
    XSalsa20Engine salsa = salsa(key, nonce);
    byte[] polyKey = oneTimeKey(salsa);
    byte[] boxed = new byte[TAG + plain.length];
    salsa.processBytes(plain, 0, plain.length, boxed, TAG);
    tag(polyKey, boxed, TAG, plain.length, boxed);
    return boxed;
  }

  @Override
  public Optional<byte[]> open(byte[] key, byte[] nonce, byte[] in, int off, int len) {
    XSalsa20Engine salsa = salsa(key, nonce);
    byte[] tag = new byte[TAG];
    tag(oneTimeKey(salsa), in, off + TAG, len - TAG, tag);
    if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(in, off, off + TAG))) {
      return Optional.empty();
    }
    byte[] plain = new byte[len - TAG];
    salsa.processBytes(in, off + TAG, plain.length, plain, 0);
    return Optional.of(plain);
  }

  private static XSalsa20Engine salsa(byte[] key, byte[] nonce) {
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return salsa;
  }

  private static byte[] oneTimeKey(XSalsa20Engine salsa) {
    byte[] polyKey = new byte[POLY_KEY];
    salsa.processBytes(polyKey, 0, POLY_KEY, polyKey, 0);
    return polyKey;
  }

  /** Writes the tag of {@code len} bytes at {@code off} to {@code out[0..16)}; wipes the one-time key. */
  private static void tag(byte[] polyKey, byte[] data, int off, int len, byte[] out) {
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(polyKey));
    Arrays.fill(polyKey, (byte) 0);
    mac.update(data, off, len);
    mac.doFinal(out, 0);
  }
}
