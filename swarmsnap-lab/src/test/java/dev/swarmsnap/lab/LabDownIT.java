package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code down} leaves nothing behind, also after a crash, a failed {@code up}, and beside another lab. */
@Timeout(300)
class LabDownIT {
  private final LabSettings settings = LabSettings.defaults();
  private final Leftovers leftovers = new Leftovers();

  @Test
  void downFromANewProcessLeavesNothingEvenAfterACrashAndSparesAnotherLab() throws Exception {
    Labs labs = new Labs(settings);
    try (Lab first = labs.up(LabSpec.of(Leftovers.randomName("td"), 3, 1));
        Lab second = labs.up(new LabSpec(Leftovers.randomName("te"), 1, 0, false, Optional.empty(), false))) {
      assertThat(first.subnet()).isNotEqualTo(second.subnet());
      assertThat(second.leader()).isEqualTo("m1");
      first.kill("m2");
      List<Long> pids = leftovers.pidsOf(first);
      int number = Integer.parseInt(first.subnet().split("\\.")[2]);
      assertThat(pids).isNotEmpty();

      // As a new process would after a crash: only the on-disk state.
      new Labs(settings).open(first.name()).down();

      assertThat(leftovers.of(first.name(), number, first.dir(), settings.registryDir(), pids)).isEmpty();
      assertThat(labs.names()).doesNotContain(first.name()).contains(second.name());
      assertThat(second.running("m1")).isTrue();
      assertThat(second.leader()).isEqualTo("m1");
    }
  }

  @Test
  void aFailedUpRemovesWhatItMadeAndSaysWhy() throws Exception {
    Labs labs = new Labs(settings.withDockerd("/bin/false"));
    String name = Leftovers.randomName("tf");
    assertThatThrownBy(() -> labs.up(LabSpec.of(name, 1, 1)))
        .isInstanceOfSatisfying(LabException.class, e -> {
          assertThat(e.kind()).isEqualTo(LabException.Kind.FAILED);
          assertThat(e.getMessage())
              .contains("could not be created", "exited during start", "everything it made was removed")
              .doesNotContain("\n");
        });
    Path dir = settings.registryDir().resolve(name);
    assertThat(leftovers.of(name, 0, dir, settings.registryDir(), List.of())).isEmpty();
  }
}
