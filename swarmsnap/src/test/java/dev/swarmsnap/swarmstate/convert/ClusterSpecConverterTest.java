package dev.swarmsnap.swarmstate.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import dev.swarmsnap.logical.SpecDiff;
import dev.swarmsnap.swarmstate.proto.swarmkit.Annotations;
import dev.swarmsnap.swarmstate.proto.swarmkit.CAConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.ClusterSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.DispatcherConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Driver;
import dev.swarmsnap.swarmstate.proto.swarmkit.EncryptionConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.ExternalCA;
import dev.swarmsnap.swarmstate.proto.swarmkit.OrchestrationConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.RaftConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A cluster spec against moby's SwarmFromGRPC: no signing CA key or certificate, ever. */
@Timeout(30)
class ClusterSpecConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSettingsWorthCarryingAreConvertedAndTheCaKeyIsNot() throws Exception {
    ClusterSpec spec = ClusterSpec.newBuilder()
        .setAnnotations(Annotations.newBuilder().setName("default").putLabels("env", "prod"))
        .setOrchestration(OrchestrationConfig.newBuilder().setTaskHistoryRetentionLimit(3))
        .setRaft(RaftConfig.newBuilder().setSnapshotInterval(5000).setKeepOldSnapshots(1)
            .setLogEntriesForSlowFollowers(600).setHeartbeatTick(1).setElectionTick(12))
        .setDispatcher(DispatcherConfig.newBuilder().setHeartbeatPeriod(Duration.newBuilder().setSeconds(7)))
        .setCaConfig(CAConfig.newBuilder().setNodeCertExpiry(Duration.newBuilder().setSeconds(3600))
            .addExternalCas(ExternalCA.newBuilder().setUrl("https://ca.example").putOptions("k", "v")
                .setCaCert(ByteString.copyFromUtf8("-----BEGIN CERTIFICATE-----")))
            .setSigningCaCert(ByteString.copyFromUtf8("SIGNING-CERT"))
            .setSigningCaKey(ByteString.copyFromUtf8("SIGNING-KEY"))
            .setForceRotate(2))
        .setTaskDefaults(TaskDefaults.newBuilder().setLogDriver(Driver.newBuilder().setName("journald")))
        .setEncryptionConfig(EncryptionConfig.newBuilder().setAutoLockManagers(true))
        .build();

    String json = new ClusterSpecConverter().convert(spec).toString();

    assertThat(new SpecDiff().paths(JSON.readTree("""
        {"Name": "default", "Labels": {"env": "prod"},
         "Orchestration": {"TaskHistoryRetentionLimit": 3},
         "Raft": {"SnapshotInterval": 5000, "KeepOldSnapshots": 1, "LogEntriesForSlowFollowers": 600,
                  "ElectionTick": 12, "HeartbeatTick": 1},
         "Dispatcher": {"HeartbeatPeriod": 7000000000},
         "CAConfig": {"NodeCertExpiry": 3600000000000, "ExternalCAs": [
           {"Protocol": "cfssl", "URL": "https://ca.example", "Options": {"k": "v"}, "CACert": "-----BEGIN CERTIFICATE-----"}],
           "ForceRotate": 2},
         "TaskDefaults": {"LogDriver": {"Name": "journald"}},
         "EncryptionConfig": {"AutoLockManagers": true}}
        """), JSON.readTree(json))).isEmpty();
    assertThat(json).doesNotContain("SIGNING");
  }
}
