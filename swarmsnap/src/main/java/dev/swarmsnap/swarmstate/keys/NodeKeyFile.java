package dev.swarmsnap.swarmstate.keys;

import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code certificates/swarm-node.key}: the node's TLS key and, in PEM headers, the raft DEKs
 * (docs/swarm-state-format.md §2.2). Parsed only; nothing is decrypted here.
 *
 * @param file the file
 * @param pemType {@code PRIVATE KEY} (not locked), {@code ENCRYPTED PRIVATE KEY} (autolock) or
 *     {@code EC PRIVATE KEY} (legacy)
 * @param kekVersion the {@code kek-version} header, 0 if absent
 * @param raftDek serialized MaybeEncryptedRecord of the current DEK, if a manager
 * @param raftDekPending the same for a DEK rotation in flight
 * @param needsRotation whether {@code raft-dek-needs-rotation} is present
 * @param keyDer the PEM body (PKCS#8, encrypted or not)
 */
public record NodeKeyFile(
    Path file,
    String pemType,
    long kekVersion,
    Optional<byte[]> raftDek,
    Optional<byte[]> raftDekPending,
    boolean needsRotation,
    byte[] keyDer) {

  public boolean encrypted() {
    return pemType.equals("ENCRYPTED PRIVATE KEY");
  }

  /** @throws CorruptStateException if the file is no PEM key with parsable headers */
  public static NodeKeyFile read(Path file) {
    return parse(file, DirectorySwarmFiles.readSmallFile(file));
  }

  /** Parses PEM {@code bytes}; {@code file} names them in messages. */
  public static NodeKeyFile parse(Path file, byte[] bytes) {
    PemBlock pem = PemBlock.parseAll(file, bytes).get(0);
    if (!pem.type().endsWith("PRIVATE KEY")) {
      throw new CorruptStateException(file, 0, "a PRIVATE KEY PEM block", pem.type());
    }
    if (pem.headers().containsKey("DEK-Info")) {
      // legacy RFC 1423 encryption (§2.2): only keys made by old swarmkit versions
      throw new CorruptStateException(
          file, 0, "a PKCS#8 key", "a legacy RFC 1423 encrypted EC key (not supported yet)");
    }
    long kekVersion;
    try {
      kekVersion = Long.parseUnsignedLong(pem.headers().getOrDefault("kek-version", "0"));
    } catch (NumberFormatException e) {
      throw new CorruptStateException(
          file, 0, "a decimal kek-version header", pem.headers().get("kek-version"));
    }
    Optional<byte[]> dek = header(file, pem, "raft-dek");
    Optional<byte[]> pending = header(file, pem, "raft-dek-pending");
    if (pending.isPresent() && dek.isEmpty()) {
      throw new CorruptStateException(file, 0, "raft-dek next to raft-dek-pending", "only pending");
    }
    return new NodeKeyFile(
        file,
        pem.type(),
        kekVersion,
        dek,
        pending,
        pem.headers().containsKey("raft-dek-needs-rotation"),
        pem.body());
  }

  private static Optional<byte[]> header(Path file, PemBlock pem, String name) {
    String v = pem.headers().get(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(v));
    } catch (IllegalArgumentException e) {
      throw new CorruptStateException(file, 0, "base64 in header " + name, "characters outside the base64 alphabet");
    }
  }
}
