package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.proto.swarmkit.ContainerSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.Service;
import dev.swarmsnap.swarmstate.proto.swarmkit.ServiceSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.StoreAction;
import dev.swarmsnap.swarmstate.store.StoreReplayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Swarm state written by Docker 26 and 28 (fixtures {@code docker26}, {@code docker28}: see
 * src/test/resources/fixtures/README.md) decodes with our field tables: every object the engine
 * listed is there, the options 20.10 did not have come out as the engine reported them, and no
 * object carries a field the tables do not know.
 */
@Timeout(60)
class NewerEngineFixtureTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"docker26", "docker28"})
  void newerServiceOptionsDecodeAsTheEngineReportedThem(String fixture) throws Exception {
    StoreReplayer store = load(fixture);
    JsonNode api = Fixtures.apiView(fixture);
    Map<String, Service> services =
        store.all(StoreAction.TargetCase.SERVICE, Service.class).stream()
            .collect(Collectors.toMap(s -> s.getSpec().getAnnotations().getName(), s -> s));

    JsonNode caps = service(api, "rdr_caps");
    ContainerSpec container = services.get("rdr_caps").getSpec().getTask().getContainer();
    assertThat(container.getCapabilityAddList()).containsExactlyElementsOf(texts(caps.get("capabilityAdd")));
    assertThat(container.getCapabilityDropList()).containsExactlyElementsOf(texts(caps.get("capabilityDrop")));
    assertThat(container.getSysctlsMap()).containsEntry("net.ipv4.tcp_keepalive_time", caps.get("sysctls").get("net.ipv4.tcp_keepalive_time").asText());
    assertThat(container.getUlimitsList())
        .singleElement()
        .satisfies(u -> {
          JsonNode expected = caps.get("ulimits").get(0);
          assertThat(u.getName()).isEqualTo(expected.get("Name").asText());
          assertThat(u.getSoft()).isEqualTo(expected.get("Soft").asLong());
          assertThat(u.getHard()).isEqualTo(expected.get("Hard").asLong());
        });
    // --oom-score-adj needs API 1.46: only Docker 28 stores it.
    assertThat(container.getOomScoreAdj()).isEqualTo(caps.has("oomScoreAdj") ? caps.get("oomScoreAdj").asLong() : 0);
    assertThat(caps.has("oomScoreAdj")).isEqualTo(fixture.equals("docker28"));

    ServiceSpec job = services.get("rdr_job").getSpec();
    assertThat(job.getModeCase()).isEqualTo(ServiceSpec.ModeCase.REPLICATED_JOB);
    assertThat(job.getReplicatedJob().getMaxConcurrent()).isEqualTo(1);
    assertThat(job.getReplicatedJob().getTotalCompletions()).isEqualTo(3);
    assertThat(services.get("rdr_gjob").getSpec().getModeCase()).isEqualTo(ServiceSpec.ModeCase.GLOBAL_JOB);
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker26", "docker28"})
  void readModelListsEveryServiceWithItsMode(String fixture) throws Exception {
    SwarmState state = new SwarmStateReader().read(Fixtures.unpack(fixture, tmp), Optional.empty());
    Map<String, String> modes = new HashMap<>();
    Fixtures.apiView(fixture).get("services").forEach(s -> modes.put(s.get("name").asText(), s.get("mode").asText()));

    assertThat(state.services().stream().collect(Collectors.toMap(ServiceInfo::name, ServiceInfo::mode))).isEqualTo(modes);
    assertThat(modes).containsEntry("rdr_job", "replicated-job").containsEntry("rdr_gjob", "global-job");
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker26", "docker28"})
  void noStoredObjectHasAFieldOurTablesLack(String fixture) throws Exception {
    StoreReplayer store = load(fixture);
    List<String> unknown = new ArrayList<>();
    for (StoreAction.TargetCase kind : StoreAction.TargetCase.values()) {
      if (kind == StoreAction.TargetCase.TARGET_NOT_SET) {
        continue;
      }
      for (Message object : store.all(kind, Message.class)) {
        collectUnknown(object, kind.name(), unknown);
      }
    }
    assertThat(unknown).isEmpty();
  }

  private StoreReplayer load(String fixture) throws Exception {
    StateLoad load = new StateLoad(new DirectorySwarmFiles(Fixtures.unpack(fixture, tmp)), Optional.empty(), true, false);
    assertThat(load.run()).isPresent();
    return load.store().orElseThrow();
  }

  private static JsonNode service(JsonNode api, String name) {
    for (JsonNode service : api.get("services")) {
      if (service.get("name").asText().equals(name)) {
        return service;
      }
    }
    throw new AssertionError("the API view has no service " + name);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Walks every set message field; a field number the schema lacks lands in unknown fields. */
  private static void collectUnknown(Message message, String path, List<String> into) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      into.add(path + " " + message.getDescriptorForType().getFullName() + " fields " + message.getUnknownFields().asMap().keySet());
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      String at = path + "." + field.getKey().getName();
      if (field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          collectUnknown((Message) element, at, into);
        }
      } else {
        collectUnknown((Message) field.getValue(), at, into);
      }
    }
  }
}
