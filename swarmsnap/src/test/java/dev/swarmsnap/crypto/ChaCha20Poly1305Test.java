package dev.swarmsnap.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payload cipher of each backend ({@link CryptoBackend#payloadCiphers()}) against RFC 8439
 * and the JDK's ChaCha20-Poly1305, and behaving as the JDK's does where a caller can tell.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChaCha20Poly1305Test {
  private static final HexFormat HEX = HexFormat.of();
  private final Random random = new Random(8439);

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void matchesRfc8439Section282(CryptoBackend backend) throws Exception {
    byte[] key = new byte[32];
    for (int i = 0; i < 32; i++) {
      key[i] = (byte) (0x80 + i);
    }
    byte[] nonce = HEX.parseHex("070000004041424344454647");
    byte[] aad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
    byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
        + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    String sealed = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
        + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
        + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
        + "3ff4def08e4b7a9de576d26586cec64b6116"
        + "1ae10b594f09e26a7e902ecbd0600691";

    Cipher seal = cipher(backend, Cipher.ENCRYPT_MODE, key, nonce);
    seal.updateAAD(aad);
    assertThat(HEX.formatHex(seal.doFinal(plain))).isEqualTo(sealed);

    Cipher open = cipher(backend, Cipher.DECRYPT_MODE, key, nonce);
    open.updateAAD(aad);
    assertThat(open.doFinal(HEX.parseHex(sealed))).isEqualTo(plain);
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void sealMatchesTheJdkAndOpenReversesIt(CryptoBackend backend) throws Exception {
    for (int round = 0; round < 30; round++) {
      byte[] key = bytes(32);
      byte[] nonce = bytes(12);
      byte[] plain = bytes(round == 0 ? 0 : random.nextInt(70_000));
      byte[] expected = cipher(null, Cipher.ENCRYPT_MODE, key, nonce).doFinal(plain);

      byte[] sealed = cipher(backend, Cipher.ENCRYPT_MODE, key, nonce).doFinal(plain);
      assertThat(sealed).isEqualTo(expected);
      assertThat(cipher(backend, Cipher.DECRYPT_MODE, key, nonce).doFinal(sealed)).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void inputInPiecesAndAtOffsetsGivesTheSameResult(CryptoBackend backend) throws Exception {
    byte[] key = bytes(32);
    byte[] nonce = bytes(12);
    byte[] plain = bytes(65_536);
    byte[] sealed = cipher(null, Cipher.ENCRYPT_MODE, key, nonce).doFinal(plain);

    Cipher open = cipher(backend, Cipher.DECRYPT_MODE, key, nonce);
    open.update(sealed, 0, 1000);
    assertThat(open.doFinal(sealed, 1000, sealed.length - 1000)).isEqualTo(plain);

    byte[] padded = new byte[plain.length + 40];
    System.arraycopy(plain, 0, padded, 7, plain.length);
    byte[] out = new byte[sealed.length + 9];
    byte[] otherNonce = bytes(12);
    int n = cipher(backend, Cipher.ENCRYPT_MODE, key, otherNonce).doFinal(padded, 7, plain.length, out, 9);
    assertThat(n).isEqualTo(sealed.length);
    assertThat(Arrays.copyOfRange(out, 9, out.length))
        .isEqualTo(cipher(null, Cipher.ENCRYPT_MODE, key, otherNonce).doFinal(plain));

    byte[] inPlace = Arrays.copyOf(sealed, sealed.length);
    int opened = cipher(backend, Cipher.DECRYPT_MODE, key, nonce).doFinal(inPlace, 0, inPlace.length, inPlace, 0);
    assertThat(Arrays.copyOf(inPlace, opened)).isEqualTo(plain);
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void openRefusesAnyFlippedByteAWrongKeyAndShortInput(CryptoBackend backend) throws Exception {
    byte[] key = bytes(32);
    byte[] nonce = bytes(12);
    byte[] sealed = cipher(backend, Cipher.ENCRYPT_MODE, key, nonce).doFinal(bytes(1000));
    for (int i : new int[] {0, 500, 999, 1000, 1015}) {
      byte[] damaged = sealed.clone();
      damaged[i] ^= 0x01;
      Cipher open = cipher(backend, Cipher.DECRYPT_MODE, key, nonce);
      assertThatThrownBy(() -> open.doFinal(damaged)).as("byte %d flipped", i).isInstanceOf(AEADBadTagException.class);
    }
    Cipher wrongKey = cipher(backend, Cipher.DECRYPT_MODE, bytes(32), nonce);
    assertThatThrownBy(() -> wrongKey.doFinal(sealed)).isInstanceOf(AEADBadTagException.class);
    Cipher tooShort = cipher(backend, Cipher.DECRYPT_MODE, key, nonce);
    assertThatThrownBy(() -> tooShort.doFinal(new byte[15])).isInstanceOf(AEADBadTagException.class);
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void reinitWithTheKeyAndNonceOfThePreviousUseIsRefusedSoAKeyStreamIsNeverReused(CryptoBackend backend)
      throws Exception {
    byte[] key = bytes(32);
    byte[] nonce = bytes(12);
    for (int first : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
      for (int second : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
        Cipher cipher = cipher(backend, first, key, nonce);
        assertThatThrownBy(() -> cipher.init(second, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce)))
            .isInstanceOf(InvalidKeyException.class);
        byte[] otherNonce = nonce.clone();
        otherNonce[11] ^= 1;
        cipher.init(second, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(otherNonce));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void eachInitAllowsOneDoFinal(CryptoBackend backend) throws Exception {
    Cipher cipher = cipher(backend, Cipher.ENCRYPT_MODE, bytes(32), bytes(12));
    cipher.doFinal(bytes(10));
    assertThatThrownBy(() -> cipher.doFinal(bytes(10))).isInstanceOf(IllegalStateException.class);
    Cipher uninitialised = Cipher.getInstance("ChaCha20-Poly1305", backend.payloadCiphers());
    assertThatThrownBy(() -> uninitialised.doFinal(bytes(10))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theLibsodiumCipherIsNotTheJdks() throws Exception {
    assertThat(Cipher.getInstance("ChaCha20-Poly1305", EachCryptoBackend.libsodium().payloadCiphers()).getProvider())
        .isNotEqualTo(Cipher.getInstance("ChaCha20-Poly1305").getProvider());
  }

  /** A ChaCha20-Poly1305 cipher of {@code backend}, or the JDK's default one for null. */
  private static Cipher cipher(CryptoBackend backend, int mode, byte[] key, byte[] nonce) throws Exception {
    Cipher cipher = backend == null
        ? Cipher.getInstance("ChaCha20-Poly1305")
        : Cipher.getInstance("ChaCha20-Poly1305", backend.payloadCiphers());
    cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    return cipher;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
