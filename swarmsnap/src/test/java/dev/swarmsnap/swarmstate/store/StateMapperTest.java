package dev.swarmsnap.swarmstate.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.ServiceMode;
import dev.swarmsnap.swarmstate.proto.swarmkit.Annotations;
import dev.swarmsnap.swarmstate.proto.swarmkit.GlobalJob;
import dev.swarmsnap.swarmstate.proto.swarmkit.ReplicatedJob;
import dev.swarmsnap.swarmstate.proto.swarmkit.ReplicatedService;
import dev.swarmsnap.swarmstate.proto.swarmkit.Service;
import dev.swarmsnap.swarmstate.proto.swarmkit.ServiceSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.Snapshot;
import dev.swarmsnap.swarmstate.proto.swarmkit.StoreSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Service modes as swarmkit stores them (no fixture holds a job: jobs are checked against a real
 * engine in InspectPlainIT).
 */
class StateMapperTest {
  @Test
  void aReplicatedJobHasItsCompletionsAndConcurrencyAndNoReplicas() {
    Map<String, ServiceMode> modes = modes(
        service("job", ServiceSpec.newBuilder().setReplicatedJob(
            ReplicatedJob.newBuilder().setTotalCompletions(5).setMaxConcurrent(2))),
        service("once", ServiceSpec.newBuilder().setGlobalJob(GlobalJob.getDefaultInstance())),
        service("web", ServiceSpec.newBuilder().setReplicated(ReplicatedService.newBuilder().setReplicas(3))));

    assertThat(modes.get("job")).isEqualTo(
        new ServiceMode("replicated-job", Optional.empty(), Optional.of(5L), Optional.of(2L)));
    assertThat(modes.get("once")).isEqualTo(ServiceMode.named("global-job"));
    assertThat(modes.get("web")).isEqualTo(ServiceMode.replicated(3));
  }

  private static Map<String, ServiceMode> modes(Service... services) {
    StoreReplayer store = new StoreReplayer();
    store.loadSnapshot(Snapshot.newBuilder()
        .setStore(StoreSnapshot.newBuilder().addAllServices(java.util.List.of(services)))
        .build());
    return new StateMapper().services(store).stream()
        .collect(Collectors.toMap(ServiceInfo::name, ServiceInfo::mode));
  }

  private static Service service(String name, ServiceSpec.Builder spec) {
    return Service.newBuilder()
        .setId("id-" + name)
        .setSpec(spec.setAnnotations(Annotations.newBuilder().setName(name)))
        .build();
  }
}
