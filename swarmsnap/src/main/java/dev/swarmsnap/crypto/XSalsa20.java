package dev.swarmsnap.crypto;

import java.util.Arrays;

/**
 * The XSalsa20 key stream (HSalsa20 subkey, then Salsa20/20 with the last 8 nonce bytes), XORed
 * onto data by {@link KeyStream}.
 *
 * <p>Why hand-written: BouncyCastle's {@code XSalsa20Engine} is the reference, but it hands out
 * its key stream one byte at a time through a buffer, and decrypting the raft log spent most of
 * {@code verify}'s time there. This is the same algorithm a block at a time (the rounds fully
 * inlined, 4-byte words read and written in place), several times faster. {@code
 * XSalsa20Test} checks it against BouncyCastle on random keys, nonces and lengths. One instance
 * per key and nonce; not thread-safe.
 */
final class XSalsa20 extends KeyStream {
  /** "expand 32-byte k" */
  private static final int C0 = 0x61707865;
  private static final int C1 = 0x3320646e;
  private static final int C2 = 0x79622d32;
  private static final int C3 = 0x6b206574;

  private final int[] input = new int[16];

  /**
   * @param key 32 bytes
   * @param nonce 24 bytes
   */
  XSalsa20(byte[] key, byte[] nonce) {
    if (key.length != 32 || nonce.length != 24) {
      throw new IllegalArgumentException("XSalsa20 needs a 32-byte key and a 24-byte nonce");
    }
    int[] h = new int[16];
    h[0] = C0;
    h[5] = C1;
    h[10] = C2;
    h[15] = C3;
    for (int i = 0; i < 4; i++) {
      h[1 + i] = le(key, 4 * i);
      h[11 + i] = le(key, 16 + 4 * i);
      h[6 + i] = le(nonce, 4 * i);
    }
    int[] z = new int[16];
    rounds(h, z);
    // HSalsa20: the subkey is words 0, 5, 10, 15, 6..9 of the rounds' output, without the feed-forward
    input[0] = C0;
    input[5] = C1;
    input[10] = C2;
    input[15] = C3;
    input[1] = z[0];
    input[2] = z[5];
    input[3] = z[10];
    input[4] = z[15];
    input[11] = z[6];
    input[12] = z[7];
    input[13] = z[8];
    input[14] = z[9];
    input[6] = le(nonce, 16);
    input[7] = le(nonce, 20);
    Arrays.fill(h, 0);
    Arrays.fill(z, 0);
  }

  @Override
  protected void wipeKey() {
    Arrays.fill(input, 0);
  }

  @Override
  protected void nextBlock() {
    rounds(input, block);
    for (int i = 0; i < 16; i++) {
      block[i] += input[i];
    }
    if (++input[8] == 0) {
      input[9]++;
    }
  }

  /** The 20 Salsa20 rounds of {@code in} into {@code out}, without the final addition. */
  private static void rounds(int[] in, int[] out) {
    int x0 = in[0], x1 = in[1], x2 = in[2], x3 = in[3];
    int x4 = in[4], x5 = in[5], x6 = in[6], x7 = in[7];
    int x8 = in[8], x9 = in[9], x10 = in[10], x11 = in[11];
    int x12 = in[12], x13 = in[13], x14 = in[14], x15 = in[15];
    for (int i = 0; i < 10; i++) {
      // column round
      x4 ^= Integer.rotateLeft(x0 + x12, 7);
      x8 ^= Integer.rotateLeft(x4 + x0, 9);
      x12 ^= Integer.rotateLeft(x8 + x4, 13);
      x0 ^= Integer.rotateLeft(x12 + x8, 18);
      x9 ^= Integer.rotateLeft(x5 + x1, 7);
      x13 ^= Integer.rotateLeft(x9 + x5, 9);
      x1 ^= Integer.rotateLeft(x13 + x9, 13);
      x5 ^= Integer.rotateLeft(x1 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x6, 7);
      x2 ^= Integer.rotateLeft(x14 + x10, 9);
      x6 ^= Integer.rotateLeft(x2 + x14, 13);
      x10 ^= Integer.rotateLeft(x6 + x2, 18);
      x3 ^= Integer.rotateLeft(x15 + x11, 7);
      x7 ^= Integer.rotateLeft(x3 + x15, 9);
      x11 ^= Integer.rotateLeft(x7 + x3, 13);
      x15 ^= Integer.rotateLeft(x11 + x7, 18);
      // row round
      x1 ^= Integer.rotateLeft(x0 + x3, 7);
      x2 ^= Integer.rotateLeft(x1 + x0, 9);
      x3 ^= Integer.rotateLeft(x2 + x1, 13);
      x0 ^= Integer.rotateLeft(x3 + x2, 18);
      x6 ^= Integer.rotateLeft(x5 + x4, 7);
      x7 ^= Integer.rotateLeft(x6 + x5, 9);
      x4 ^= Integer.rotateLeft(x7 + x6, 13);
      x5 ^= Integer.rotateLeft(x4 + x7, 18);
      x11 ^= Integer.rotateLeft(x10 + x9, 7);
      x8 ^= Integer.rotateLeft(x11 + x10, 9);
      x9 ^= Integer.rotateLeft(x8 + x11, 13);
      x10 ^= Integer.rotateLeft(x9 + x8, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    out[0] = x0;
    out[1] = x1;
    out[2] = x2;
    out[3] = x3;
    out[4] = x4;
    out[5] = x5;
    out[6] = x6;
    out[7] = x7;
    out[8] = x8;
    out[9] = x9;
    out[10] = x10;
    out[11] = x11;
    out[12] = x12;
    out[13] = x13;
    out[14] = x14;
    out[15] = x15;
  }
}
