package dev.swarmsnap.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A single-manager swarm: the backup means an outage of the management API, accepted explicitly. */
@LabSwarm(managers = 1, workers = 0)
@Timeout(300)
class BackupSingleManagerIT {
  @TempDir static Path runDir;

  @Test
  void withoutATerminalTheOutageMustBeAccepted(Lab lab, @TempDir Path out) {
    Swarmsnap.Run run = backup(lab.node("m1"), "--output", out.toString());

    assertThat(run.code()).isEqualTo(ExitCode.UNSAFE.code());
    assertThat(run.err()).contains("only manager").contains("--accept-outage");
    assertThat(BackupArchives.everything(out)).isEmpty();
  }

  @Test
  void withAcceptOutageItWorksAndServicesKeepTheirIds(Lab lab, @TempDir Path out) {
    String before = serviceIds(lab);

    Swarmsnap.Run run = backup(lab.node("m1"), "--output", out.toString(), "--accept-outage", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("management API is down");
    assertThat(serviceIds(lab)).isEqualTo(before).isNotBlank();
    assertThat(run.json().path("objects").path("services").asInt()).isEqualTo(before.lines().count());
    assertThat(BackupArchives.verify(Path.of(run.json().path("archive").asText())).intact()).isTrue();
  }

  private static String serviceIds(Lab lab) {
    CommandResult ls = lab.docker("m1", Duration.ofSeconds(30), "service", "ls", "-q");
    assertThat(ls.ok()).as(ls.reason()).isTrue();
    return ls.stdout().lines().sorted().reduce("", (a, b) -> a + b + "\n");
  }

  private static Swarmsnap.Run backup(LabNode node, String... args) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    String[] command = new String[args.length + 1];
    command[0] = "backup";
    System.arraycopy(args, 0, command, 1, args.length);
    return Swarmsnap.run(env, command);
  }
}
