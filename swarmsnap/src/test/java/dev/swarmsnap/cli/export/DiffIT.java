package dev.swarmsnap.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} of two real backups of one manager, taken before and after a service update and a
 * new secret: exactly that change is listed (exit 1); a backup against itself is equal (exit 0).
 * A backup against the live swarm it was taken from is equal too (the sources' differences of form
 * do not show), and a network removed since is the one difference.
 */
@LabSwarm(managers = 1, workers = 0)
@Timeout(300)
class DiffIT {
  private static final Duration T = Duration.ofSeconds(60);
  @TempDir static Path runDir;
  @TempDir Path tmp;

  @Test
  void twoBackupsDifferByExactlyTheServiceUpdateAndTheNewSecret(Lab lab) throws Exception {
    docker(lab, "service", "create", "--no-resolve-image", "--detach", "--name", "diff_web", "--env", "A=1", "diff-none/web:1");
    docker(lab, "secret", "create", "diff_old", Files.writeString(tmp.resolve("old"), "old-value").toString());
    Path before = backup(lab.node("m1"), Files.createDirectories(tmp.resolve("before")));

    docker(lab, "service", "update", "--detach", "--env-add", "B=2", "diff_web");
    docker(lab, "secret", "create", "diff_new", Files.writeString(tmp.resolve("new"), "new-secret-value").toString());
    Path after = backup(lab.node("m1"), Files.createDirectories(tmp.resolve("after")));

    Swarmsnap.Run diff = Swarmsnap.run(Map.of(), "diff", before.toString(), after.toString(), "--json");
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    List<String> changes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (JsonNode o : diff.json().get("objects")) {
      changes.add(o.get("change").asText() + " " + o.get("kind").asText() + "/" + o.get("name").asText());
      o.get("paths").forEach(p -> paths.add(p.asText()));
    }
    assertThat(changes).containsExactly("added secret/diff_new", "changed service/diff_web");
    // the CLI rewrites the whole list (it may reorder it), so which indices differ is its choice
    assertThat(paths).isNotEmpty().allMatch(p -> p.startsWith("TaskTemplate.ContainerSpec.Env["));
    assertThat(diff.json().get("cluster")).isEmpty();
    assertThat(diff.out()).doesNotContain("new-secret-value", "old-value");

    Swarmsnap.Run text = Swarmsnap.run(Map.of(), "diff", before.toString(), after.toString());
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.out()).startsWith("+ secret/diff_new\n~ service/diff_web\n    TaskTemplate.ContainerSpec.Env[")
        .endsWith("\n2 differences\n");

    Swarmsnap.Run same = Swarmsnap.run(Map.of(), "diff", after.toString(), after.toString());
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out()).isEqualTo("no differences\n");
  }

  @Test
  void aBackupAgainstTheUnchangedLiveSwarmIsEqual_andADeletedNetworkIsExactlyTheDifference(Lab lab) throws Exception {
    docker(lab, "network", "create", "--driver", "overlay", "diff_plain");
    Path archive = backup(lab.node("m1"), Files.createDirectories(tmp.resolve("live")));

    Swarmsnap.Run same = Swarmsnap.run(Swarmsnap.envFor(lab.node("m1")), "diff", archive.toString(), "--live");
    assertThat(same.code()).as(same.out() + same.err()).isZero();
    assertThat(same.out()).isEqualTo("no differences\n");
    // equal with the ingress compared: both sources carry it
    Map<String, String> env = Swarmsnap.envFor(lab.node("m1"));
    assertThat(Swarmsnap.run(env, "export", archive.toString()).json().path("cluster").has("ingress")).isTrue();
    assertThat(Swarmsnap.run(env, "export", "--live").json().path("cluster").has("ingress")).isTrue();

    docker(lab, "network", "rm", "diff_plain");
    Swarmsnap.Run gone = Swarmsnap.run(Swarmsnap.envFor(lab.node("m1")), "diff", archive.toString(), "--live");
    assertThat(gone.code()).as(gone.err()).isEqualTo(1);
    assertThat(gone.out()).isEqualTo("- network/diff_plain\n1 difference\n");
  }

  private static void docker(Lab lab, String... args) {
    CommandResult r = lab.docker("m1", T, args);
    assertThat(r.ok()).as(r.reason()).isTrue();
  }

  private static Path backup(LabNode node, Path out) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", runDir.toString());
    Swarmsnap.Run run = Swarmsnap.run(env, "backup", "--output", out.toString(), "--accept-outage", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    return Path.of(run.json().path("archive").asText());
  }
}
