package dev.swarmsnap.crypto.age;

import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import dev.swarmsnap.crypto.CryptoBackend;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Wraps streams in age encryption (binary format, X25519 recipients, STREAM payload of 64 KiB
 * chunks, each authenticated). Decryption is streaming too: every chunk is authenticated before
 * its bytes are handed on, so a reader never sees a changed byte, but it sees the chunks before
 * a damaged one; callers that must not act on part of a file read it to the end first.
 * Stateless and thread-safe.
 */
public final class AgeEnvelope {
  /** The first line of every binary age file. */
  public static final String HEADER_LINE = "age-encryption.org/v1\n";

  private static final byte[] MAGIC = HEADER_LINE.getBytes(StandardCharsets.US_ASCII);

  /**
   * Where payload chunks are sealed and opened: libsodium's ChaCha20-Poly1305 where it loads, as on
   * Java 17 the JDK's made encryption cost backups more than issue 7's 10 % budget (README,
   * "Encryption overhead"); else the JDK's. The header's key wrapping and HKDF stay with the JDK.
   * Resolved on first use, so a plain archive never loads libsodium.
   */
  private final Supplier<CryptoBackend> backend;

  /** Through this process's backend ({@link CryptoBackend#forProcess()}). */
  public AgeEnvelope() {
    this.backend = CryptoBackend::forProcess;
  }

  /** Through {@code backend}. */
  public AgeEnvelope(CryptoBackend backend) {
    this.backend = () -> backend;
  }

  /** Bytes needed for {@link #isAge}. */
  public static int probeLength() {
    return MAGIC.length;
  }

  /** Whether {@code prefix}, the first bytes of a file, start an age file's header. */
  public static boolean isAge(byte[] prefix) {
    return prefix.length >= MAGIC.length && Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /**
   * Whether the age header starting {@code header} has a passphrase (scrypt) stanza, which no
   * X25519 identity opens (age allows no other stanza beside it).
   */
  public static boolean isPassphraseEncrypted(byte[] header) {
    return isAge(header) && new String(header, StandardCharsets.US_ASCII).contains("\n-> scrypt ");
  }

  /**
   * A stream that encrypts what is written to it into {@code out}. The header is written now; the
   * last chunk when the returned stream is closed, which also closes {@code out}.
   */
  public OutputStream encrypt(OutputStream out, AgeRecipients recipients) throws IOException {
    try {
      return Channels.newOutputStream(
          new StandardEncryptingChannelFactory(payloadCiphers()).newEncryptingChannel(Channels.newChannel(out), recipients.writers()));
    } catch (GeneralSecurityException e) {
      throw new IOException("age encryption could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the header of the age file {@code in} now and returns its decrypted payload. Reads from
   * the returned stream throw {@link AgeDecryptionException} ({@link
   * AgeDecryptionException.Kind#PAYLOAD_DAMAGED}) at the first chunk that fails authentication.
   *
   * @throws AgeDecryptionException when no identity opens the file or its header is damaged or
   *     cut short
   */
  public InputStream decrypt(InputStream in, AgeIdentities identities) throws IOException {
    if (identities.isEmpty()) {
      throw new AgeDecryptionException(AgeDecryptionException.Kind.NO_MATCHING_IDENTITY, "no age identity was given", null);
    }
    try {
      return new PayloadStream(Channels.newInputStream(
          new StandardDecryptingChannelFactory(payloadCiphers()).newDecryptingChannel(Channels.newChannel(in), identities.readers())));
    } catch (UnsupportedRecipientStanzaException e) {
      throw new AgeDecryptionException(AgeDecryptionException.Kind.NO_MATCHING_IDENTITY,
          "none of the " + identities.size() + " age identities given opens it", e);
    } catch (GeneralSecurityException e) {
      throw new AgeDecryptionException(AgeDecryptionException.Kind.HEADER_DAMAGED,
          "its age header is damaged", e);
    } catch (EOFException | PayloadException e) {
      // jagged reports a file that ends at or inside the header this way.
      throw new AgeDecryptionException(AgeDecryptionException.Kind.TRUNCATED,
          "it ends before its age payload", e);
    }
  }

  private Provider payloadCiphers() {
    return backend.get().payloadCiphers();
  }

  /** Turns jagged's payload failures into {@link AgeDecryptionException}s. */
  private static final class PayloadStream extends FilterInputStream {
    PayloadStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (PayloadException | EOFException e) {
        throw new AgeDecryptionException(AgeDecryptionException.Kind.PAYLOAD_DAMAGED,
            "a payload chunk fails age authentication: the file was changed, damaged or cut short after it was written",
            e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }
  }
}
