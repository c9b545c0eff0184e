package dev.swarmsnap.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-written XSalsa20 and Poly1305 cores against BouncyCastle's (the reference), and
 * SecretBox against the NaCl distribution's secretbox vector.
 */
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

  private final SecretBox box = new SecretBox();

  @Test
  void naclVectorSealsAndOpens() {
    assertThat(box.seal(NACL_KEY, NACL_NONCE, NACL_PLAIN)).isEqualTo(NACL_BOXED);
    assertThat(box.open(NACL_KEY, NACL_NONCE, NACL_BOXED)).hasValue(NACL_PLAIN);
  }

  @Test
  void keyStreamMatchesBouncyCastleForRandomKeysNoncesAndLengths() {
    Random random = new Random(20261125);
    for (int len : LENGTHS) {
      for (int round = 0; round < 3; round++) {
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 24);
        byte[] data = bytes(random, len);
        byte[] expected = new byte[len];
        XSalsa20Engine bc = new XSalsa20Engine();
        bc.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        bc.processBytes(data, 0, len, expected, 0);

        byte[] whole = new byte[len];
        new XSalsa20(key, nonce).xor(data, 0, whole, 0, len);
        assertThat(whole).as("length %d in one call", len).isEqualTo(expected);

        // the same stream in uneven pieces, as secretbox uses it (32 bytes, then the rest)
        byte[] pieces = new byte[len];
        XSalsa20 salsa = new XSalsa20(key, nonce);
        int at = 0;
        while (at < len) {
          int n = Math.min(len - at, random.nextInt(150));
          salsa.xor(data, at, pieces, at, n);
          at += n;
        }
        assertThat(pieces).as("length %d in pieces", len).isEqualTo(expected);
      }
    }
  }

  @Test
  void boxesMatchBouncyCastleSecretboxForRandomKeysNoncesAndLengths() {
    Random random = new Random(7);
    for (int len : LENGTHS) {
      byte[] key = bytes(random, 32);
      byte[] nonce = bytes(random, 24);
      byte[] plain = bytes(random, len);
      byte[] sealed = box.seal(key, nonce, plain);
      assertThat(sealed).as("length %d", len).isEqualTo(bouncyCastleSeal(key, nonce, plain));
      assertThat(box.open(key, nonce, sealed)).as("length %d", len).hasValue(plain);
      // a box inside a larger array, as entries are read
      byte[] padded = new byte[sealed.length + 11];
      System.arraycopy(sealed, 0, padded, 5, sealed.length);
      assertThat(box.open(key, nonce, padded, 5, sealed.length)).hasValue(plain);
    }
  }

  @Test
  void poly1305MatchesPublishedVectors() {
    // RFC 8439 §2.5.2
    byte[] tag = new byte[16];
    byte[] rfcKey = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
    byte[] rfcMsg = "Cryptographic Forum Research Group".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Poly1305.tag(rfcKey, rfcMsg, 0, rfcMsg.length, tag, 0);
    assertThat(tag).isEqualTo(HEX.parseHex("a8061dc1305136c6c22b8baf0c0127a9"));
    // NaCl tests/onetimeauth.c: the one-time key and ciphertext of the secretbox vector
    byte[] naclKey = HEX.parseHex("eea6a7251c1e72916d11c2cb214d3c252539121d8e234e652d651fa4c8cff880");
    Poly1305.tag(naclKey, NACL_BOXED, 16, NACL_BOXED.length - 16, tag, 0);
    assertThat(tag).isEqualTo(HEX.parseHex("f3ffc7703f9400e52a7dfb4b3d3305d9"));
  }

  @Test
  void poly1305MatchesBouncyCastleForRandomAndExtremeKeysAndLengths() {
    Random random = new Random(1305);
    for (int len : LENGTHS) {
      for (int round = 0; round < 4; round++) {
        byte[] key = bytes(random, 32);
        byte[] m = bytes(random, len);
        if (round == 1) {
          java.util.Arrays.fill(key, (byte) 0xff); // largest r and s: every carry path
          java.util.Arrays.fill(m, (byte) 0xff);
        }
        if (round == 2) {
          java.util.Arrays.fill(m, (byte) 0);
        }
        byte[] expected = new byte[16];
        org.bouncycastle.crypto.macs.Poly1305 bc = new org.bouncycastle.crypto.macs.Poly1305();
        bc.init(new KeyParameter(key));
        bc.update(m, 0, len);
        bc.doFinal(expected, 0);
        byte[] tag = new byte[20];
        Poly1305.tag(key, m, 0, len, tag, 3);
        assertThat(java.util.Arrays.copyOfRange(tag, 3, 19)).as("length %d round %d", len, round)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void tamperedTagCiphertextNonceOrKeyIsRejected() {
    byte[] boxed = NACL_BOXED.clone();
    for (int i : new int[] {0, 15, 16, 17, boxed.length - 1}) {
      byte[] bad = boxed.clone();
      bad[i] ^= 0x01;
      assertThat(box.open(NACL_KEY, NACL_NONCE, bad)).as("bit flipped at %d", i).isEmpty();
    }
    byte[] nonce = NACL_NONCE.clone();
    nonce[23] ^= 0x80;
    assertThat(box.open(NACL_KEY, nonce, boxed)).isEmpty();
    byte[] key = NACL_KEY.clone();
    key[0] ^= 0x01;
    assertThat(box.open(key, NACL_NONCE, boxed)).isEmpty();
    assertThat(box.open(NACL_KEY, NACL_NONCE, new byte[15])).isEmpty();
    assertThat(box.open(NACL_KEY, NACL_NONCE, java.util.Arrays.copyOf(boxed, boxed.length - 1))).isEmpty();
  }

  @Test
  void emptyPlaintextHasOnlyATag() {
    byte[] sealed = box.seal(NACL_KEY, NACL_NONCE, new byte[0]);
    assertThat(sealed).hasSize(16);
    assertThat(box.open(NACL_KEY, NACL_NONCE, sealed)).hasValue(new byte[0]);
  }

  private static byte[] bouncyCastleSeal(byte[] key, byte[] nonce, byte[] plain) {
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] polyKey = new byte[32];
    salsa.processBytes(new byte[32], 0, 32, polyKey, 0);
    byte[] out = new byte[16 + plain.length];
    salsa.processBytes(plain, 0, plain.length, out, 16);
    org.bouncycastle.crypto.macs.Poly1305 mac = new org.bouncycastle.crypto.macs.Poly1305();
    mac.init(new KeyParameter(polyKey));
    mac.update(out, 16, plain.length);
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
