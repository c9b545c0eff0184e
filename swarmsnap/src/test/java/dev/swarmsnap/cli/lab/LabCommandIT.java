package dev.swarmsnap.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.SwarmsnapCli;
import dev.swarmsnap.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmsnap lab up / ls --json / env / down} in-process, and the non-root refusal through
 * the shaded jar. Needs root and docker.io; one small lab for the class, removed even on failure.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabCommandIT {
  private static final String LAB = "tc" + Long.toString(System.nanoTime() % 1_000_000L, 36);
  /** The engine of this run (the matrix points -Dswarmsnap.lab.dockerd at a newer one), else PATH's. */
  private static final Path DOCKERD = dockerd();

  /** What one in-process run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run swarmsnap(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new SwarmsnapCli(new CliContext(System.getenv(), new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), false))
            .run(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path dockerd() {
    String chosen = System.getProperty("swarmsnap.lab.dockerd", "");
    if (!chosen.isBlank()) {
      return Path.of(chosen);
    }
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, "dockerd"))) {
        return Path.of(dir, "dockerd");
      }
    }
    throw new IllegalStateException("no dockerd on PATH");
  }

  /** {@code 28.5.2} from the binary's {@code --version}. */
  private static String versionOf(Path dockerd) throws Exception {
    Process process = new ProcessBuilder(dockerd.toString(), "--version").start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.replaceAll("(?s)^Docker version ([0-9.]*[0-9]).*$", "$1");
  }

  @AfterAll
  static void removeTheLab() {
    swarmsnap("lab", "down", "--name", LAB);
  }

  @Test
  @Order(1)
  void upPrintsHowToReachEachNode() {
    Run up =
        swarmsnap(
            "lab", "up", "--name", LAB, "--managers", "1", "--workers", "1", "--empty", "--autolock",
            "--dockerd", DOCKERD.toString());

    assertThat(up.code()).as(up.err()).isZero();
    assertThat(up.out())
        .contains("lab '" + LAB + "' is up in ")
        .contains("engine " + DOCKERD)
        .contains("export DOCKER_HOST=unix://");
  }

  @Test
  @Order(2)
  void lsJsonListsTheNodesWithRoleLeaderAddressAndRunning() throws Exception {
    Run ls = swarmsnap("lab", "ls", "--name", LAB, "--json");

    assertThat(ls.code()).as(ls.err()).isZero();
    JsonNode nodes = new ObjectMapper().readTree(ls.out());
    assertThat(nodes).hasSize(2);
    JsonNode m1 = nodes.get(0);
    assertThat(m1.get("name").asText()).isEqualTo("m1");
    assertThat(m1.get("role").asText()).isEqualTo("manager");
    assertThat(m1.get("leader").asBoolean()).isTrue();
    assertThat(m1.get("address").asText()).startsWith("10.231.");
    assertThat(m1.get("running").asBoolean()).isTrue();
    assertThat(m1.get("engineVersion").asText()).isEqualTo(versionOf(DOCKERD));
    assertThat(nodes.get(1).get("role").asText()).isEqualTo("worker");
    assertThat(nodes.get(1).get("leader").asBoolean()).isFalse();
  }

  @Test
  @Order(3)
  void envPrintsTheExportsThatReachTheNode() throws Exception {
    Run env = swarmsnap("lab", "env", "--name", LAB, "m1");

    assertThat(env.code()).as(env.err()).isZero();
    List<String> lines = env.out().lines().toList();
    assertThat(lines.get(0)).startsWith("# swarmsnap lab '" + LAB + "', node m1");
    assertThat(lines.subList(1, lines.size()))
        .extracting(line -> line.substring(0, line.indexOf('=')))
        .containsExactly(
            "export DOCKER_HOST",
            "export SWARMSNAP_SWARM_DIR",
            "export SWARMSNAP_ENGINE_CONTROL",
            "export SWARMSNAP_PIDFILE",
            "export SWARMSNAP_START_CMD",
            "export SWARMSNAP_RUN_DIR",
            "export SWARMSNAP_DOCKERD");
    // Plain docker reaches the node with those exports.
    Process docker =
        new ProcessBuilder("sh", "-c", env.out() + "\ndocker info --format '{{.Swarm.LocalNodeState}}'").start();
    String state = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(docker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(state).isEqualTo("active");
  }

  @Test
  @Order(4)
  void stopAndStartRestartTheSameEngineAndOnlyALockedNodeIsToldToUnlock() throws Exception {
    assertThat(swarmsnap("lab", "stop", "--name", LAB, "m1").code()).isZero();
    Run start = swarmsnap("lab", "start", "--name", LAB, "m1");
    assertThat(start.code()).as(start.err()).isZero();
    assertThat(start.out()).contains("m1 is autolocked: swarmsnap lab unlock --name " + LAB + " m1");
    JsonNode nodes = new ObjectMapper().readTree(swarmsnap("lab", "ls", "--name", LAB, "--json").out());
    assertThat(nodes.get(0).get("engineVersion").asText()).isEqualTo(versionOf(DOCKERD));
    assertThat(swarmsnap("lab", "unlock", "--name", LAB, "m1").code()).isZero();

    assertThat(swarmsnap("lab", "wipe", "--name", LAB, "m1").code()).isZero();
    Run wiped = swarmsnap("lab", "start", "--name", LAB, "m1");

    assertThat(wiped.code()).as(wiped.err()).isZero();
    assertThat(wiped.out()).contains("m1 started").doesNotContain("autolocked");
  }

  @Test
  @Order(5)
  void unknownNodeAndNameInUseHaveTheirExitCodes() {
    Run unknown = swarmsnap("lab", "stop", "--name", LAB, "m9");
    assertThat(unknown.code()).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(unknown.err().lines().findFirst()).contains("swarmsnap: lab '" + LAB + "' has no node 'm9'");

    Run again = swarmsnap("lab", "up", "--name", LAB);
    assertThat(again.code()).isEqualTo(ExitCode.CONFLICT.code());

    Run bad = swarmsnap("lab", "ls", "--name", "No_Such");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());

    Run missing = swarmsnap("lab", "down", "--name", "tnone");
    assertThat(missing.code()).isEqualTo(ExitCode.NOT_FOUND.code());
  }

  @Test
  @Order(6)
  void downRemovesTheLab() {
    Path dir = Path.of("/var/lib/swarmsnap/labs", LAB);
    assertThat(dir).exists();

    Run down = swarmsnap("lab", "down", "--name", LAB);

    assertThat(down.code()).as(down.err()).isZero();
    assertThat(dir).doesNotExist();
    assertThat(swarmsnap("lab", "ls", "--name", LAB).code()).isEqualTo(ExitCode.NOT_FOUND.code());
  }

  @Test
  @Order(7)
  void labUpRefusesANonRootUserInOneLine(@TempDir Path temp) throws Exception {
    Path jar = Path.of("target/swarmsnap.jar").toAbsolutePath();
    assertThat(jar).as("the shaded jar is built in 'package', before integration tests").exists();
    // A copy in a world-readable place, so 'nobody' can read it whatever the checkout's permissions.
    Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Path copy = Files.copy(jar, temp.resolve("swarmsnap.jar"), StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder builder =
        new ProcessBuilder(
            "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:-UsePerfData", "-jar", copy.toString(), "lab", "up", "--name", "tnobody");
    builder.environment().putAll(Map.of("HOME", "/tmp"));
    builder.directory(temp.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.NOT_ROOT.code());
    assertThat(out).isEmpty();
    assertThat(err.lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith("swarmsnap: lab up needs root"));
    assertThat(Path.of("/var/lib/swarmsnap/labs/tnobody.lab.json")).doesNotExist();
  }
}
