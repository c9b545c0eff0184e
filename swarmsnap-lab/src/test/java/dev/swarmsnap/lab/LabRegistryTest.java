package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LabRegistryTest {
  private static final EngineBinary ENGINE = new EngineBinary(Path.of("/var/cache/engines/28.5.2/usr/sbin/dockerd"));

  @TempDir Path dir;

  private LabState reserve(LabRegistry registry, LabSpec spec) {
    return registry.reserve(spec, dir.resolve(spec.name()), ENGINE, Optional::empty);
  }

  @Test
  void stateSurvivesARoundTripThroughTheFile() {
    LabRegistry registry = new LabRegistry(dir);
    LabState state = reserve(registry, new LabSpec("rt", 3, 2, true, Optional.empty(), true));

    LabState read = new LabRegistry(dir).read("rt").orElseThrow();

    assertThat(read).isEqualTo(state);
    assertThat(read.engine(() -> "dockerd")).isEqualTo(ENGINE);
    assertThat(read.phase()).isEqualTo(LabState.Phase.CREATING);
    assertThat(read.labNodes()).extracting(LabNode::name).containsExactly("m1", "m2", "m3", "w1", "w2");
    assertThat(read.labNodes()).extracting(LabNode::address)
        .containsExactly("10.231.1.11", "10.231.1.12", "10.231.1.13", "10.231.1.14", "10.231.1.15");
  }

  @Test
  void aStateFileWithoutAnEngineRunsTheOneOnPath() throws Exception {
    LabRegistry registry = new LabRegistry(dir);
    reserve(registry, LabSpec.of("old", 1, 0));
    Path file = registry.stateFile("old");
    Files.writeString(file, Files.readString(file).replaceAll("\\s*\"dockerd\" : \"[^\"]*\",", ""));

    LabState read = registry.read("old").orElseThrow();

    assertThat(read.dockerd()).isNull();
    assertThat(read.engine(() -> "/usr/sbin/dockerd").dockerd()).isEqualTo(Path.of("/usr/sbin/dockerd"));
  }

  @Test
  void handsOutTheFirstFreeNumber() {
    LabRegistry registry = new LabRegistry(dir);
    assertThat(reserve(registry, LabSpec.of("a", 1, 0)).number()).isEqualTo(1);
    assertThat(reserve(registry, LabSpec.of("b", 1, 0)).number()).isEqualTo(2);
    registry.remove("a");
    assertThat(reserve(registry, LabSpec.of("c", 1, 0)).number()).isEqualTo(1);
    assertThat(registry.names()).containsExactly("b", "c");
  }

  @Test
  void refusesANameInUse() {
    LabRegistry registry = new LabRegistry(dir);
    reserve(registry, LabSpec.of("a", 1, 0));
    assertThatThrownBy(() -> reserve(registry, LabSpec.of("a", 1, 0)))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.kind()).isEqualTo(LabException.Kind.CONFLICT));
  }

  @Test
  void refusesWhenEveryNumberIsTaken() {
    LabRegistry registry = new LabRegistry(dir);
    for (int i = LabRegistry.FIRST_NUMBER; i <= LabRegistry.LAST_NUMBER; i++) {
      reserve(registry, LabSpec.of("l" + i, 1, 0));
    }
    assertThatThrownBy(() -> reserve(registry, LabSpec.of("one-more", 1, 0)))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.kind()).isEqualTo(LabException.Kind.CONFLICT));
  }

  @Test
  void addedNodesContinueTheNumberingAndAddresses() {
    LabState state = reserve(new LabRegistry(dir), LabSpec.of("a", 3, 1));
    LabState more = state.withNextNode(LabNode.Role.WORKER).withNextNode(LabNode.Role.MANAGER);
    assertThat(more.nodes()).extracting(LabState.NodeEntry::name).containsExactly("m1", "m2", "m3", "w1", "w2", "m4");
    assertThat(more.labNodes().get(5).address()).isEqualTo("10.231.1.16");
  }
}
