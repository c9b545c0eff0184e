package dev.swarmsnap.swarmstate.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.logical.SpecDiff;
import dev.swarmsnap.swarmstate.proto.swarmkit.Annotations;
import dev.swarmsnap.swarmstate.proto.swarmkit.Driver;
import dev.swarmsnap.swarmstate.proto.swarmkit.IPAMConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.IPAMOptions;
import dev.swarmsnap.swarmstate.proto.swarmkit.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A swarm network spec against the create request moby's BasicNetworkFromGRPC fields map to. */
@Timeout(30)
class NetworkConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFieldOfAnOverlayNetworkIsConverted() throws Exception {
    NetworkSpec spec = NetworkSpec.newBuilder()
        .setAnnotations(Annotations.newBuilder().setName("backend").putLabels("tier", "db"))
        .setDriverConfig(Driver.newBuilder().setName("overlay").putOptions("encrypted", ""))
        .setIpv6Enabled(true).setInternal(true).setAttachable(true)
        .setIpam(IPAMOptions.newBuilder().setDriver(Driver.newBuilder().setName("default").putOptions("o", "1"))
            .addConfigs(IPAMConfig.newBuilder().setSubnet("10.50.0.0/24").setRange("10.50.0.128/25").setGateway("10.50.0.1")
                .putReserved("host1", "10.50.0.5")))
        .build();

    assertThat(new SpecDiff().paths(JSON.readTree("""
        {"Name": "backend", "Driver": "overlay", "Scope": "swarm", "EnableIPv6": true,
         "IPAM": {"Driver": "default", "Options": {"o": "1"}, "Config": [
           {"Subnet": "10.50.0.0/24", "IPRange": "10.50.0.128/25", "Gateway": "10.50.0.1",
            "AuxiliaryAddresses": {"host1": "10.50.0.5"}}]},
         "Internal": true, "Attachable": true, "Ingress": false, "ConfigOnly": false,
         "Options": {"encrypted": ""}, "Labels": {"tier": "db"}}
        """), new NetworkConverter().convert(spec))).isEmpty();
  }

  @Test
  void aNetworkMadeFromAConfigOnlyNetworkNamesIt() throws Exception {
    NetworkSpec spec = NetworkSpec.newBuilder().setAnnotations(Annotations.newBuilder().setName("macvlan-swarm"))
        .setDriverConfig(Driver.newBuilder().setName("macvlan")).setNetwork("macvlan-config").build();

    assertThat(new NetworkConverter().convert(spec).get("ConfigFrom")).isEqualTo(JSON.readTree("{\"Network\":\"macvlan-config\"}"));
  }

  @Test
  void theEngineOwnedNetworksAreRecognisedAsMobyDoes() {
    assertThat(NetworkConverter.engineOwned(named("ingress").toBuilder().setIngress(true).build())).isTrue();
    assertThat(NetworkConverter.engineOwned(named("ingress").toBuilder()
        .setAnnotations(Annotations.newBuilder().setName("ingress").putLabels("com.docker.swarm.internal", "true")).build())).isTrue();
    assertThat(NetworkConverter.engineOwned(named("bridge").toBuilder()
        .setAnnotations(Annotations.newBuilder().setName("bridge").putLabels("com.docker.swarm.predefined", "true")).build())).isTrue();
    assertThat(NetworkConverter.engineOwned(named("docker_gwbridge"))).isTrue();
    assertThat(NetworkConverter.engineOwned(named("backend"))).isFalse();
  }

  private static NetworkSpec named(String name) {
    return NetworkSpec.newBuilder().setAnnotations(Annotations.newBuilder().setName(name)).build();
  }
}
