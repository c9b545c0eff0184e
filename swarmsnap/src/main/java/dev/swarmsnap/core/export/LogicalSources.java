package dev.swarmsnap.core.export;

import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeEnvelope;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.core.inspect.InspectService;
import dev.swarmsnap.logical.ExportDocumentCodec;
import dev.swarmsnap.logical.LogicalSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells what a path holds and opens it as a {@link LogicalSource}: a directory is a swarm
 * directory; a file starting with JSON is an export document; an age-encrypted file is opened far
 * enough to see whether a document (JSON) or an archive (zstd) is inside; anything else is taken
 * for an archive, whose reader gives the precise error if it is none.
 */
public final class LogicalSources {
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

  private final InspectService inspector;
  private final AgeIdentities identities;
  private final ExportDocumentCodec codec;

  /** @param identities for encrypted archives and documents; not closed here */
  public LogicalSources(InspectService inspector, AgeIdentities identities, ExportDocumentCodec codec) {
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.identities = Objects.requireNonNull(identities, "identities");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * @param unlockKey for an autolocked swarm directory or archive; not wiped here
   * @param withSecretValues whether secret values read from a swarm stay in the document
   */
  public LogicalSource open(Path path, Optional<UnlockKey> unlockKey, boolean withSecretValues) {
    if (!Files.isDirectory(path) && isDocument(path)) {
      return new DocumentFileSource(path, identities, codec);
    }
    return new SwarmLogicalSource(path, inspector, unlockKey, withSecretValues);
  }

  private boolean isDocument(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(Math.max(AgeEnvelope.probeLength(), 64));
      if (!AgeEnvelope.isAge(head)) {
        return DocumentFileSource.looksLikeDocument(head);
      }
    } catch (IOException e) {
      return false;
    }
    return !identities.isEmpty() && encryptedHead(path).map(h -> !startsWithZstd(h)).orElse(false);
  }

  /** The first plaintext bytes of an age file; empty if the identities do not open it. */
  private Optional<byte[]> encryptedHead(Path path) {
    try (InputStream in = new AgeEnvelope().decrypt(Files.newInputStream(path), identities)) {
      return Optional.of(in.readNBytes(ZSTD_MAGIC.length));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWithZstd(byte[] head) {
    return head.length >= ZSTD_MAGIC.length && Arrays.equals(Arrays.copyOf(head, ZSTD_MAGIC.length), ZSTD_MAGIC);
  }
}
