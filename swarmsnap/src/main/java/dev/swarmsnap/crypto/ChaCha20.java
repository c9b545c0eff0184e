package dev.swarmsnap.crypto;

import java.util.Arrays;

/**
 * The ChaCha20 key stream of RFC 8439 §2.4 (32-byte key, 12-byte nonce, 32-bit block counter),
 * XORed onto data by {@link KeyStream}.
 *
 * <p>Why hand-written: the JDK's ChaCha20 is the reference, but on Java 17 (no intrinsics) age's
 * payload cipher cost encrypted backups more than the 10 % the project allows (issue 7). This is
 * the same algorithm with the rounds inlined in locals and 4-byte words read and written in place,
 * like {@link XSalsa20}. {@code ChaCha20Poly1305Test} checks it against RFC 8439's vectors and the
 * JDK on random keys, nonces and lengths. One instance per key and nonce; not thread-safe.
 */
final class ChaCha20 extends KeyStream {
  private final int[] input = new int[16];

  /**
   * @param key 32 bytes
   * @param nonce 12 bytes
   * @param counter the first block's number (0 for a Poly1305 key, 1 for AEAD payload)
   */
  ChaCha20(byte[] key, byte[] nonce, int counter) {
    if (key.length != 32 || nonce.length != 12) {
      throw new IllegalArgumentException("ChaCha20 needs a 32-byte key and a 12-byte nonce");
    }
    // "expand 32-byte k"
    input[0] = 0x61707865;
    input[1] = 0x3320646e;
    input[2] = 0x79622d32;
    input[3] = 0x6b206574;
    for (int i = 0; i < 8; i++) {
      input[4 + i] = le(key, 4 * i);
    }
    input[12] = counter;
    for (int i = 0; i < 3; i++) {
      input[13 + i] = le(nonce, 4 * i);
    }
  }

  @Override
  protected void wipeKey() {
    Arrays.fill(input, 0);
  }

  /** One block: the 20 rounds of the input plus the input (§2.3); then the counter moves on. */
  @Override
  protected void nextBlock() {
    int[] in = input;
    int x0 = in[0], x1 = in[1], x2 = in[2], x3 = in[3];
    int x4 = in[4], x5 = in[5], x6 = in[6], x7 = in[7];
    int x8 = in[8], x9 = in[9], x10 = in[10], x11 = in[11];
    int x12 = in[12], x13 = in[13], x14 = in[14], x15 = in[15];
    for (int i = 0; i < 10; i++) {
      // column round
      x0 += x4;
      x12 = Integer.rotateLeft(x12 ^ x0, 16);
      x8 += x12;
      x4 = Integer.rotateLeft(x4 ^ x8, 12);
      x0 += x4;
      x12 = Integer.rotateLeft(x12 ^ x0, 8);
      x8 += x12;
      x4 = Integer.rotateLeft(x4 ^ x8, 7);
      x1 += x5;
      x13 = Integer.rotateLeft(x13 ^ x1, 16);
      x9 += x13;
      x5 = Integer.rotateLeft(x5 ^ x9, 12);
      x1 += x5;
      x13 = Integer.rotateLeft(x13 ^ x1, 8);
      x9 += x13;
      x5 = Integer.rotateLeft(x5 ^ x9, 7);
      x2 += x6;
      x14 = Integer.rotateLeft(x14 ^ x2, 16);
      x10 += x14;
      x6 = Integer.rotateLeft(x6 ^ x10, 12);
      x2 += x6;
      x14 = Integer.rotateLeft(x14 ^ x2, 8);
      x10 += x14;
      x6 = Integer.rotateLeft(x6 ^ x10, 7);
      x3 += x7;
      x15 = Integer.rotateLeft(x15 ^ x3, 16);
      x11 += x15;
      x7 = Integer.rotateLeft(x7 ^ x11, 12);
      x3 += x7;
      x15 = Integer.rotateLeft(x15 ^ x3, 8);
      x11 += x15;
      x7 = Integer.rotateLeft(x7 ^ x11, 7);
      // diagonal round
      x0 += x5;
      x15 = Integer.rotateLeft(x15 ^ x0, 16);
      x10 += x15;
      x5 = Integer.rotateLeft(x5 ^ x10, 12);
      x0 += x5;
      x15 = Integer.rotateLeft(x15 ^ x0, 8);
      x10 += x15;
      x5 = Integer.rotateLeft(x5 ^ x10, 7);
      x1 += x6;
      x12 = Integer.rotateLeft(x12 ^ x1, 16);
      x11 += x12;
      x6 = Integer.rotateLeft(x6 ^ x11, 12);
      x1 += x6;
      x12 = Integer.rotateLeft(x12 ^ x1, 8);
      x11 += x12;
      x6 = Integer.rotateLeft(x6 ^ x11, 7);
      x2 += x7;
      x13 = Integer.rotateLeft(x13 ^ x2, 16);
      x8 += x13;
      x7 = Integer.rotateLeft(x7 ^ x8, 12);
      x2 += x7;
      x13 = Integer.rotateLeft(x13 ^ x2, 8);
      x8 += x13;
      x7 = Integer.rotateLeft(x7 ^ x8, 7);
      x3 += x4;
      x14 = Integer.rotateLeft(x14 ^ x3, 16);
      x9 += x14;
      x4 = Integer.rotateLeft(x4 ^ x9, 12);
      x3 += x4;
      x14 = Integer.rotateLeft(x14 ^ x3, 8);
      x9 += x14;
      x4 = Integer.rotateLeft(x4 ^ x9, 7);
    }
    int[] out = block;
    out[0] = x0 + in[0];
    out[1] = x1 + in[1];
    out[2] = x2 + in[2];
    out[3] = x3 + in[3];
    out[4] = x4 + in[4];
    out[5] = x5 + in[5];
    out[6] = x6 + in[6];
    out[7] = x7 + in[7];
    out[8] = x8 + in[8];
    out[9] = x9 + in[9];
    out[10] = x10 + in[10];
    out[11] = x11 + in[11];
    out[12] = x12 + in[12];
    out[13] = x13 + in[13];
    out[14] = x14 + in[14];
    out[15] = x15 + in[15];
    in[12]++;
  }
}
