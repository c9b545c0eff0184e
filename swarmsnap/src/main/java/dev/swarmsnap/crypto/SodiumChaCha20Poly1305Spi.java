package dev.swarmsnap.crypto;

import com.goterl.lazysodium.Sodium;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
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
 * libsodium's {@code crypto_aead_chacha20poly1305_ietf} (RFC 8439) behind the JCE's {@link
 * CipherSpi}, behaving as the JDK's ChaCha20-Poly1305 does where a caller can tell: init with a
 * 32-byte key and a 12-byte {@link IvParameterSpec}; additional data before any input; one {@code
 * doFinal} per init; an init with the key and nonce of the previous one is refused, so a key
 * stream is never used twice. Input given to {@code update} is held until {@code doFinal}, as an
 * AEAD must; decryption that fails authentication throws {@link AEADBadTagException} and outputs
 * nothing.
 */
final class SodiumChaCha20Poly1305Spi extends CipherSpi {
  private static final int TAG = 16;
  private final Sodium sodium;
  private int mode;
  /** The key and nonce of the last init, kept to refuse them the next time. */
  private byte[] key;
  private byte[] nonce;
  /** Whether doFinal may run: after an init and before its doFinal. */
  private boolean ready;
  private final Held aad = new Held();
  private final Held input = new Held();

  SodiumChaCha20Poly1305Spi(Sodium sodium) {
    this.sodium = sodium;
  }

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
    int total = input.length + inputLen;
    return mode == Cipher.DECRYPT_MODE ? Math.max(0, total - TAG) : total + TAG;
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
    byte[] newNonce = iv.getIV();
    if (this.key != null && MessageDigest.isEqual(encoded, this.key) && Arrays.equals(newNonce, nonce)) {
      Arrays.fill(encoded, (byte) 0);
      throw new InvalidKeyException("Matching key and nonce from previous initialization");
    }
    wipeKey();
    aad.clear();
    input.clear();
    this.mode = opmode;
    this.key = encoded;
    this.nonce = newNonce;
    this.ready = true;
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
  protected void engineUpdateAAD(byte[] src, int offset, int len) {
    checkReady();
    if (input.length > 0) {
      throw new IllegalStateException("additional data must come before the input");
    }
    aad.add(src, offset, len);
  }

  @Override
  protected byte[] engineUpdate(byte[] src, int offset, int len) {
    checkReady();
    input.add(src, offset, len);
    return new byte[0];
  }

  @Override
  protected int engineUpdate(byte[] src, int offset, int len, byte[] output, int outputOffset) {
    checkReady();
    input.add(src, offset, len);
    return 0;
  }

  @Override
  protected byte[] engineDoFinal(byte[] src, int offset, int len) throws AEADBadTagException {
    checkReady();
    byte[] output = new byte[engineGetOutputSize(len)];
    try {
      engineDoFinal(src, offset, len, output, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("output sized by engineGetOutputSize", e);
    }
    return output;
  }

  @Override
  protected int engineDoFinal(byte[] src, int offset, int len, byte[] output, int outputOffset)
      throws ShortBufferException, AEADBadTagException {
    checkReady();
    int size = engineGetOutputSize(len);
    if (output.length - outputOffset < size) {
      throw new ShortBufferException("ChaCha20-Poly1305 needs " + size + " output bytes");
    }
    try {
      byte[] in;
      if (input.length == 0 && src != null && offset == 0 && len == src.length && src != output) {
        in = src; // age's chunks: one doFinal on a whole array, nothing to copy
      } else {
        if (len > 0) {
          input.add(src, offset, len);
        }
        in = input.whole();
      }
      if (mode == Cipher.DECRYPT_MODE && in.length < TAG) {
        throw new AEADBadTagException("Input too short - need tag");
      }
      // JNA passes whole arrays: the result goes to the caller's array directly only when it fits exactly
      byte[] out = outputOffset == 0 && output.length == size && output != src ? output : new byte[size];
      byte[] ad = aad.length == 0 ? null : aad.whole();
      int status = mode == Cipher.ENCRYPT_MODE
          ? sodium.crypto_aead_chacha20poly1305_ietf_encrypt(out, null, in, in.length, ad, aad.length, null, nonce, key)
          : sodium.crypto_aead_chacha20poly1305_ietf_decrypt(out, null, null, in, in.length, ad, aad.length, nonce, key);
      if (status != 0) {
        throw new AEADBadTagException("Tag mismatch");
      }
      if (out != output) {
        System.arraycopy(out, 0, output, outputOffset, size);
      }
      return size;
    } finally {
      ready = false;
      aad.clear();
      input.clear();
    }
  }

  private void checkReady() {
    if (!ready) {
      throw new IllegalStateException(key == null
          ? "Cipher not initialized"
          : "Must use either a different key or iv.");
    }
  }

  private void wipeKey() {
    if (key != null) {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Bytes held until doFinal, handed to libsodium as one array of their exact length (JNA passes whole arrays). */
  private static final class Held {
    private byte[] bytes = new byte[0];
    private int length;

    void add(byte[] src, int offset, int len) {
      if (length + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + len, 2 * bytes.length));
      }
      System.arraycopy(src, offset, bytes, length, len);
      length += len;
    }

    byte[] whole() {
      if (bytes.length != length) {
        bytes = Arrays.copyOf(bytes, length);
      }
      return bytes;
    }

    void clear() {
      Arrays.fill(bytes, 0, length, (byte) 0);
      length = 0;
    }
  }
}
