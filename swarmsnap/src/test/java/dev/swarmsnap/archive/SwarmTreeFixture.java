package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.FileMode;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.ManifestFixtures;
import dev.swarmsnap.archive.manifest.Sha256;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A swarm-like directory (docs/swarm-state-format.md §1): certificates, state files, a 64 000 000-byte sparse WAL
 * segment whose real data is a few KB, a snapshot, plus api/ JSON; with its manifest and sources.
 */
final class SwarmTreeFixture {
  static final String WAL = "swarm/raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal";
  static final long WAL_LENGTH = 64_000_000;
  static final int WAL_DATA = 14_848;

  final Path root;
  final List<ManifestFile> files = new ArrayList<>();
  final List<ArchiveSource> sources = new ArrayList<>();

  SwarmTreeFixture(Path root) throws IOException {
    this.root = root;
    Random random = new Random(42);
    dir("swarm", "0700");
    dir("swarm/certificates", "0700");
    dir("swarm/raft", "0700");
    dir("swarm/raft/wal-v3-encrypted", "0700");
    dir("swarm/raft/snap-v3-encrypted", "0700");
    dir("swarm/worker", "0755");
    text("swarm/docker-state.json", "0600", "{\"LocalAddr\":\"192.0.2.2\",\"ListenAddr\":\"0.0.0.0:2377\"}");
    text("swarm/state.json", "0600", "[{\"node_id\":\"n0d3\",\"addr\":\"192.0.2.2:2377\"}]");
    text("swarm/certificates/swarm-node.key", "0600", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nkek-version: 0\n\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    text("swarm/certificates/swarm-node.crt", "0644", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    text("swarm/certificates/swarm-root-ca.crt", "0644", "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n");
    byte[] snapshot = new byte[5083];
    random.nextBytes(snapshot);
    bytes("swarm/raft/snap-v3-encrypted/0000000000000002-0000000000000064.snap", "0600", snapshot);
    byte[] walData = new byte[WAL_DATA];
    random.nextBytes(walData);
    wal(walData);
    bytes("swarm/worker/tasks.db", "0600", new byte[32_768]);
    dir("api", "0700");
    text("api/info.json", "0644", "{\"ID\":\"x\",\"Swarm\":{\"LocalNodeState\":\"active\"}}");
    text("api/nodes.json", "0644", "[]");
    // A long name, to exercise PAX headers (ustar names stop at 100 bytes).
    text("swarm/raft/" + "n".repeat(150) + ".json", "0600", "{}");
  }

  Manifest manifest() {
    return ManifestFixtures.manifest(files);
  }

  private void dir(String path, String mode) throws IOException {
    Files.createDirectories(root.resolve(path));
    files.add(ManifestFile.directory(path, FileMode.parse(mode), 0, 0));
  }

  private void text(String path, String mode, String content) throws IOException {
    bytes(path, mode, content.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(String path, String mode, byte[] content) throws IOException {
    Path file = root.resolve(path);
    Files.write(file, content);
    files.add(ManifestFile.file(path, FileMode.parse(mode), 0, 0, content.length, content.length, sha256(content)));
    sources.add(new ArchiveSource(path, file));
  }

  /** Preallocated like etcd's WAL: 64 MB long, real data at the start, zeros after (sparse here). */
  private void wal(byte[] data) throws IOException {
    Path file = root.resolve(WAL);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(data);
      raf.setLength(WAL_LENGTH);
    }
    files.add(ManifestFile.file(WAL, FileMode.parse("0600"), 0, 0, WAL_LENGTH, data.length, sha256(data)));
    sources.add(new ArchiveSource(WAL, file));
  }

  static Sha256 sha256(byte[] content) {
    try {
      return Sha256.of(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
