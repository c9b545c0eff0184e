package dev.swarmsnap.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.SwarmsnapCli;
import dev.swarmsnap.durable.TreeRemover;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite (house style, "Hostile inputs"): several hundred generated inputs, from a
 * fixed seed, run in this JVM through the CLI's entry point ({@link SwarmsnapCli} with a {@link
 * CliContext}). Each case asserts a documented exit code, at most two lines of error on stderr, no
 * stack trace and no Java exception text, no raw control character in the output, bounded time,
 * nothing written outside its own directory, and no planted secret (a secret value, the unlock
 * key, the age identity, key text given as input) in stdout or stderr. Memory is bounded by the
 * suite's JVM: a case that needs more than its heap fails with it. {@link HostileProcessTest} runs a
 * few of the same cases through {@code bin/swarmsnap}.
 */
@Timeout(1800)
class HostileInputTest {
  /** Change it to explore; a failure names its case, and the same seed reproduces it. */
  static final long SEED = 0x5eed_2026_1207L;
  private static final Duration CASE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Cases that fail for reasons owned by the "safe file reading" change of issue 14 (symlinks,
   * devices and FIFOs in a swarm directory, size caps, data after the tar end): they stay in the
   * corpus and are reported as skipped; remove a name here once that change is merged and it passes.
   */
  /** Cases that may not pass yet, each with the reason; empty since FIFOs and trailing data are refused. */
  static final Set<String> KNOWN_ISSUES = Set.of();

  @TempDir static Path root;
  private static Materials materials;
  private static final AtomicLong started = new AtomicLong();

  @BeforeAll
  static void materials() throws Exception {
    Files.createDirectories(root.resolve("sentinel/etc"));
    Files.writeString(root.resolve("sentinel/etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
    Files.createDirectories(root.resolve("cases"));
    materials = Materials.make(Files.createDirectories(root.resolve("base")));
    started.set(System.nanoTime());
  }

  @AfterAll
  static void report() {
    System.out.printf("hostile-input suite: %.1f s for the cases%n", (System.nanoTime() - started.get()) / 1e9);
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputIsRefusedCleanly() {
    List<HostileCase> cases = new HostileCorpus(materials, SEED).cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(500);
    assertThat(cases.stream().map(HostileCase::name).distinct().count()).isEqualTo(cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Assumptions.assumeFalse(KNOWN_ISSUES.contains(c.name()), "known issue, see KNOWN_ISSUES");
      run(c);
    }));
  }

  private static void run(HostileCase c) throws IOException {
    Path dir = Files.createDirectories(root.resolve("cases").resolve("case"));
    Files.createDirectories(dir.resolve("run"));
    Files.createDirectories(dir.resolve("target"));
    try {
      Path input = c.input().make(dir);
      List<String> args = c.command().args(input, dir);
      SortedMap<String, String> outside = TreeListing.of(root, p -> p.startsWith(dir));
      SortedMap<String, String> inside = TreeListing.of(dir, p -> p.startsWith(dir.resolve("run")));
      Result r = assertTimeoutPreemptively(CASE_TIMEOUT, () -> inProcess(args, environment(dir)),
          () -> c.name() + " ran longer than " + CASE_TIMEOUT);
      check(c, r, args, materials);
      assertThat(TreeListing.of(root, p -> p.startsWith(dir))).as("%s wrote outside its directory", c.name())
          .isEqualTo(outside);
      assertThat(TreeListing.of(dir, p -> p.startsWith(dir.resolve("run")))).as("%s changed its directory", c.name())
          .isEqualTo(inside);
    } finally {
      new TreeRemover().removeTree(dir);
    }
  }

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {}

  private static Result inProcess(List<String> args, Map<String, String> env) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new SwarmsnapCli(new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true),
        Clock.systemUTC(), false)).run(args.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  /** No engine anywhere: restore --dry-run finds dockerd stopped (no pidfile) and stops after its checks. */
  static Map<String, String> environment(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
    env.put("SWARMSNAP_ENGINE_CONTROL", "pid");
    env.put("SWARMSNAP_PIDFILE", dir.resolve("no-dockerd.pid").toString());
    env.put("SWARMSNAP_START_CMD", "/bin/false");
    env.put("SWARMSNAP_RUN_DIR", dir.resolve("run").toString());
    return env;
  }

  private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Caused by:");
  private static final Pattern JAVA_TEXT = Pattern.compile(
      "java\\.|javax\\.|sun\\.|jdk\\.|com\\.fasterxml|org\\.apache|com\\.github|picocli\\.|Exception|DerValue");
  private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");

  static void check(HostileCase c, Result r, List<String> args, Materials materials) {
    String both = "exit " + r.code() + "\nargs: " + args + "\nstdout:\n" + r.out() + "\nstderr:\n" + r.err();
    assertThat(c.codes()).as("exit code of %s\n%s", c.name(), both).contains(r.code());
    List<String> errorLines = r.err().lines().filter(l -> !l.startsWith("==> ") && !l.isBlank()).toList();
    assertThat(errorLines.size()).as("error lines of %s\n%s", c.name(), both).isLessThanOrEqualTo(2);
    assertThat(STACK_LINE.matcher(r.err() + r.out()).find()).as("stack trace in %s\n%s", c.name(), both).isFalse();
    assertThat(JAVA_TEXT.matcher(r.err()).find()).as("Java exception text in %s\n%s", c.name(), both).isFalse();
    assertThat(RAW_CONTROL.matcher(r.err() + r.out()).find()).as("raw control character in %s\n%s", c.name(), both)
        .isFalse();
    for (String secret : secrets(c, materials)) {
      assertThat(r.out() + r.err()).as("%s printed a planted secret\n%s", c.name(), both).doesNotContain(secret);
    }
    if (r.code() == 0 && args.contains("--json")) {
      try {
        new ObjectMapper().readTree(r.out());
      } catch (IOException e) {
        throw new AssertionError(c.name() + ": --json output is not JSON\n" + both, e);
      }
    }
  }

  private static List<String> secrets(HostileCase c, Materials materials) {
    List<String> secrets = new ArrayList<>(c.planted());
    secrets.add(materials.secretValue());
    secrets.add(materials.unlockKey());
    secrets.add(materials.unlockKey().substring("SWMKEY-1-".length()));
    secrets.add(materials.ageSecret());
    return secrets;
  }
}
