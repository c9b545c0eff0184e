package dev.swarmsnap.core.export;

import dev.swarmsnap.crypto.age.AgeDecryptionException;
import dev.swarmsnap.crypto.age.AgeEnvelope;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.input.SmallFileReader;
import dev.swarmsnap.logical.ExportDocument;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.LogicalSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An export document file written by {@code swarmsnap export}, plain or age-encrypted (decrypted
 * with the given identities). Reads at most {@link #MAX_BYTES}, so a hostile file cannot exhaust
 * memory; the decrypted JSON is bounded the same way.
 */
public final class DocumentFileSource implements LogicalSource {
  /** Far above a real swarm's objects (configs are at most 500 KB each), well within a small heap. */
  public static final long MAX_BYTES = 256L << 20;

  private final Path file;
  private final AgeIdentities identities;
  private final ExportDocumentCodec codec;

  /**
   * @param identities for an encrypted document; {@link AgeIdentities#none()} otherwise. Not closed here.
   */
  public DocumentFileSource(Path file, AgeIdentities identities, ExportDocumentCodec codec) {
    this.file = Objects.requireNonNull(file, "file");
    this.identities = Objects.requireNonNull(identities, "identities");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** Whether {@code head}, a file's first bytes, look like an export document (JSON) or an age file. */
  public static boolean looksLikeDocument(byte[] head) {
    if (AgeEnvelope.isAge(head)) {
      return true;
    }
    for (byte b : head) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  @Override
  public ExportDocument read() {
    byte[] stored = new SmallFileReader(MAX_BYTES, SmallFileReader.Links.FOLLOW,
        "give an export document written by 'swarmsnap export'").read(file);
    if (!AgeEnvelope.isAge(Arrays.copyOf(stored, Math.min(stored.length, AgeEnvelope.probeLength())))) {
      return codec.read(stored, file.toString());
    }
    byte[] plain = decrypt(stored);
    try {
      return codec.read(plain, file.toString());
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private byte[] decrypt(byte[] stored) {
    if (identities.isEmpty()) {
      throw new BadInputException(file + " is age-encrypted",
          "give the identity it was encrypted to with --identity FILE");
    }
    try (InputStream in = new AgeEnvelope().decrypt(new ByteArrayInputStream(stored), identities)) {
      byte[] plain = in.readNBytes((int) MAX_BYTES + 1);
      if (plain.length > MAX_BYTES) {
        Arrays.fill(plain, (byte) 0);
        throw new BadInputException(file + " decrypts to more than " + (MAX_BYTES >> 20) + " MiB",
            "give an export document written by 'swarmsnap export'");
      }
      return plain;
    } catch (AgeDecryptionException e) {
      throw switch (e.kind()) {
        case NO_MATCHING_IDENTITY -> new SwarmsnapException(ExitCode.FAILED,
            "none of the identities given opens " + file, "give the identity it was encrypted to with --identity FILE");
        default -> new SwarmsnapException(ExitCode.VERIFY_FAILED,
            file + " is damaged or cut short (its encryption does not check out)", "export the document again");
      };
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot read " + file, "check that it is readable", e);
    }
  }

  @Override
  public String describe() {
    return file.toString();
  }
}
