package dev.swarmsnap.archive.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds realistic manifests for tests. */
public final class ManifestFixtures {
  public static final Instant CREATED = Instant.parse("2025-03-04T05:06:07Z");

  private ManifestFixtures() {}

  public static Manifest manifest(List<ManifestFile> files) {
    return new Manifest(
        FormatVersion.CURRENT,
        "0.1.0-test",
        CREATED,
        new EngineFacts("20.10.24+dfsg1", "1.41", "linux", "amd64"),
        new NodeFacts("mgr-1.example", "n0d3id0000000000000000001", "c1u5t3r1d00000000000000ab", SwarmRole.MANAGER, true),
        List.of(
            new ManagerEntry("n0d3id0000000000000000001", "mgr-1.example", "192.0.2.2:2377", true, "reachable"),
            new ManagerEntry("n0d3id0000000000000000002", "mgr-2", "192.0.2.3:2377", false, "unreachable")),
        new RaftFacts(Optional.of(100L), Optional.of(137L)),
        new LockFacts(true, Optional.of("sha256:" + "ab".repeat(32)), Optional.of(322L)),
        4_200,
        files);
  }

  public static Sha256 someHash() {
    return new Sha256("0".repeat(63) + "1");
  }
}
