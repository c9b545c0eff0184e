package dev.swarmsnap.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ChaCha20 core and the AEAD against RFC 8439 and the JDK's implementation (the reference). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChaCha20Poly1305Test {
  private static final HexFormat HEX = HexFormat.of();
  private final Random random = new Random(8439);
  private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();

  @Test
  void chaCha20MatchesRfc8439Section242() {
    byte[] key = new byte[32];
    for (int i = 0; i < 32; i++) {
      key[i] = (byte) i;
    }
    byte[] nonce = HEX.parseHex("000000000000004a00000000");
    byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
        + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[plain.length];
    new ChaCha20(key, nonce, 1).xor(plain, 0, out, 0, plain.length);
    assertThat(HEX.formatHex(out)).isEqualTo(
        "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
            + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
            + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
            + "5af90bbf74a35be6b40b8eedf2785e42874d");
  }

  @Test
  void chaCha20MatchesTheJdkInPiecesOfAnySize() throws Exception {
    for (int round = 0; round < 50; round++) {
      byte[] key = bytes(32);
      byte[] nonce = bytes(12);
      int counter = random.nextInt();
      byte[] plain = bytes(random.nextInt(5000));
      Cipher jdk = Cipher.getInstance("ChaCha20");
      jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, counter));
      byte[] expected = jdk.doFinal(plain);
      byte[] actual = new byte[plain.length];
      ChaCha20 cipher = new ChaCha20(key, nonce, counter);
      int at = 0;
      while (at < plain.length) {
        int n = Math.min(plain.length - at, random.nextInt(150));
        cipher.xor(plain, at, actual, at, n);
        at += n;
      }
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void sealMatchesTheJdkAndOpenReversesIt() throws Exception {
    for (int round = 0; round < 50; round++) {
      byte[] key = bytes(32);
      byte[] nonce = bytes(12);
      byte[] plain = bytes(round == 0 ? 0 : random.nextInt(70_000));
      Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
      jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
      byte[] expected = jdk.doFinal(plain);

      byte[] sealed = new byte[plain.length + ChaCha20Poly1305.TAG];
      aead.seal(key, nonce, plain, 0, plain.length, sealed, 0);
      assertThat(sealed).isEqualTo(expected);

      byte[] opened = new byte[plain.length];
      assertThat(aead.open(key, nonce, sealed, 0, sealed.length, opened, 0)).isTrue();
      assertThat(opened).isEqualTo(plain);
    }
  }

  @Test
  void openRefusesAnyFlippedByteAndWritesNothing() {
    byte[] key = bytes(32);
    byte[] nonce = bytes(12);
    byte[] plain = bytes(1000);
    byte[] sealed = new byte[plain.length + ChaCha20Poly1305.TAG];
    aead.seal(key, nonce, plain, 0, plain.length, sealed, 0);
    for (int i : new int[] {0, 500, 999, 1000, 1015}) {
      byte[] damaged = sealed.clone();
      damaged[i] ^= 0x01;
      byte[] out = new byte[plain.length];
      assertThat(aead.open(key, nonce, damaged, 0, damaged.length, out, 0)).as("byte %d flipped", i).isFalse();
      assertThat(out).containsOnly(0);
    }
    byte[] otherKey = bytes(32);
    assertThat(aead.open(otherKey, nonce, sealed, 0, sealed.length, new byte[plain.length], 0)).isFalse();
    assertThat(aead.open(key, nonce, sealed, 0, 15, new byte[0], 0)).isFalse();
  }

  @Test
  void providerCipherInteroperatesWithTheJdkBothWays() throws Exception {
    ChaCha20Poly1305Provider provider = new ChaCha20Poly1305Provider();
    byte[] key = bytes(32);
    byte[] nonce = bytes(12);
    byte[] plain = bytes(65_536);
    Cipher ours = Cipher.getInstance("ChaCha20-Poly1305", provider);
    ours.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    byte[] sealed = ours.doFinal(plain);

    Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
    jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    assertThat(jdk.doFinal(sealed)).isEqualTo(plain);

    Cipher back = Cipher.getInstance("ChaCha20-Poly1305", provider);
    back.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    back.update(sealed, 0, 1000);
    assertThat(back.doFinal(sealed, 1000, sealed.length - 1000)).isEqualTo(plain);

    byte[] damaged = Arrays.copyOf(sealed, sealed.length);
    damaged[12345] ^= 0x40;
    back.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    assertThatThrownBy(() -> back.doFinal(damaged)).isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void providerCipherNeedsANewInitBeforeEachDoFinalSoANonceIsNeverReused() throws Exception {
    Cipher ours = Cipher.getInstance("ChaCha20-Poly1305", new ChaCha20Poly1305Provider());
    ours.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(bytes(32), "ChaCha20"), new IvParameterSpec(bytes(12)));
    ours.doFinal(bytes(10));
    assertThatThrownBy(() -> ours.doFinal(bytes(10))).isInstanceOf(IllegalStateException.class);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
