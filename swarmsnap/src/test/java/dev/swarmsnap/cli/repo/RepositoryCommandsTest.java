package dev.swarmsnap.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.SwarmsnapCli;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.repository.BackupRecords;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.DurableFiles;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.repository.BackupIndex;
import dev.swarmsnap.repository.BackupRepository;
import dev.swarmsnap.repository.LocalObjectStore;
import dev.swarmsnap.repository.TransferProgress;
import dev.swarmsnap.repository.VerifyResult;
import dev.swarmsnap.testing.S3Server;
import dev.swarmsnap.testing.TestArchives;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * list, copy, prune, inspect and verify as a user runs them, on archives of the real fixture state,
 * between a local repository and a real S3-compatible server (S3Proxy on loopback). No lab needed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RepositoryCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Instant> TIMES = List.of(
      Instant.parse("2025-03-01T02:00:00Z"), Instant.parse("2025-03-02T02:00:00Z"),
      Instant.parse("2025-03-03T02:00:00Z"), Instant.parse("2025-03-03T14:00:00Z"));

  @TempDir static Path tmp;
  static S3Server server;
  static Path local;
  static List<BackupIndex> stored = new ArrayList<>();

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  @BeforeAll
  static void repositoryWithFourBackups() throws Exception {
    server = S3Server.start(Files.createDirectories(tmp.resolve("s3")), "backups");
    Path swarm = unpack("plain");
    local = tmp.resolve("local-repo");
    try (BackupRepository repo = new BackupRepository(
        new LocalObjectStore(local, new AtomicFileWriter(), new DurableFiles()), new AtomicFileWriter(), Clock.systemUTC(), "t")) {
      for (Instant time : TIMES) {
        Path archive = TestArchives.write(swarm, Map.of(), Optional.empty(), time, tmp.resolve("a-" + time.getEpochSecond()));
        BackupIndex index = new BackupRecords().fromArchive(archive,
            new ArchiveReader(new ManifestCodec()).readManifest(archive), VerifyResult.PASSED);
        repo.store(archive, index, TransferProgress.NONE);
        stored.add(index);
      }
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void listShowsEveryBackupNewestFirstWithoutDownloadingArchives() throws Exception {
    Run run = run("list", "--repo", local.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> times = new ArrayList<>();
    run.json().forEach(b -> times.add(b.path("created_at").asText()));
    assertThat(times).containsExactly("2025-03-03T14:00:00Z", "2025-03-03T02:00:00Z", "2025-03-02T02:00:00Z",
        "2025-03-01T02:00:00Z");
    assertThat(run.json().get(0).path("verify").asText()).isEqualTo("passed");
    assertThat(run.json().get(0).path("cluster_id").asText()).isEqualTo("7cdnvj34p9cegmtok05yreu5i"); // the plain fixture's cluster

    Run text = run("list", "--repo", "file://" + local);
    assertThat(text.out()).contains("ID", "CREATED (UTC)", "CLUSTER", "VERIFY", "2025-03-03 14:00:00", "test-node",
        "4 backups");
  }

  @Test
  void copyToS3AndBackThenPruneThereAndRestoreLatestResolves() throws Exception {
    String s3 = "s3://backups/copy-" + System.nanoTime();

    Run copy = run(s3Args("copy", "--from", local.toString(), "--to", s3, "--all", "--json"));
    assertThat(copy.code()).as(copy.err()).isZero();
    assertThat(copy.json().path("copied")).hasSize(4);
    Run again = run(s3Args("copy", "--from", local.toString(), "--to", s3, "--all", "--json"));
    assertThat(again.json().path("copied")).isEmpty();
    assertThat(again.json().path("skipped")).hasSize(4);

    Run listed = run(s3Args("list", "--repo", s3, "--json"));
    assertThat(listed.json()).hasSize(4);

    Run inspect = run(s3Args("inspect", "latest", "--repo", s3, "--json"));
    assertThat(inspect.code()).as(inspect.err()).isZero();
    assertThat(inspect.err()).contains("downloading backup 'latest' from " + s3);
    Run verify = run(s3Args("verify", stored.get(0).id().substring(0, 10), "--repo", s3));
    assertThat(verify.err()).contains("backup " + stored.get(0).id().substring(0, 12));
    assertThat(verify.code()).as(verify.out() + verify.err()).isIn(ExitCode.OK.code(), ExitCode.VERIFY_FAILED.code());

    Run dry = run(s3Args("prune", "--repo", s3, "--keep-daily", "2", "--dry-run", "--json"));
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.json().path("keep")).extracting(k -> k.path("createdAt").asText())
        .containsExactly("2025-03-03T14:00:00Z", "2025-03-02T02:00:00Z");
    assertThat(dry.json().path("keep").get(0).path("reasons").get(0).asText()).isEqualTo("daily");
    assertThat(run(s3Args("list", "--repo", s3, "--json")).json()).hasSize(4);

    Run pruned = run(s3Args("prune", "--repo", s3, "--keep-daily", "2"));
    assertThat(pruned.code()).as(pruned.err()).isZero();
    assertThat(pruned.out()).contains("Removed 2:");
    assertThat(run(s3Args("list", "--repo", s3, "--json")).json()).extracting(b -> b.path("created_at").asText())
        .containsExactly("2025-03-03T14:00:00Z", "2025-03-02T02:00:00Z");

    Path back = tmp.resolve("back-" + System.nanoTime());
    Run copyBack = run(s3Args("copy", "--from", s3, "--to", back.toString(), "latest", "--json"));
    assertThat(copyBack.code()).as(copyBack.err()).isZero();
    assertThat(run("list", "--repo", back.toString(), "--json").json().get(0).path("id").asText())
        .isEqualTo(stored.get(3).id());
  }

  @Test
  void aPrefixThatMatchesNothingIsNotFoundAndAnEmptyPolicyIsRefused() {
    Run missing = run("inspect", "ffffffffffff", "--repo", local.toString());
    assertThat(missing.code()).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(missing.err()).contains("no backup with an ID starting ffffffffffff");

    Run empty = run("prune", "--repo", local.toString());
    assertThat(empty.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(empty.err()).contains("no --keep-* option given");
  }

  @Test
  void copyNeedsSomethingToCopyAndASource() {
    Run nothing = run("copy", "--from", local.toString(), "--to", tmp.resolve("x").toString());
    assertThat(nothing.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(nothing.err()).contains("nothing to copy");

    Run noSource = run("copy", "--to", tmp.resolve("x").toString(), "--all");
    assertThat(noSource.code()).isEqualTo(ExitCode.USAGE.code());

    Run removeLocal = run("backup", "--remove-local", "--output", tmp.toString());
    assertThat(removeLocal.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(removeLocal.err()).contains("--remove-local needs --repo");

    Run badRepo = run("backup", "--repo", "gs://bucket/x", "--output", tmp.toString());
    assertThat(badRepo.code()).as("refused before any engine is contacted").isEqualTo(ExitCode.USAGE.code());

    Run badScheme = run("list", "--repo", "gs://bucket/x");
    assertThat(badScheme.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badScheme.err()).contains("not supported");
  }

  @Test
  void aRepositoryOfANewerLayoutIsRefusedBeforeTheBackupStarts() throws Exception {
    Path newer = Files.createDirectories(tmp.resolve("newer"));
    Files.writeString(newer.resolve("swarmsnap-repo.json"),
        "{\"layout_version\": 7, \"created_at\": \"2030-01-01T00:00:00Z\", \"created_by\": \"swarmsnap 9\"}");

    Run backup = run("backup", "--repo", newer.toString(), "--output", tmp.toString(), "--host", "unix:///nonexistent/d.sock");

    assertThat(backup.code()).as(backup.err()).isEqualTo(ExitCode.FAILED.code());
    assertThat(backup.err()).contains("layout version 7, newer than this swarmsnap understands (1)").contains("upgrade");
    assertThat(run("list", "--repo", newer.toString()).err()).contains("layout version 7");
  }

  @Test
  void aDirectoryThatIsNoRepositoryIsNamed() {
    Run run = run("list", "--repo", tmp.resolve("nothing-here").toString());
    assertThat(run.code()).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(run.err()).contains("no swarmsnap repository at").contains("hint:");
  }

  private static String[] s3Args(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--s3-endpoint", server.endpoint().toString(), "--s3-path-style"));
    return all.toArray(String[]::new);
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new HashMap<>(server.environment());
    env.put("TMPDIR", tmp.toString());
    CliContext context = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), false);
    int code = new SwarmsnapCli(context).run(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path unpack(String name) throws Exception {
    Path dest = Files.createDirectories(tmp.resolve(name));
    Path tar = Path.of(RepositoryCommandsTest.class.getResource("/fixtures/" + name + "/swarm.tar.gz").toURI());
    Process p = new ProcessBuilder("tar", "-xzf", tar.toString(), "-C", dest.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    return dest.resolve("swarm");
  }
}
