package dev.swarmsnap.core.backup;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a hot copy must find unchanged after it copied the WAL: the names in the raft snapshot and
 * WAL directories, and the node key that holds the raft DEKs (docs/engine-behaviour.md §4.6). A new
 * {@code .snap} name means a snapshot was written; a {@code .wal} name added or gone means the log
 * was cut into a new segment or garbage-collected; a changed key means the raft DEK or the KEK
 * rotated. Any of them and the copy may mix two moments, so it is taken again.
 *
 * @param snapshots file names in {@code raft/snap*} directories, sorted ({@code dir/name})
 * @param walSegments {@code .wal} names in {@code raft/wal*} directories, sorted (preallocated
 *     {@code .tmp} files are ignored: the engine renames one into place only when it cuts a segment,
 *     which adds a name)
 * @param nodeKey the node key's headers that say which keys are in force
 * @param nodeKeySha256 hex SHA-256 of the whole node key file
 */
record DirectoryListing(List<String> snapshots, List<String> walSegments, KeyHeaders nodeKey, String nodeKeySha256) {

  /** The {@code swarm-node.key} facts a DEK or KEK rotation changes (swarmkit manager/deks.go). */
  record KeyHeaders(String pemType, long kekVersion, String raftDekSha256, String raftDekPendingSha256) {}

  DirectoryListing {
    snapshots = List.copyOf(snapshots);
    walSegments = List.copyOf(walSegments);
    Objects.requireNonNull(nodeKey, "nodeKey");
    Objects.requireNonNull(nodeKeySha256, "nodeKeySha256");
  }

  /** Lists {@code swarmDir} now. */
  static DirectoryListing of(Path swarmDir) {
    Path keyFile = swarmDir.resolve("certificates/swarm-node.key");
    byte[] key = DirectorySwarmFiles.readSmallFile(keyFile);
    NodeKeyFile parsed = NodeKeyFile.parse(keyFile, key);
    KeyHeaders headers = new KeyHeaders(parsed.pemType(), parsed.kekVersion(),
        parsed.raftDek().map(DirectoryListing::sha256).orElse(""),
        parsed.raftDekPending().map(DirectoryListing::sha256).orElse(""));
    return new DirectoryListing(
        names(swarmDir, "snap", ".snap"), names(swarmDir, "wal", ".wal"), headers, sha256(key));
  }

  /**
   * Whether the node key is now encrypted with another KEK (unlock key rotated, autolock switched):
   * the unlock key checked before the copy no longer opens it, so copying again cannot help.
   */
  boolean kekChangedSince(DirectoryListing before) {
    return nodeKey.kekVersion() != before.nodeKey.kekVersion() || !nodeKey.pemType().equals(before.nodeKey.pemType());
  }

  /**
   * Why {@code this} (listed after the copy) differs from {@code before}, or empty if the copy saw
   * one moment of the directory.
   */
  Optional<String> changeSince(DirectoryListing before) {
    if (kekChangedSince(before)) {
      return Optional.of("the node key's encryption (kek-version: the unlock key or autolock) changed during the copy");
    }
    if (!snapshots.equals(before.snapshots)) {
      return Optional.of("a raft snapshot was written during the copy");
    }
    if (!walSegments.equals(before.walSegments)) {
      return Optional.of(walSegments.containsAll(before.walSegments)
          ? "a WAL segment was added during the copy"
          : "a WAL segment was removed during the copy");
    }
    if (!nodeKey.raftDekSha256().equals(before.nodeKey.raftDekSha256())
        || !nodeKey.raftDekPendingSha256().equals(before.nodeKey.raftDekPendingSha256())) {
      return Optional.of("the raft encryption key (raft-dek in swarm-node.key) rotated during the copy");
    }
    if (!nodeKeySha256.equals(before.nodeKeySha256)) {
      return Optional.of("the node key (swarm-node.key) was rewritten during the copy");
    }
    return Optional.empty();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static List<String> names(Path swarmDir, String prefix, String suffix) {
    Path raft = swarmDir.resolve("raft");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(raft)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(raft)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix) && Files.isDirectory(d)).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          files.map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(suffix))
              .forEach(n -> out.add(dir.getFileName() + "/" + n));
        }
      }
    } catch (IOException e) {
      throw new SwarmsnapException(
          ExitCode.FAILED, "cannot list " + raft + ": " + e.getMessage(), "run as root", e);
    }
    out.sort(null);
    return out;
  }
}
