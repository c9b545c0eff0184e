package dev.swarmsnap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.lab.LabSpec;
import org.junit.jupiter.api.Test;

/** Sandbox names carry the drill's pid and are valid lab names for any Linux pid. */
class SandboxNameTest {
  @Test
  void theLargestPidMakesAValidLabName() {
    SandboxName name = SandboxName.of(4_194_304);

    assertThat(LabSpec.requireValidName(name.name())).startsWith("drill-");
    assertThat(SandboxName.parse(name.name())).contains(name);
  }

  @Test
  void otherLabsAreNoSandboxes() {
    assertThat(SandboxName.parse("lab")).isEmpty();
    assertThat(SandboxName.parse("drill-")).isEmpty();
    assertThat(SandboxName.parse("drill-ABC")).isEmpty();
    assertThat(SandboxName.parse("tdrill-1")).isEmpty();
  }

  @Test
  void thisProcessOwnsNoSandboxThatOutlivedIt() throws Exception {
    SandboxName own = SandboxName.of(ProcessHandle.current().pid());

    assertThat(new SandboxOwner().alive(own, java.nio.file.Path.of("/nonexistent"))).isFalse();
  }
}
