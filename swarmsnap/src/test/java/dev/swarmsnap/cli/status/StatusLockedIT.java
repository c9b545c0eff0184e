package dev.swarmsnap.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An autolocked manager that restarted is locked until unlocked; status says so. */
@LabSwarm(managers = 1, workers = 0, autolock = true, sampleObjects = false)
@Timeout(180)
class StatusLockedIT {

  @Test
  void aRestartedAutolockedNodeIsLocked(Lab lab) {
    LabNode manager = lab.node("m1");
    Swarmsnap.Run before = Swarmsnap.on(manager, "status", "--json");
    assertThat(before.json().path("autolock").asBoolean()).isTrue();

    lab.stop("m1");
    lab.start("m1");
    Swarmsnap.Run run = Swarmsnap.on(manager, "status", "--json");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.json().path("swarmState").asText()).isEqualTo("locked");
    assertThat(run.json().path("safety").path("concerns").toString()).contains("LOCKED");
    assertThat(Swarmsnap.on(manager, "status").out()).contains("docker swarm unlock");
  }
}
