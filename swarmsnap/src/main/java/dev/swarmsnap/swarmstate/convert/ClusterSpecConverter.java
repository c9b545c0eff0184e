package dev.swarmsnap.swarmstate.convert;

import static dev.swarmsnap.swarmstate.convert.ProtoJson.mapIfAny;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.nanos;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.number;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.object;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.unsigned;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.proto.swarmkit.CAConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.ClusterSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.ExternalCA;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A swarmkit {@code ClusterSpec} as the Engine API's {@code SwarmSpec}, mirroring moby's
 * {@code SwarmFromGRPC} (daemon/cluster/convert/swarm.go). Never converted: the signing CA
 * certificate and key (moby does not return them either), join tokens, unlock keys and the root
 * CA. Unlike moby, {@code TaskDefaults} is written when set: moby's read side drops it, but it is
 * a setting worth carrying.
 */
final class ClusterSpecConverter {

  ObjectNode convert(ClusterSpec s) {
    ObjectNode n = object();
    ProtoJson.annotations(n, s.getAnnotations());
    n.putObject("Orchestration").put("TaskHistoryRetentionLimit", s.getOrchestration().getTaskHistoryRetentionLimit());
    ObjectNode raft = n.putObject("Raft");
    if (s.getRaft().getSnapshotInterval() != 0) {
      unsigned(raft, "SnapshotInterval", s.getRaft().getSnapshotInterval());
    }
    unsigned(raft, "KeepOldSnapshots", s.getRaft().getKeepOldSnapshots());
    if (s.getRaft().getLogEntriesForSlowFollowers() != 0) {
      unsigned(raft, "LogEntriesForSlowFollowers", s.getRaft().getLogEntriesForSlowFollowers());
    }
    raft.put("ElectionTick", Integer.toUnsignedLong(s.getRaft().getElectionTick()));
    raft.put("HeartbeatTick", Integer.toUnsignedLong(s.getRaft().getHeartbeatTick()));
    ObjectNode dispatcher = n.putObject("Dispatcher");
    number(dispatcher, "HeartbeatPeriod", nanos(s.getDispatcher().getHeartbeatPeriod()));
    n.set("CAConfig", ca(s.getCaConfig()));
    ObjectNode defaults = n.putObject("TaskDefaults");
    if (s.getTaskDefaults().hasLogDriver()) {
      defaults.set("LogDriver", ProtoJson.driver(s.getTaskDefaults().getLogDriver()));
    }
    n.putObject("EncryptionConfig").put("AutoLockManagers", s.getEncryptionConfig().getAutoLockManagers());
    return n;
  }

  private static ObjectNode ca(CAConfig c) {
    ObjectNode n = object();
    number(n, "NodeCertExpiry", nanos(c.getNodeCertExpiry()));
    if (c.getExternalCasCount() > 0) {
      ArrayNode cas = n.putArray("ExternalCAs");
      for (ExternalCA e : c.getExternalCasList()) {
        ObjectNode en = cas.addObject();
        en.put("Protocol", e.getProtocol().name().toLowerCase(Locale.ROOT));
        en.put("URL", e.getUrl());
        mapIfAny(en, "Options", e.getOptionsMap());
        en.put("CACert", e.getCaCert().toString(StandardCharsets.UTF_8));
      }
    }
    if (c.getForceRotate() != 0) {
      unsigned(n, "ForceRotate", c.getForceRotate());
    }
    return n;
  }
}
