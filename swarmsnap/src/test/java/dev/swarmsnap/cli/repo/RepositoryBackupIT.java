package dev.swarmsnap.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.lab.CommandResult;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabNode;
import dev.swarmsnap.lab.LabSwarm;
import dev.swarmsnap.testing.S3Server;
import dev.swarmsnap.testing.Swarmsnap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup --repo s3://...} from a real single-manager swarm into a real S3-compatible server
 * (S3Proxy on loopback), {@code list} and {@code restore latest} (dry run, then for real onto the wiped node) from it, and a store that
 * is down at upload time: exit code partial, the local archive kept, nothing partial listed.
 */
@LabSwarm(managers = 1, workers = 0)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepositoryBackupIT {
  private static final String REPO = "s3://backups/lab";

  @TempDir static Path tmp;
  static S3Server server;
  static String storedId;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.start(Files.createDirectories(tmp.resolve("s3")), "backups");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  @Order(1)
  void aBackupIsStoredListedAndRestoreLatestResolvesIt(Lab lab) throws Exception {
    LabNode node = lab.node("m1");
    Path out = Files.createDirectories(tmp.resolve("out1"));

    Swarmsnap.Run backup = swarmsnap(node, "backup", "--output", out.toString(), "--accept-outage", "--json",
        "--repo", REPO, "--remove-local", "--s3-endpoint", server.endpoint().toString(), "--s3-path-style");

    assertThat(backup.code()).as(backup.err()).isZero();
    JsonNode stored = backup.json().path("repository");
    assertThat(stored.path("stored").asBoolean()).as(stored.toString()).isTrue();
    assertThat(stored.path("id").asText()).isEqualTo(backup.json().path("archiveSha256").asText());
    assertThat(stored.path("localRemoved").asBoolean()).isTrue();
    assertThat(Path.of(backup.json().path("archive").asText())).doesNotExist();
    storedId = stored.path("id").asText();

    Swarmsnap.Run list = swarmsnap(node, "list", "--repo", REPO, "--json", "--s3-endpoint", server.endpoint().toString(),
        "--s3-path-style");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).path("id").asText()).isEqualTo(storedId);
    assertThat(list.json().get(0).path("cluster_id").asText()).isEqualTo(backup.json().path("clusterId").asText());
    assertThat(list.json().get(0).path("verify").asText()).isEqualTo("passed");

    lab.stop(node.name());
    try {
      Swarmsnap.Run restore = swarmsnap(node, "restore", "latest", "--repo", REPO, "--dry-run", "--json",
          "--s3-endpoint", server.endpoint().toString(), "--s3-path-style");
      assertThat(restore.code()).as(restore.err()).isZero();
      assertThat(restore.err()).contains("backup " + storedId.substring(0, 12));
      assertThat(restore.json().path("dryRun").asBoolean()).isTrue();
    } finally {
      lab.start(node.name());
    }
    assertThat(leftovers()).as("the download's temp directory is removed").isEmpty();
  }

  @Test
  @Order(2)
  void whenTheStoreIsDownTheBackupIsPartialKeptLocallyAndNotListed(Lab lab) throws Exception {
    LabNode node = lab.node("m1");
    Path out = Files.createDirectories(tmp.resolve("out2"));
    server.stop();
    Swarmsnap.Run backup;
    try {
      backup = swarmsnap(node, "backup", "--output", out.toString(), "--accept-outage", "--json", "--repo", REPO,
          "--remove-local", "--s3-endpoint", server.endpoint().toString(), "--s3-path-style");
    } finally {
      server.start();
    }

    assertThat(backup.code()).as(backup.err()).isEqualTo(ExitCode.PARTIAL.code());
    assertThat(backup.err()).contains("partial").contains("the backup is kept at");
    assertThat(backup.json().path("repository").path("stored").asBoolean()).isFalse();
    Path archive = Path.of(backup.json().path("archive").asText());
    assertThat(archive).isRegularFile();

    Swarmsnap.Run list = swarmsnap(node, "list", "--repo", REPO, "--json", "--s3-endpoint", server.endpoint().toString(),
        "--s3-path-style");
    assertThat(list.json()).extracting(b -> b.path("id").asText()).containsExactly(storedId);

    // The hint's command stores the kept archive once the store is back.
    Swarmsnap.Run copy = swarmsnap(node, "copy", "--archive", archive.toString(), "--to", REPO, "--json",
        "--s3-endpoint", server.endpoint().toString(), "--s3-path-style");
    assertThat(copy.code()).as(copy.err()).isZero();
    assertThat(swarmsnap(node, "list", "--repo", REPO, "--json", "--s3-endpoint", server.endpoint().toString(),
        "--s3-path-style").json()).hasSize(2);
  }

  @Test
  @Order(3)
  void afterTheNodeIsWipedRestoreLatestFromTheStoreBringsBackEveryService(Lab lab) throws Exception {
    LabNode node = lab.node("m1");
    Set<String> servicesBefore = ids(lab, node, "service", "ls", "--format", "{{.ID}}");
    Set<String> secretsBefore = ids(lab, node, "secret", "ls", "--format", "{{.ID}}");
    assertThat(servicesBefore).isNotEmpty();
    lab.stop(node.name());
    lab.wipe(node.name());

    Swarmsnap.Run restore = swarmsnap(node, "restore", "latest", "--repo", REPO, "--yes", "--json",
        "--s3-endpoint", server.endpoint().toString(), "--s3-path-style");

    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.json().path("leader").asBoolean()).isTrue();
    assertThat(ids(lab, node, "service", "ls", "--format", "{{.ID}}")).isEqualTo(servicesBefore);
    assertThat(ids(lab, node, "secret", "ls", "--format", "{{.ID}}")).isEqualTo(secretsBefore);
    assertThat(leftovers()).as("the download's temp directory is removed").isEmpty();
  }

  private static Set<String> ids(Lab lab, LabNode node, String... list) {
    CommandResult result = lab.docker(node.name(), Duration.ofSeconds(30), list);
    assertThat(result.ok()).as(result.reason()).isTrue();
    return new TreeSet<>(result.stdout().lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
  }

  private static List<Path> leftovers() throws Exception {
    List<Path> found = new ArrayList<>();
    try (var s = Files.list(tmp)) {
      s.filter(p -> p.getFileName().toString().startsWith(".swarmsnap-download")).forEach(found::add);
    }
    return found;
  }

  private static Swarmsnap.Run swarmsnap(LabNode node, String... args) {
    Map<String, String> env = new HashMap<>(Swarmsnap.envFor(node));
    env.put("SWARMSNAP_RUN_DIR", tmp.resolve("run").toString());
    env.put("TMPDIR", tmp.toString());
    env.putAll(server.environment());
    return Swarmsnap.run(env, args);
  }
}
