package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LabSpecTest {
  @ParameterizedTest
  @ValueSource(strings = {"lab", "a", "t0x9-2", "abcdefghijkl", "9lives"})
  void acceptsShortLowercaseNames(String name) {
    assertThat(LabSpec.requireValidName(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-lab", "Lab", "abcdefghijklm", "a_b", "a b", "../x", "a.b"})
  void rejectsOtherNamesAsUsageErrors(String name) {
    assertThatThrownBy(() -> LabSpec.of(name, 1, 0))
        .isInstanceOfSatisfying(LabException.class, e -> assertThat(e.kind()).isEqualTo(LabException.Kind.USAGE));
  }

  @Test
  void needsAManagerAndNoNegativeWorkers() {
    assertThatThrownBy(() -> LabSpec.of("x", 0, 1)).isInstanceOf(LabException.class);
    assertThatThrownBy(() -> LabSpec.of("x", 1, -1)).isInstanceOf(LabException.class);
    assertThatThrownBy(() -> LabSpec.of("x", 200, 45)).isInstanceOf(LabException.class);
  }

  @Test
  void makesTheDirectoryAbsolute() {
    LabSpec spec = new LabSpec("x", 1, 0, false, Optional.of(Path.of("rel/../dir")), false);
    assertThat(spec.dir()).contains(Path.of("dir").toAbsolutePath());
  }

  @Test
  void aBareEngineFormsNoSwarmAndCannotHaveAutolockOrSampleObjects() {
    LabSpec bare = LabSpec.bareEngine("drill-1");

    assertThat(bare.formSwarm()).isFalse();
    assertThat(bare.managers()).isEqualTo(1);
    assertThat(LabSpec.of("x", 1, 0).formSwarm()).isTrue();
    assertThatThrownBy(() -> new LabSpec("x", 1, 0, true, Optional.empty(), false, false))
        .isInstanceOf(LabException.class);
    assertThatThrownBy(() -> new LabSpec("x", 1, 0, false, Optional.empty(), true, false))
        .isInstanceOf(LabException.class);
  }
}
