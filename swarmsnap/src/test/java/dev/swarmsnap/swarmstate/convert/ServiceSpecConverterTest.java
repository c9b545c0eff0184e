package dev.swarmsnap.swarmstate.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Int64Value;
import dev.swarmsnap.logical.SpecDiff;
import dev.swarmsnap.swarmstate.proto.swarmkit.Annotations;
import dev.swarmsnap.swarmstate.proto.swarmkit.ConfigReference;
import dev.swarmsnap.swarmstate.proto.swarmkit.ContainerSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.DiscreteGenericResource;
import dev.swarmsnap.swarmstate.proto.swarmkit.Driver;
import dev.swarmsnap.swarmstate.proto.swarmkit.EndpointSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.FileTarget;
import dev.swarmsnap.swarmstate.proto.swarmkit.GenericResource;
import dev.swarmsnap.swarmstate.proto.swarmkit.GlobalJob;
import dev.swarmsnap.swarmstate.proto.swarmkit.GlobalService;
import dev.swarmsnap.swarmstate.proto.swarmkit.HealthConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Mount;
import dev.swarmsnap.swarmstate.proto.swarmkit.NamedGenericResource;
import dev.swarmsnap.swarmstate.proto.swarmkit.NetworkAttachmentConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Placement;
import dev.swarmsnap.swarmstate.proto.swarmkit.PlacementPreference;
import dev.swarmsnap.swarmstate.proto.swarmkit.Platform;
import dev.swarmsnap.swarmstate.proto.swarmkit.PortConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Privileges;
import dev.swarmsnap.swarmstate.proto.swarmkit.ReplicatedJob;
import dev.swarmsnap.swarmstate.proto.swarmkit.ReplicatedService;
import dev.swarmsnap.swarmstate.proto.swarmkit.ResourceRequirements;
import dev.swarmsnap.swarmstate.proto.swarmkit.Resources;
import dev.swarmsnap.swarmstate.proto.swarmkit.RestartPolicy;
import dev.swarmsnap.swarmstate.proto.swarmkit.RuntimeTarget;
import dev.swarmsnap.swarmstate.proto.swarmkit.SecretReference;
import dev.swarmsnap.swarmstate.proto.swarmkit.ServiceSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.SpreadOver;
import dev.swarmsnap.swarmstate.proto.swarmkit.TaskSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.UpdateConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service spec with every field the export must carry set, against the JSON moby's
 * serviceSpecFromGRPC/containerSpecFromGRPC would produce for it, written by hand from moby's
 * converter and API types (with the export's changes: references by name, no IDs).
 */
@Timeout(30)
class ServiceSpecConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> NETWORK_NAMES = Map.of("netid1", "backend", "netid2", "frontend");

  @Test
  void everyFieldOfAReplicatedServiceIsConvertedAsMobyDoes() throws Exception {
    JsonNode actual = new ServiceSpecConverter().convert(fullSpec(), NETWORK_NAMES);

    JsonNode expected = JSON.readTree("""
        {
          "Name": "web",
          "Labels": {"com.example.team": "blue"},
          "TaskTemplate": {
            "ContainerSpec": {
              "Image": "nginx:1.25@sha256:abc",
              "Labels": {"c": "1"},
              "Command": ["/bin/sh"],
              "Args": ["-c", "run"],
              "Hostname": "web-{{.Task.Slot}}",
              "Env": ["A=1", "B=2"],
              "Dir": "/srv",
              "User": "www",
              "Groups": ["audio"],
              "Privileges": {
                "CredentialSpec": {"Config": "", "File": "spec.json", "Registry": ""},
                "SELinuxContext": {"Disable": false, "User": "u", "Role": "r", "Type": "t", "Level": "s0"},
                "Seccomp": {"Mode": "custom", "Profile": "e30="},
                "AppArmor": {"Mode": "disabled"},
                "NoNewPrivileges": true
              },
              "Init": true,
              "StopSignal": "SIGQUIT",
              "TTY": true,
              "OpenStdin": true,
              "ReadOnly": true,
              "Mounts": [
                {"Type": "bind", "Source": "/data", "Target": "/data", "ReadOnly": true,
                 "BindOptions": {"Propagation": "rslave", "NonRecursive": true, "CreateMountpoint": true}},
                {"Type": "volume", "Source": "vol", "Target": "/vol",
                 "VolumeOptions": {"NoCopy": true, "Labels": {"v": "1"}, "Subpath": "sub",
                   "DriverConfig": {"Name": "local", "Options": {"type": "nfs"}}}},
                {"Type": "tmpfs", "Target": "/tmp",
                 "TmpfsOptions": {"SizeBytes": 1048576, "Mode": 1023, "Options": [["exec"]]}}
              ],
              "StopGracePeriod": 20000000000,
              "Healthcheck": {"Test": ["CMD", "true"], "Interval": 5000000000, "Timeout": 2000000000,
                "StartPeriod": 1000000000, "StartInterval": 500000000, "Retries": 3},
              "Hosts": ["10.0.0.1 db"],
              "DNSConfig": {"Nameservers": ["10.0.0.53"], "Search": ["example.org"], "Options": ["ndots:2"]},
              "Secrets": [{"File": {"Name": "db_pass", "UID": "33", "GID": "33", "Mode": 256}, "SecretName": "db_pass"}],
              "Configs": [
                {"File": {"Name": "/etc/app.conf", "UID": "0", "GID": "0", "Mode": 292}, "ConfigName": "app_conf"},
                {"Runtime": {}, "ConfigName": "cred_spec"}
              ],
              "Isolation": "default",
              "Sysctls": {"net.core.somaxconn": "1024"},
              "CapabilityAdd": ["CAP_NET_ADMIN"],
              "CapabilityDrop": ["CAP_MKNOD"],
              "Ulimits": [{"Name": "nofile", "Hard": 2048, "Soft": 1024}],
              "OomScoreAdj": 500
            },
            "Resources": {
              "Limits": {"NanoCPUs": 1500000000, "MemoryBytes": 268435456, "Pids": 100},
              "Reservations": {"NanoCPUs": 250000000, "MemoryBytes": 67108864, "GenericResources": [
                {"NamedResourceSpec": {"Kind": "gpu", "Value": "gpu0"}},
                {"DiscreteResourceSpec": {"Kind": "ssd", "Value": 2}}]},
              "SwapBytes": 0,
              "MemorySwappiness": 10
            },
            "RestartPolicy": {"Condition": "on-failure", "Delay": 3000000000, "MaxAttempts": 4, "Window": 60000000000},
            "Placement": {
              "Constraints": ["node.role==worker"],
              "Preferences": [{"Spread": {"SpreadDescriptor": "node.labels.zone"}}],
              "MaxReplicas": 2,
              "Platforms": [{"Architecture": "amd64", "OS": "linux"}]
            },
            "Networks": [{"Target": "backend", "Aliases": ["api"], "DriverOpts": {"o": "1"}}, {"Target": "unknownid"}],
            "LogDriver": {"Name": "json-file", "Options": {"max-size": "10m"}},
            "ForceUpdate": 7,
            "Runtime": "container"
          },
          "Mode": {"Replicated": {"Replicas": 3}},
          "UpdateConfig": {"Parallelism": 2, "Delay": 10000000000, "FailureAction": "rollback",
            "Monitor": 5000000000, "MaxFailureRatio": 0.2, "Order": "start-first"},
          "RollbackConfig": {"Parallelism": 1, "FailureAction": "pause", "MaxFailureRatio": 0, "Order": "stop-first"},
          "EndpointSpec": {"Mode": "dnsrr", "Ports": [
            {"Name": "http", "Protocol": "tcp", "TargetPort": 80, "PublishedPort": 8080, "PublishMode": "ingress"},
            {"Protocol": "udp", "TargetPort": 53, "PublishMode": "host"}]}
        }
        """);
    assertThat(new SpecDiff().paths(expected, actual)).isEmpty();
    assertThat(actual.toString()).doesNotContain("SecretID", "ConfigID", "secretid", "registry-auth-token");
  }

  @Test
  void theModesBesidesReplicatedAreConvertedAsMobyDoes() throws Exception {
    ServiceSpec base = ServiceSpec.newBuilder().setAnnotations(Annotations.newBuilder().setName("j"))
        .setTask(TaskSpec.newBuilder().setContainer(ContainerSpec.newBuilder().setImage("busybox"))).build();
    ServiceSpecConverter c = new ServiceSpecConverter();

    assertThat(c.convert(base.toBuilder().setGlobal(GlobalService.getDefaultInstance()).build(), Map.of()).get("Mode"))
        .isEqualTo(JSON.readTree("{\"Global\":{}}"));
    assertThat(c.convert(base.toBuilder().setGlobalJob(GlobalJob.getDefaultInstance()).build(), Map.of()).get("Mode"))
        .isEqualTo(JSON.readTree("{\"GlobalJob\":{}}"));
    assertThat(new SpecDiff().paths(JSON.readTree("{\"ReplicatedJob\":{\"MaxConcurrent\":2,\"TotalCompletions\":5}}"),
        c.convert(base.toBuilder().setReplicatedJob(ReplicatedJob.newBuilder().setMaxConcurrent(2).setTotalCompletions(5)).build(),
            Map.of()).get("Mode"))).isEmpty();
    JsonNode minimal = c.convert(base.toBuilder().setReplicated(ReplicatedService.newBuilder().setReplicas(0)).build(), Map.of());
    assertThat(new SpecDiff().paths(JSON.readTree("""
        {"Name": "j", "Labels": {}, "TaskTemplate": {"ContainerSpec": {"Image": "busybox", "Isolation": "default"},
         "ForceUpdate": 0, "Runtime": "container"}, "Mode": {"Replicated": {"Replicas": 0}}}
        """), minimal)).isEmpty();
  }

  @Test
  void theDeprecatedServiceLevelNetworksMoveIntoTheTaskTemplateByName() throws Exception {
    ServiceSpec spec = ServiceSpec.newBuilder().setAnnotations(Annotations.newBuilder().setName("old"))
        .setTask(TaskSpec.newBuilder().setContainer(ContainerSpec.newBuilder().setImage("busybox")))
        .addNetworks(NetworkAttachmentConfig.newBuilder().setTarget("netid2").addAliases("fe")).build();

    JsonNode converted = new ServiceSpecConverter().convert(spec, NETWORK_NAMES);

    assertThat(converted.get("TaskTemplate").get("Networks")).isEqualTo(JSON.readTree("[{\"Target\":\"frontend\",\"Aliases\":[\"fe\"]}]"));
    assertThat(converted.has("Networks")).isFalse();
  }

  private static ServiceSpec fullSpec() {
    ContainerSpec container = ContainerSpec.newBuilder()
        .setImage("nginx:1.25@sha256:abc")
        .putLabels("c", "1")
        .addCommand("/bin/sh").addArgs("-c").addArgs("run")
        .addEnv("A=1").addEnv("B=2")
        .setDir("/srv").setUser("www").addGroups("audio")
        .addMounts(Mount.newBuilder().setType(Mount.Type.BIND).setSource("/data").setTarget("/data").setReadonly(true)
            .setBindOptions(Mount.BindOptions.newBuilder().setPropagation(Mount.BindOptions.Propagation.RSLAVE)
                .setNonrecursive(true).setCreatemountpoint(true)))
        .addMounts(Mount.newBuilder().setType(Mount.Type.VOLUME).setSource("vol").setTarget("/vol")
            .setVolumeOptions(Mount.VolumeOptions.newBuilder().setNocopy(true).putLabels("v", "1").setSubpath("sub")
                .setDriverConfig(Driver.newBuilder().setName("local").putOptions("type", "nfs"))))
        .addMounts(Mount.newBuilder().setType(Mount.Type.TMPFS).setTarget("/tmp")
            .setTmpfsOptions(Mount.TmpfsOptions.newBuilder().setSizeBytes(1 << 20).setMode(01777).setOptions("[[\"exec\"]]")))
        .setStopGracePeriod(Duration.newBuilder().setSeconds(20))
        .setPullOptions(ContainerSpec.PullOptions.newBuilder().setRegistryAuth("registry-auth-token"))
        .addSecrets(SecretReference.newBuilder().setSecretId("secretid1").setSecretName("db_pass")
            .setFile(FileTarget.newBuilder().setName("db_pass").setUid("33").setGid("33").setMode(0400)))
        .setTty(true)
        .setHostname("web-{{.Task.Slot}}")
        .setDnsConfig(ContainerSpec.DNSConfig.newBuilder().addNameservers("10.0.0.53").addSearch("example.org").addOptions("ndots:2"))
        .setHealthcheck(HealthConfig.newBuilder().addTest("CMD").addTest("true")
            .setInterval(Duration.newBuilder().setSeconds(5)).setTimeout(Duration.newBuilder().setSeconds(2))
            .setRetries(3).setStartPeriod(Duration.newBuilder().setSeconds(1)).setStartInterval(Duration.newBuilder().setNanos(500_000_000)))
        .addHosts("10.0.0.1 db")
        .setOpenStdin(true).setReadOnly(true).setStopSignal("SIGQUIT")
        .addConfigs(ConfigReference.newBuilder().setConfigId("configid1").setConfigName("app_conf")
            .setFile(FileTarget.newBuilder().setName("/etc/app.conf").setUid("0").setGid("0").setMode(0444)))
        .addConfigs(ConfigReference.newBuilder().setConfigId("configid2").setConfigName("cred_spec")
            .setRuntime(RuntimeTarget.getDefaultInstance()))
        .setPrivileges(Privileges.newBuilder()
            .setCredentialSpec(Privileges.CredentialSpec.newBuilder().setFile("spec.json"))
            .setSelinuxContext(Privileges.SELinuxContext.newBuilder().setUser("u").setRole("r").setType("t").setLevel("s0"))
            .setSeccomp(Privileges.SeccompOpts.newBuilder().setMode(Privileges.SeccompOpts.SeccompMode.CUSTOM)
                .setProfile(ByteString.copyFromUtf8("{}")))
            .setApparmor(Privileges.AppArmorOpts.newBuilder().setMode(Privileges.AppArmorOpts.AppArmorMode.DISABLED))
            .setNoNewPrivileges(true))
        .setInit(BoolValue.of(true))
        .setPidsLimit(100)
        .putSysctls("net.core.somaxconn", "1024")
        .addCapabilityAdd("CAP_NET_ADMIN").addCapabilityDrop("CAP_MKNOD")
        .addUlimits(ContainerSpec.Ulimit.newBuilder().setName("nofile").setSoft(1024).setHard(2048))
        .setOomScoreAdj(500)
        .build();
    TaskSpec task = TaskSpec.newBuilder()
        .setContainer(container)
        .setResources(ResourceRequirements.newBuilder()
            .setLimits(Resources.newBuilder().setNanoCpus(1_500_000_000L).setMemoryBytes(256L << 20))
            .setReservations(Resources.newBuilder().setNanoCpus(250_000_000L).setMemoryBytes(64L << 20)
                .addGeneric(GenericResource.newBuilder().setNamedResourceSpec(NamedGenericResource.newBuilder().setKind("gpu").setValue("gpu0")))
                .addGeneric(GenericResource.newBuilder().setDiscreteResourceSpec(DiscreteGenericResource.newBuilder().setKind("ssd").setValue(2))))
            .setSwapBytes(Int64Value.of(0))
            .setMemorySwappiness(Int64Value.of(10)))
        .setRestart(RestartPolicy.newBuilder().setCondition(RestartPolicy.RestartCondition.ON_FAILURE)
            .setDelay(Duration.newBuilder().setSeconds(3)).setMaxAttempts(4).setWindow(Duration.newBuilder().setSeconds(60)))
        .setPlacement(Placement.newBuilder().addConstraints("node.role==worker")
            .addPreferences(PlacementPreference.newBuilder().setSpread(SpreadOver.newBuilder().setSpreadDescriptor("node.labels.zone")))
            .addPlatforms(Platform.newBuilder().setArchitecture("amd64").setOs("linux"))
            .setMaxReplicas(2))
        .setLogDriver(Driver.newBuilder().setName("json-file").putOptions("max-size", "10m"))
        .addNetworks(NetworkAttachmentConfig.newBuilder().setTarget("netid1").addAliases("api").putDriverAttachmentOpts("o", "1"))
        .addNetworks(NetworkAttachmentConfig.newBuilder().setTarget("unknownid"))
        .setForceUpdate(7)
        .build();
    return ServiceSpec.newBuilder()
        .setAnnotations(Annotations.newBuilder().setName("web").putLabels("com.example.team", "blue"))
        .setTask(task)
        .setReplicated(ReplicatedService.newBuilder().setReplicas(3))
        .setUpdate(UpdateConfig.newBuilder().setParallelism(2).setDelay(Duration.newBuilder().setSeconds(10))
            .setFailureAction(UpdateConfig.FailureAction.ROLLBACK).setMonitor(Duration.newBuilder().setSeconds(5))
            .setMaxFailureRatio(0.2f).setOrder(UpdateConfig.UpdateOrder.START_FIRST))
        .setRollback(UpdateConfig.newBuilder().setParallelism(1))
        .setEndpoint(EndpointSpec.newBuilder().setMode(EndpointSpec.ResolutionMode.DNSRR)
            .addPorts(PortConfig.newBuilder().setName("http").setProtocol(PortConfig.Protocol.TCP).setTargetPort(80).setPublishedPort(8080))
            .addPorts(PortConfig.newBuilder().setProtocol(PortConfig.Protocol.UDP).setTargetPort(53).setPublishMode(PortConfig.PublishMode.HOST)))
        .build();
  }
}
