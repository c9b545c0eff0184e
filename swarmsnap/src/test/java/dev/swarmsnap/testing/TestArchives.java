package dev.swarmsnap.testing;

import dev.swarmsnap.archive.ArchiveSource;
import dev.swarmsnap.archive.ArchiveWriter;
import dev.swarmsnap.archive.CompressionSettings;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.manifest.EngineFacts;
import dev.swarmsnap.archive.manifest.FileMode;
import dev.swarmsnap.archive.manifest.FormatVersion;
import dev.swarmsnap.archive.manifest.LockFacts;
import dev.swarmsnap.archive.manifest.ManagerEntry;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.archive.manifest.ManifestFile;
import dev.swarmsnap.archive.manifest.NodeFacts;
import dev.swarmsnap.archive.manifest.RaftFacts;
import dev.swarmsnap.archive.manifest.Sha256;
import dev.swarmsnap.archive.manifest.SwarmRole;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.raft.WalFrameScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds swarmsnap archives in tests the way backup lays them out (archive-format §2, §4): the
 * {@code swarm/} tree of a stopped node's directory, each WAL stored up to its real data, {@code
 * *.tmp} segments left out, plus {@code api/<name>.json} documents. Until backup lands, this is
 * how inspect and verify get archives of real state.
 */
public final class TestArchives {
  private TestArchives() {}

  public static Path write(Path swarmDir, Map<String, byte[]> api, Optional<String> keyFingerprint, Path target)
      throws IOException {
    return write(swarmDir, api, keyFingerprint, target, Optional.empty());
  }

  /** As {@link #write(Path, Map, Optional, Path)}, age-encrypted to {@code encryption} when given. */
  public static Path write(Path swarmDir, Map<String, byte[]> api, Optional<String> keyFingerprint, Path target,
      Optional<AgeRecipients> encryption) throws IOException {
    return write(swarmDir, api, keyFingerprint, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), target,
        encryption);
  }

  /** As {@link #write(Path, Map, Optional, Path)}, with the backup time the manifest records. */
  public static Path write(Path swarmDir, Map<String, byte[]> api, Optional<String> keyFingerprint, Instant createdAt,
      Path target) throws IOException {
    return write(swarmDir, api, keyFingerprint, createdAt, target, Optional.empty());
  }

  private static Path write(Path swarmDir, Map<String, byte[]> api, Optional<String> keyFingerprint, Instant createdAt,
      Path target, Optional<AgeRecipients> encryption) throws IOException {
    Path staging = Files.createTempDirectory(target.getParent(), "api");
    List<ManifestFile> files = new ArrayList<>();
    List<ArchiveSource> sources = new ArrayList<>();
    if (!api.isEmpty()) {
      files.add(ManifestFile.directory("api", FileMode.parse("0700"), 0, 0));
      for (var doc : new java.util.TreeMap<>(api).entrySet()) {
        Path f = staging.resolve(doc.getKey() + ".json");
        Files.write(f, doc.getValue());
        add(files, sources, "api/" + doc.getKey() + ".json", f, doc.getValue().length, doc.getValue().length);
      }
    }
    List<Path> tree;
    try (Stream<Path> s = Files.walk(swarmDir)) {
      tree = s.sorted().toList();
    }
    for (Path p : tree) {
      String rel = swarmDir.relativize(p).toString();
      String path = rel.isEmpty() ? "swarm" : "swarm/" + rel;
      if (Files.isDirectory(p)) {
        files.add(ManifestFile.directory(path, mode(p), 0, 0));
      } else if (path.endsWith(".wal")) {
        long real;
        try (FileChannel ch = FileChannel.open(p)) {
          real = new WalFrameScanner(ch).scanToEnd().offset();
        }
        add(files, sources, path, p, real, Files.size(p));
      } else if (Files.isRegularFile(p) && !path.endsWith(".tmp")) {
        add(files, sources, path, p, Files.size(p), Files.size(p));
      }
    }
    // The node, cluster and autolock the state itself holds: verify checks the manifest against them.
    NodeCertificate cert = NodeCertificate.read(swarmDir.resolve("certificates/swarm-node.crt"));
    boolean autolock = NodeKeyFile.read(swarmDir.resolve("certificates/swarm-node.key")).encrypted();
    Manifest manifest = new Manifest(FormatVersion.CURRENT, "0.0.0-test", createdAt,
        new EngineFacts("20.10.24+dfsg1", "1.41", "linux", "amd64"),
        new NodeFacts("test-node", cert.nodeId(), cert.clusterId(), SwarmRole.MANAGER, false),
        List.of(new ManagerEntry(cert.nodeId(), "test-node", "192.0.2.2:2377", true, "reachable")),
        new RaftFacts(Optional.empty(), Optional.empty()),
        new LockFacts(autolock, autolock ? keyFingerprint : Optional.empty(), Optional.empty()), 0, files);
    new ArchiveWriter(new AtomicFileWriter(), new ManifestCodec(), CompressionSettings.defaults(), encryption)
        .write(target, manifest, sources, ProgressListener.NONE);
    return target;
  }

  private static void add(List<ManifestFile> files, List<ArchiveSource> sources, String path, Path file, long stored,
      long original) throws IOException {
    files.add(ManifestFile.file(path, mode(file), 0, 0, original, stored, sha256(file, stored)));
    sources.add(new ArchiveSource(path, file));
  }

  private static FileMode mode(Path p) throws IOException {
    return FileMode.of(Files.getPosixFilePermissions(p));
  }

  private static Sha256 sha256(Path file, long length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(file + " is shorter than " + length);
        }
        d.update(buf, 0, n);
        left -= n;
      }
      return Sha256.of(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
