package dev.swarmsnap.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.archive.manifest.LockFacts;
import dev.swarmsnap.archive.manifest.ManagerEntry;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.NodeFacts;
import dev.swarmsnap.archive.manifest.SwarmRole;
import dev.swarmsnap.core.verify.RealState;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The manifest against the real plain fixture: each lie is named with what the state holds. */
@Timeout(60)
class ManifestAgreementTest {
  @TempDir Path tmp;

  @Test
  void aTruthfulManifestAgreesAndEachLieIsNamed() throws Exception {
    Path dir = RealState.unpack("plain", tmp);
    NodeCertificate cert = NodeCertificate.read(dir.resolve("certificates/swarm-node.crt"));
    var facts = ManifestAgreement.StateFacts.read(new DirectorySwarmFiles(dir),
        Optional.of(new SwarmStateReader().read(dir, Optional.empty())));
    Manifest truth = manifest(cert.nodeId(), cert.clusterId(), SwarmRole.MANAGER, false, cert.nodeId());

    assertThat(new ManifestAgreement().check(truth, facts).level()).isEqualTo(Level.OK);
    assertThat(reason(manifest(cert.nodeId(), cert.clusterId(), SwarmRole.WORKER, false, cert.nodeId()), facts))
        .contains("the manifest says role worker");
    assertThat(reason(manifest("zzzzzzzzzzzzzzzzzzzzzzzzz", cert.clusterId(), SwarmRole.MANAGER, false,
        "zzzzzzzzzzzzzzzzzzzzzzzzz"), facts))
        .contains("the manifest says node zzzzzzzzzzzzzzzzzzzzzzzzz but the node certificate holds " + cert.nodeId());
    assertThat(reason(manifest(cert.nodeId(), "yyyyyyyyyyyyyyyyyyyyyyyyy", SwarmRole.MANAGER, false, cert.nodeId()),
        facts)).contains("but the store holds " + cert.clusterId());
    assertThat(reason(manifest(cert.nodeId(), cert.clusterId(), SwarmRole.MANAGER, true, cert.nodeId()), facts))
        .contains("the manifest says autolock on but the node key is not encrypted");
    assertThat(reason(manifest(cert.nodeId(), cert.clusterId(), SwarmRole.MANAGER, false, "xxxxxxxxxxxxxxxxxxxxxxxxx"),
        facts)).contains("do not include its own node");
  }

  private static String reason(Manifest m, ManifestAgreement.StateFacts facts) {
    var f = new ManifestAgreement().check(m, facts);
    assertThat(f.level()).isEqualTo(Level.FAIL);
    return f.reason();
  }

  private static Manifest manifest(String node, String cluster, SwarmRole role, boolean autolock, String manager) {
    var base = dev.swarmsnap.archive.manifest.ManifestFixtures.manifest(List.of());
    return new Manifest(base.formatVersion(), base.toolVersion(), base.createdAt(), base.engine(),
        new NodeFacts("h", node, cluster, role, false),
        List.of(new ManagerEntry(manager, "h", "192.0.2.2:2377", true, "reachable")),
        dev.swarmsnap.archive.manifest.RaftFacts.UNKNOWN, new LockFacts(autolock, Optional.empty(), Optional.empty()), 0,
        List.of());
  }
}
