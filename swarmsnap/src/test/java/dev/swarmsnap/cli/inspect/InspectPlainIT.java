package dev.swarmsnap.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.model.ConfigInfo;
import dev.swarmsnap.swarmstate.model.SecretInfo;
import dev.swarmsnap.swarmstate.model.ServiceInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.testing.Await;
import dev.swarmsnap.testing.Swarmsnap;
import dev.swarmsnap.testing.TestArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --json} and {@code verify} on the cold state of a follower of a real 3+1 swarm
 * (no autolock) with secrets, configs, an overlay network, replicated and global services, a
 * replicated job, and a raft snapshot forced by {@code --snapshot-interval 50}: IDs, names and
 * versions equal the engine API's view, kind by kind, and so do the networks' drivers, the
 * managers' raft addresses and the job's completions and concurrency.
 */
@LabSwarm(managers = 3, workers = 1, autolock = false, sampleObjects = true)
@Timeout(600)
class InspectPlainIT {
  private static final Duration T = Duration.ofSeconds(60);
  @TempDir Path tmp;

  @Test
  void theColdStateOfAFollowerMatchesTheEnginesViewAndVerifies(Lab lab) throws Exception {
    String leader = lab.leader();
    run(lab, leader, "swarm", "update", "--snapshot-interval", "50");
    run(lab, leader, "network", "create", "--driver", "overlay", "it_net");
    for (int i = 0; i < 60; i++) {
      run(lab, leader, "config", "create", "it_cfg_" + i, "/etc/hostname");
    }
    for (int i = 0; i < 20; i++) {
      run(lab, leader, "config", "rm", "it_cfg_" + i);
    }
    run(lab, leader, "secret", "create", "--label", "team=red", "it_secret", "/etc/hostname");
    run(lab, leader, "service", "create", "--no-resolve-image", "--detach", "--name", "it_web", "--replicas", "3",
        "--network", "it_net", "--secret", "it_secret", "--config", "it_cfg_30", "-p", "8081:80", "it-none/web:1");
    run(lab, leader, "service", "create", "--no-resolve-image", "--detach", "--name", "it_agent", "--mode", "global",
        "it-none/agent:1");
    run(lab, leader, "service", "create", "--no-resolve-image", "--detach", "--name", "it_job", "--mode", "replicated-job",
        "--replicas", "5", "--max-concurrent", "2", "it-none/job:1");
    LabNode follower = lab.nodes().stream()
        .filter(n -> n.role() == LabNode.Role.MANAGER && !n.name().equals(leader)).findFirst().orElseThrow();
    EngineView api = EngineView.of(lab, leader);
    // The leader commits with one follower's ack: wait until this follower's log has it all too.
    assertThat(Await.until(T, () -> holdsEveryObject(follower.swarmDir(), api)))
        .as("the follower's own state lists what the leader lists").isTrue();

    lab.stop(follower.name());
    try {
      Swarmsnap.Run run = Swarmsnap.run(Map.of(), "inspect", follower.swarmDir().toString(), "--json");
      assertThat(run.code()).as(run.err()).isZero();
      JsonNode json = run.json();

      assertThat(json.get("cluster").get("id").asText()).isEqualTo(api.swarm().get("ID").asText());
      assertThat(json.get("raft").get("snapshotIndex").asLong()).isPositive();
      for (String kind : new String[] {"services", "configs", "secrets"}) {
        assertThat(EngineView.versions(json, kind)).as(kind).isEqualTo(api.versions(kind));
      }
      Map<String, Long> nodes = EngineView.versions(json, "nodes");
      assertThat(nodes.keySet()).isEqualTo(api.versions("nodes").keySet());
      api.versions("nodes").forEach((id, v) -> assertThat(nodes.get(id)).as(id).isGreaterThanOrEqualTo(v));
      assertThat(EngineView.versions(json, "networks").keySet()).isEqualTo(api.versions("networks").keySet());
      assertThat(EngineView.fields(json, "networks", "driver")).isEqualTo(api.networkDrivers());
      Map<String, String> managerAddrs = new TreeMap<>();
      json.get("nodes").forEach(n -> managerAddrs.put(n.get("id").asText(), n.path("manager").path("addr").asText()));
      assertThat(managerAddrs).isEqualTo(api.managerAddrs());
      // three managers: which one led is not on disk
      assertThat(json.findValues("leader")).hasSize(3).allSatisfy(l -> assertThat(l.asText()).isEqualTo("unknown"));
      JsonNode job = EngineView.named(json, "services", "it_job");
      assertThat(job.get("mode").asText()).isEqualTo("replicated-job");
      assertThat(job.has("replicas")).isFalse();
      assertThat(job.get("totalCompletions").asLong()).isEqualTo(api.replicatedJob("it_job").get("TotalCompletions").asLong());
      assertThat(job.get("maxConcurrent").asLong()).isEqualTo(api.replicatedJob("it_job").get("MaxConcurrent").asLong());
      assertThat(json.toString()).doesNotContain("SWMTKN", "PRIVATE KEY");

      Swarmsnap.Run verify = Swarmsnap.run(Map.of(), "verify", follower.swarmDir().toString());
      assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.out()).contains("7 wal-has-snapshot-record", "OK:");

      Path archive = TestArchives.write(follower.swarmDir(), api.documents(), Optional.empty(), tmp.resolve("f.swarmsnap"));
      Swarmsnap.Run archived = Swarmsnap.run(Map.of(), "verify", archive.toString(), "--json");
      assertThat(archived.code()).as(archived.out() + archived.err()).isZero();
      assertThat(archived.out()).contains("\"api services\"", "\"archive\"");
      Swarmsnap.Run inspectArchive = Swarmsnap.run(Map.of(), "inspect", archive.toString(), "--json");
      assertThat(EngineView.versions(inspectArchive.json(), "configs")).isEqualTo(api.versions("configs"));

      Path copy = tmp.resolve("copy");
      copyTree(follower.swarmDir(), copy);
      Path wal;
      try (var s = Files.list(copy.resolve("raft/wal-v3-encrypted"))) {
        wal = s.filter(p -> p.toString().endsWith(".wal")).sorted().findFirst().orElseThrow();
      }
      Files.write(wal, java.util.Arrays.copyOf(Files.readAllBytes(wal), 5000));
      Files.list(copy.resolve("raft/wal-v3-encrypted")).filter(p -> !p.equals(wal)).forEach(p -> p.toFile().delete());
      Swarmsnap.Run damaged = Swarmsnap.run(Map.of(), "verify", copy.toString());
      assertThat(damaged.code()).isEqualTo(ExitCode.VERIFY_FAILED.code());
      assertThat(damaged.out()).contains("FAIL");
    } finally {
      lab.start(follower.name());
      awaitReachable(lab, leader, follower.hostname());
    }
  }

  /**
   * Waits until the leader sees the restarted follower Ready and Reachable, so the lab is torn
   * down with every daemon settled (a dockerd still creating overlay sandboxes keeps their netns
   * mounts busy).
   */
  private static void awaitReachable(Lab lab, String leader, String hostname) {
    Await.until(Duration.ofSeconds(90), () -> lab.docker(leader, T, "node", "ls", "--format",
        "{{.Hostname}} {{.Status}} {{.ManagerStatus}}").stdout().lines()
        .anyMatch(l -> l.startsWith(hostname + " Ready Reachable")));
  }

  /**
   * Whether the running follower's swarm directory, read offline (read-only, as inspect reads it),
   * has every service, config and secret at the version the leader's API shows. A read that trips
   * over a segment being written counts as "not yet".
   */
  private static boolean holdsEveryObject(Path swarmDir, EngineView api) {
    try {
      Optional<SwarmState> read = new SwarmStateVerifier().verify(swarmDir, Optional.empty()).state();
      if (read.isEmpty()) {
        return false;
      }
      SwarmState state = read.get();
      return versions(state.services(), ServiceInfo::id, ServiceInfo::version).equals(api.versions("services"))
          && versions(state.configs(), ConfigInfo::id, ConfigInfo::version).equals(api.versions("configs"))
          && versions(state.secrets(), SecretInfo::id, SecretInfo::version).equals(api.versions("secrets"));
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static <T> Map<String, Long> versions(List<T> objects, Function<T, String> id, ToLongFunction<T> version) {
    Map<String, Long> out = new TreeMap<>();
    objects.forEach(o -> out.put(id.apply(o), version.applyAsLong(o)));
    return out;
  }

  private static void run(Lab lab, String node, String... args) {
    lab.docker(node, T, args).requireOk(String.join(" ", args));
  }

  private static void copyTree(Path from, Path to) throws Exception {
    Process p = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }
}
