package dev.swarmsnap.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SecretBox on each backend against the NaCl distribution's secretbox vector, and each against the other. */
@Timeout(60)
class SecretBoxTest {
  private static final HexFormat HEX = HexFormat.of();
  // NaCl tests/secretbox.c (also libsodium test/default/secretbox.c): firstkey, nonce, m, c
  private static final byte[] NACL_KEY =
      HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
  private static final byte[] NACL_NONCE =
      HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
  private static final byte[] NACL_PLAIN = HEX.parseHex(
      "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
          + "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
          + "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
          + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864"
          + "5e0705");
  /** tag ‖ ciphertext, the layout swarmkit (Go's secretbox.Seal) writes */
  private static final byte[] NACL_BOXED = HEX.parseHex(
      "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce"
          + "48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972"
          + "71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
          + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3"
          + "7973f622a43d14a6599b1f654cb45a74e355a5");
  private static final int[] LENGTHS = {0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 4096, 491_520 + 7};

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void naclVectorSealsAndOpens(CryptoBackend backend) {
    SecretBox box = new SecretBox(backend);
    assertThat(box.seal(NACL_KEY, NACL_NONCE, NACL_PLAIN)).isEqualTo(NACL_BOXED);
    assertThat(box.open(NACL_KEY, NACL_NONCE, NACL_BOXED)).hasValue(NACL_PLAIN);
  }

  @Test
  void bothBackendsSealTheSameBytesAndOpenEachOthersBoxes() {
    SecretBox sodium = new SecretBox(EachCryptoBackend.libsodium());
    SecretBox pureJava = new SecretBox(EachCryptoBackend.pureJava());
    Random random = new Random(7);
    for (int len : LENGTHS) {
      byte[] key = bytes(random, 32);
      byte[] nonce = bytes(random, 24);
      byte[] plain = bytes(random, len);
      byte[] sealed = sodium.seal(key, nonce, plain);
      assertThat(pureJava.seal(key, nonce, plain)).as("length %d", len).isEqualTo(sealed);
      assertThat(pureJava.open(key, nonce, sealed)).as("length %d", len).hasValue(plain);
      assertThat(sodium.open(key, nonce, sealed)).as("length %d", len).hasValue(plain);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void aBoxInsideALargerArrayOpens(CryptoBackend backend) {
    SecretBox box = new SecretBox(backend);
    byte[] padded = new byte[NACL_BOXED.length + 11];
    System.arraycopy(NACL_BOXED, 0, padded, 5, NACL_BOXED.length);
    assertThat(box.open(NACL_KEY, NACL_NONCE, padded, 5, NACL_BOXED.length)).hasValue(NACL_PLAIN);
    assertThat(box.open(NACL_KEY, NACL_NONCE, padded, 4, NACL_BOXED.length)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void tamperedTagCiphertextNonceOrKeyIsRejected(CryptoBackend backend) {
    SecretBox box = new SecretBox(backend);
    for (int i : new int[] {0, 15, 16, 17, NACL_BOXED.length - 1}) {
      byte[] bad = NACL_BOXED.clone();
      bad[i] ^= 0x01;
      assertThat(box.open(NACL_KEY, NACL_NONCE, bad)).as("bit flipped at %d", i).isEmpty();
    }
    byte[] nonce = NACL_NONCE.clone();
    nonce[23] ^= (byte) 0x80;
    assertThat(box.open(NACL_KEY, nonce, NACL_BOXED)).isEmpty();
    byte[] key = NACL_KEY.clone();
    key[0] ^= 0x01;
    assertThat(box.open(key, NACL_NONCE, NACL_BOXED)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void shortOrCutBoxesAreRejected(CryptoBackend backend) {
    SecretBox box = new SecretBox(backend);
    assertThat(box.open(NACL_KEY, NACL_NONCE, new byte[0])).isEmpty();
    assertThat(box.open(NACL_KEY, NACL_NONCE, new byte[15])).isEmpty();
    assertThat(box.open(NACL_KEY, NACL_NONCE, new byte[16])).isEmpty();
    assertThat(box.open(NACL_KEY, NACL_NONCE, Arrays.copyOf(NACL_BOXED, NACL_BOXED.length - 1))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void emptyPlaintextHasOnlyATag(CryptoBackend backend) {
    SecretBox box = new SecretBox(backend);
    byte[] sealed = box.seal(NACL_KEY, NACL_NONCE, new byte[0]);
    assertThat(sealed).hasSize(16);
    assertThat(box.open(NACL_KEY, NACL_NONCE, sealed)).hasValue(new byte[0]);
  }

  @ParameterizedTest
  @MethodSource("dev.swarmsnap.crypto.EachCryptoBackend#all")
  void keysAndNoncesOfTheWrongSizeAreRefused(CryptoBackend backend) {
    SecretBox box = new SecretBox(backend);
    assertThatThrownBy(() -> box.open(new byte[31], NACL_NONCE, NACL_BOXED)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open(NACL_KEY, new byte[12], new byte[3])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.seal(NACL_KEY, new byte[25], NACL_PLAIN)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
