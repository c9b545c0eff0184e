package dev.swarmsnap.crypto;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;

/**
 * {@link ChaCha20Poly1305} behind the JCE's {@link CipherSpi}, as age uses it: init with a 32-byte
 * key and a 12-byte {@link IvParameterSpec}, then one {@code doFinal} (input given to {@code
 * update} is held until then, as an AEAD must). Decryption that fails authentication throws
 * {@link AEADBadTagException} and outputs nothing. After {@code doFinal} the key is wiped and the
 * cipher needs a new init, so a key and nonce are never used twice.
 */
final class ChaCha20Poly1305CipherSpi extends CipherSpi {
  private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
  private int mode;
  private byte[] key;
  private byte[] nonce;
  private byte[] held = new byte[0];
  private int heldLength;

  @Override
  protected void engineSetMode(String name) throws NoSuchAlgorithmException {
    if (!"None".equalsIgnoreCase(name)) {
      throw new NoSuchAlgorithmException("ChaCha20-Poly1305 has no mode " + name);
    }
  }

  @Override
  protected void engineSetPadding(String name) throws NoSuchPaddingException {
    if (!"NoPadding".equalsIgnoreCase(name)) {
      throw new NoSuchPaddingException("ChaCha20-Poly1305 has no padding " + name);
    }
  }

  @Override
  protected int engineGetBlockSize() {
    return 0;
  }

  @Override
  protected int engineGetOutputSize(int inputLen) {
    int total = heldLength + inputLen;
    return mode == Cipher.DECRYPT_MODE ? Math.max(0, total - ChaCha20Poly1305.TAG) : total + ChaCha20Poly1305.TAG;
  }

  @Override
  protected byte[] engineGetIV() {
    return nonce == null ? null : nonce.clone();
  }

  @Override
  protected AlgorithmParameters engineGetParameters() {
    return null;
  }

  @Override
  protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
    throw new InvalidKeyException("ChaCha20-Poly1305 here needs an explicit 12-byte nonce (IvParameterSpec)");
  }

  @Override
  protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
      throws InvalidKeyException, InvalidAlgorithmParameterException {
    if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
      throw new UnsupportedOperationException("ChaCha20-Poly1305 here only encrypts and decrypts");
    }
    if (!(params instanceof IvParameterSpec iv) || iv.getIV().length != 12) {
      throw new InvalidAlgorithmParameterException("ChaCha20-Poly1305 needs a 12-byte IvParameterSpec");
    }
    byte[] encoded = key == null ? null : key.getEncoded();
    if (encoded == null || encoded.length != 32) {
      throw new InvalidKeyException("ChaCha20-Poly1305 needs a 32-byte key");
    }
    wipe();
    this.mode = opmode;
    this.key = encoded;
    this.nonce = iv.getIV();
  }

  @Override
  protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
      throws InvalidKeyException, InvalidAlgorithmParameterException {
    try {
      engineInit(opmode, key, params == null ? null : params.getParameterSpec(IvParameterSpec.class), random);
    } catch (InvalidParameterSpecException e) {
      throw new InvalidAlgorithmParameterException("ChaCha20-Poly1305 needs a 12-byte nonce", e);
    }
  }

  @Override
  protected byte[] engineUpdate(byte[] input, int offset, int len) {
    hold(input, offset, len);
    return new byte[0];
  }

  @Override
  protected int engineUpdate(byte[] input, int offset, int len, byte[] output, int outputOffset) {
    hold(input, offset, len);
    return 0;
  }

  @Override
  protected byte[] engineDoFinal(byte[] input, int offset, int len) throws AEADBadTagException {
    byte[] output = new byte[engineGetOutputSize(len)];
    try {
      engineDoFinal(input, offset, len, output, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("output sized by engineGetOutputSize", e);
    }
    return output;
  }

  @Override
  protected int engineDoFinal(byte[] input, int offset, int len, byte[] output, int outputOffset)
      throws ShortBufferException, AEADBadTagException {
    if (key == null) {
      throw new IllegalStateException("ChaCha20-Poly1305 needs init (with a new nonce) before each doFinal");
    }
    int size = engineGetOutputSize(len);
    if (output.length - outputOffset < size) {
      throw new ShortBufferException("ChaCha20-Poly1305 needs " + size + " output bytes");
    }
    byte[] data = input;
    int at = offset;
    if (heldLength > 0 || input == output) {
      hold(input, offset, len);
      data = held;
      at = 0;
      len = heldLength;
    }
    try {
      if (mode == Cipher.ENCRYPT_MODE) {
        aead.seal(key, nonce, data, at, len, output, outputOffset);
      } else if (!aead.open(key, nonce, data, at, len, output, outputOffset)) {
        throw new AEADBadTagException("ChaCha20-Poly1305 tag mismatch");
      }
      return size;
    } finally {
      wipe();
    }
  }

  private void hold(byte[] input, int offset, int len) {
    if (heldLength + len > held.length) {
      held = Arrays.copyOf(held, Math.max(heldLength + len, 2 * held.length));
    }
    System.arraycopy(input, offset, held, heldLength, len);
    heldLength += len;
  }

  private void wipe() {
    if (key != null) {
      Arrays.fill(key, (byte) 0);
    }
    key = null;
    Arrays.fill(held, 0, heldLength, (byte) 0);
    heldLength = 0;
  }
}
