package dev.swarmsnap.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints the MB/s of each backend over 64 MB, in the pieces the tool uses: secretbox boxes of
 * 480 KiB (a config's raft entry) and ChaCha20-Poly1305 chunks of 64 KiB (age's payload). A main,
 * not a test: figures only (bench/crypto-throughput.sh runs it).
 */
public final class CryptoThroughput {
  private static final int TOTAL = 64 << 20;
  private static final int BOX = 480 << 10;
  private static final int CHUNK = 64 << 10;
  private static final int ROUNDS = 5;

  private CryptoThroughput() {}

  public static void main(String[] args) throws Exception {
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    for (CryptoBackend backend : new CryptoBackend[] {EachCryptoBackend.libsodium(), EachCryptoBackend.pureJava()}) {
      System.out.println(backend);
      report("  secretbox seal, 480 KiB boxes", secretBox(backend, true));
      report("  secretbox open, 480 KiB boxes", secretBox(backend, false));
      report("  ChaCha20-Poly1305 seal, 64 KiB", payload(backend, Cipher.ENCRYPT_MODE));
      report("  ChaCha20-Poly1305 open, 64 KiB", payload(backend, Cipher.DECRYPT_MODE));
    }
  }

  /** MB/s of each round, the first one (JIT warm-up) included. */
  private static double[] secretBox(CryptoBackend backend, boolean seal) {
    SecretBox box = new SecretBox(backend);
    byte[] key = random(32);
    byte[] nonce = random(24);
    byte[] plain = random(BOX);
    byte[] boxed = box.seal(key, nonce, plain);
    double[] rates = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int done = 0; done < TOTAL; done += BOX) {
        if (seal) {
          box.seal(key, nonce, plain);
        } else if (box.open(key, nonce, boxed).isEmpty()) {
          throw new IllegalStateException("a box sealed here did not open");
        }
      }
      rates[round] = TOTAL / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
    return rates;
  }

  private static double[] payload(CryptoBackend backend, int mode) throws Exception {
    SecretKeySpec key = new SecretKeySpec(random(32), "ChaCha20");
    byte[] chunk = random(CHUNK);
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305", backend.payloadCiphers());
    // decryption alternates two sealed chunks: a cipher refuses the nonce of its previous init
    byte[][] nonces = {new byte[12], new byte[12]};
    nonces[1][0] = 1;
    byte[][] sealed = new byte[2][];
    for (int i = 0; i < 2; i++) {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonces[i]));
      sealed[i] = cipher.doFinal(chunk);
    }
    byte[] nonce = new byte[12];
    nonce[11] = 1;
    byte[] out = new byte[CHUNK + 16];
    double[] rates = new double[ROUNDS];
    long counter = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int done = 0; done < TOTAL; done += CHUNK) {
        counter++;
        if (mode == Cipher.ENCRYPT_MODE) {
          for (int i = 0; i < 8; i++) { // a new nonce for every chunk, as age's STREAM does
            nonce[i] = (byte) (counter >>> (8 * i));
          }
          cipher.init(mode, key, new IvParameterSpec(nonce));
          cipher.doFinal(chunk, 0, CHUNK, out, 0);
        } else {
          int which = (int) ((counter + 1) & 1); // 0 first: the setup ended on 1
          cipher.init(mode, key, new IvParameterSpec(nonces[which]));
          cipher.doFinal(sealed[which], 0, sealed[which].length, out, 0);
        }
      }
      rates[round] = TOTAL / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
    return rates;
  }

  private static void report(String what, double[] rates) {
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    StringBuilder line = new StringBuilder(String.format("%-34s median %6.0f MB/s  (rounds:", what, sorted[sorted.length / 2]));
    for (double rate : rates) {
      line.append(String.format(" %.0f", rate));
    }
    System.out.println(line.append(')'));
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }
}
