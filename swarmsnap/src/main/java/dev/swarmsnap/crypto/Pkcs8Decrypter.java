package dev.swarmsnap.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Decrypts a PKCS#8 {@code EncryptedPrivateKeyInfo} with PBES2 = PBKDF2 (HMAC-SHA1 by default) +
 * AES-256-CBC, the form swarmkit writes when autolock is on (docs/swarm-state-format.md §2.5). The password is the
 * raw 32 KEK bytes; the JDK's {@code PBEKeySpec(char[])} would UTF-8 encode them and derive a
 * wrong key, hence BouncyCastle's byte-oriented generator. Stateless and thread-safe.
 */
public final class Pkcs8Decrypter {

  /**
   * Decrypts.
   *
   * @return the DER of the plain {@code PrivateKeyInfo}, or empty if the password is wrong (bad
   *     padding, or plaintext that is not a PrivateKeyInfo)
   * @throws MalformedKeyException if {@code der} is not PBES2 with PBKDF2 and AES-256-CBC
   */
  public Optional<byte[]> decrypt(byte[] der, byte[] password) throws MalformedKeyException {
    Params p = params(der);
    PKCS5S2ParametersGenerator gen =
        new PKCS5S2ParametersGenerator(p.sha256() ? new SHA256Digest() : new SHA1Digest());
    gen.init(password, p.salt(), p.iterations());
    byte[] key = ((KeyParameter) gen.generateDerivedParameters(256)).getKey();
    BufferedBlockCipher aes =
        new PaddedBufferedBlockCipher(
            CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding());
    aes.init(false, new ParametersWithIV(new KeyParameter(key), p.iv()));
    byte[] out = new byte[aes.getOutputSize(p.ciphertext().length)];
    try {
      int n = aes.processBytes(p.ciphertext(), 0, p.ciphertext().length, out, 0);
      n += aes.doFinal(out, n);
      byte[] plain = Arrays.copyOf(out, n);
      Arrays.fill(out, (byte) 0);
      // a wrong key passes the padding check about once in 256 tries; the DER check catches it
      PrivateKeyInfo.getInstance(plain);
      return Optional.of(plain);
    } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private record Params(
      byte[] salt, int iterations, boolean sha256, byte[] iv, byte[] ciphertext) {}

  private static Params params(byte[] der) throws MalformedKeyException {
    try {
      EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der);
      ASN1ObjectIdentifier alg = info.getEncryptionAlgorithm().getAlgorithm();
      if (!PKCSObjectIdentifiers.id_PBES2.equals(alg)) {
        throw new MalformedKeyException("encryption " + alg + " is not PBES2", null);
      }
      PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
      if (!PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
        throw new MalformedKeyException("key derivation is not PBKDF2", null);
      }
      PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
      ASN1ObjectIdentifier prf = kdf.getPrf().getAlgorithm();
      boolean sha256 = PKCSObjectIdentifiers.id_hmacWithSHA256.equals(prf);
      if (!sha256 && !PKCSObjectIdentifiers.id_hmacWithSHA1.equals(prf)) {
        throw new MalformedKeyException("PBKDF2 pseudo-random function " + prf, null);
      }
      if (!NISTObjectIdentifiers.id_aes256_CBC.equals(pbes2.getEncryptionScheme().getAlgorithm())) {
        throw new MalformedKeyException(
            "cipher " + pbes2.getEncryptionScheme().getAlgorithm() + " is not AES-256-CBC", null);
      }
      int iterations = kdf.getIterationCount().intValueExact();
      if (iterations < 1 || iterations > 10_000_000) {
        throw new MalformedKeyException("PBKDF2 iteration count " + iterations, null);
      }
      byte[] iv = ASN1OctetString.getInstance(pbes2.getEncryptionScheme().getParameters()).getOctets();
      if (iv.length != 16) {
        throw new MalformedKeyException("AES IV of " + iv.length + " bytes", null);
      }
      byte[] ct = info.getEncryptedData();
      if (ct.length == 0 || ct.length % 16 != 0) {
        throw new MalformedKeyException("ciphertext of " + ct.length + " bytes", null);
      }
      return new Params(kdf.getSalt(), iterations, sha256, iv, ct);
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException
        | ArithmeticException | NullPointerException e) {
      throw new MalformedKeyException("not a PKCS#8 EncryptedPrivateKeyInfo", e);
    }
  }
}
