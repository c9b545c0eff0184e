package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.manifest.ManagerEntry;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.SwarmRole;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The manifest against the state it describes: restore trusts the manifest for the node and
 * cluster it names, whether to ask for an unlock key and which managers to remove, so a manifest
 * that does not describe its own {@code swarm/} entries is as damaged as a bad hash. Pure.
 */
public final class ManifestAgreement {
  /** What is known of the archived state; each part may be missing when it could not be read. */
  public record StateFacts(Optional<NodeCertificate> certificate, Optional<NodeKeyFile> nodeKey,
      Optional<SwarmState> state) {
    private static final String CERT = "certificates/swarm-node.crt";
    private static final String KEY = "certificates/swarm-node.key";

    /** The node certificate and key file of {@code files}, each when it parses (damage is left to the checks). */
    public static StateFacts read(SwarmFiles files, Optional<SwarmState> state) {
      return new StateFacts(
          parsed(() -> NodeCertificate.parse(files.location(CERT), files.readSmall(CERT))),
          parsed(() -> NodeKeyFile.parse(files.location(KEY), files.readSmall(KEY))), state);
    }

    /** The same facts with the decoded state. */
    public StateFacts with(Optional<SwarmState> decoded) {
      return new StateFacts(certificate, nodeKey, decoded);
    }

    private static <T> Optional<T> parsed(Supplier<T> parse) {
      try {
        return Optional.of(parse.get());
      } catch (dev.swarmsnap.error.BadInputException refused) {
        throw refused; // a link, device or FIFO where a key belongs: refused, not read
      } catch (SwarmsnapException | UncheckedIOException e) {
        return Optional.empty();
      }
    }
  }

  /** One finding named {@code manifest}: OK, or FAIL listing every disagreement. */
  public Finding check(Manifest manifest, StateFacts facts) {
    List<String> wrong = new ArrayList<>();
    var node = manifest.node();
    if (node.role() != SwarmRole.MANAGER) {
      wrong.add("the manifest says role worker but the state is a manager's (only managers are backed up)");
    }
    facts.certificate().ifPresent(cert -> {
      if (!node.nodeId().equals(cert.nodeId())) {
        wrong.add("the manifest says node " + node.nodeId() + " but the node certificate holds " + cert.nodeId());
      }
      if (!node.clusterId().equals(cert.clusterId())) {
        wrong.add("the manifest says cluster " + node.clusterId() + " but the node certificate holds " + cert.clusterId());
      }
    });
    facts.state().ifPresent(state -> {
      if (!node.clusterId().equals(state.cluster().id())) {
        wrong.add("the manifest says cluster " + node.clusterId() + " but the store holds " + state.cluster().id());
      }
      manifest.raft().snapshotIndex().filter(i -> i != state.raft().snapshotIndex()).ifPresent(i ->
          wrong.add("the manifest says snapshot index " + i + " but the state holds " + state.raft().snapshotIndex()));
      manifest.raft().lastLogIndex().filter(i -> i != state.raft().lastIndex()).ifPresent(i ->
          wrong.add("the manifest says last log index " + i + " but the state holds " + state.raft().lastIndex()));
    });
    if (manifest.managers().isEmpty()) {
      wrong.add("the manifest lists no managers but the state is a manager's");
    } else if (manifest.managers().stream().map(ManagerEntry::nodeId).noneMatch(node.nodeId()::equals)) {
      wrong.add("the manifest's managers do not include its own node " + node.nodeId());
    }
    facts.nodeKey().ifPresent(key -> {
      if (manifest.lock().autolock() != key.encrypted()) {
        wrong.add("the manifest says autolock " + (manifest.lock().autolock() ? "on" : "off")
            + " but the node key is " + (key.encrypted() ? "encrypted (autolock on)" : "not encrypted (autolock off)"));
      }
    });
    if (!manifest.lock().autolock() && manifest.lock().unlockKeyFingerprint().isPresent()) {
      wrong.add("the manifest says autolock off but records an unlock key fingerprint");
    }
    return wrong.isEmpty()
        ? new Finding("manifest", Level.OK, "node, cluster, role, managers and autolock agree with the state")
        : new Finding("manifest", Level.FAIL, String.join("; ", wrong));
  }
}
