package dev.swarmsnap.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stream cipher whose key stream comes in 64-byte blocks of sixteen little-endian words
 * (Salsa20, ChaCha20): XORs it onto data a whole block at a time, 4-byte words read and written in
 * place, and carries unused key stream bytes over to the next call. Subclasses make the blocks.
 * Not thread-safe.
 */
abstract class KeyStream {
  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** The current block of key stream, filled by {@link #nextBlock}. */
  protected final int[] block = new int[16];
  /** Key stream bytes of {@link #block} not yet used (0 to 64), at its end. */
  private int unused;

  /** Fills {@link #block} with the next 64 bytes of key stream and moves the block counter on. */
  protected abstract void nextBlock();

  /** Zeroes the subclass's key material. */
  protected abstract void wipeKey();

  /** XORs the next {@code len} key stream bytes onto {@code in} into {@code out} (may be the same). */
  final void xor(byte[] in, int inOff, byte[] out, int outOff, int len) {
    Objects.checkFromIndexSize(inOff, len, in.length);
    Objects.checkFromIndexSize(outOff, len, out.length);
    while (len > 0 && unused > 0) {
      int k = 64 - unused;
      out[outOff++] = (byte) (in[inOff++] ^ (block[k >> 2] >>> (8 * (k & 3))));
      unused--;
      len--;
    }
    while (len >= 64) {
      nextBlock();
      for (int i = 0; i < 16; i++) {
        LE_INT.set(out, outOff + 4 * i, (int) LE_INT.get(in, inOff + 4 * i) ^ block[i]);
      }
      inOff += 64;
      outOff += 64;
      len -= 64;
    }
    if (len > 0) {
      nextBlock();
      for (int k = 0; k < len; k++) {
        out[outOff + k] = (byte) (in[inOff + k] ^ (block[k >> 2] >>> (8 * (k & 3))));
      }
      unused = 64 - len;
    }
  }

  /** Zeroes the key material and the key stream. */
  final void wipe() {
    wipeKey();
    Arrays.fill(block, 0);
    unused = 0;
  }

  static int le(byte[] b, int off) {
    return (int) LE_INT.get(b, off);
  }
}
