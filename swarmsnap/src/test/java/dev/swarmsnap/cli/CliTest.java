package dev.swarmsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CliContext context =
        new CliContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), false);
    return new SwarmsnapCli(context).run(args);
  }

  @Test
  void helpListsEveryExitCode() {
    assertThat(run("--help")).isZero();
    for (ExitCode code : ExitCode.values()) {
      assertThat(out.toString()).contains(code.meaning().substring(0, Math.min(20, code.meaning().length())));
    }
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("swarmsnap ").doesNotContain("${");
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    assertThat(run("status", "--no-such-option")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("Unknown option").contains("hint: see 'swarmsnap status --help'");
  }

  @Test
  void unreachableEngineIsOneClearErrorWithoutStackTrace() {
    assertThat(run("status", "--host", "unix:///nonexistent/docker.sock")).isEqualTo(ExitCode.ENGINE_UNREACHABLE.code());
    assertThat(err.toString().lines()).hasSize(2);
    assertThat(err.toString()).contains("socket /nonexistent/docker.sock does not exist").doesNotContain("Exception");
  }

  @Test
  void debugAddsTheStackTrace() {
    run("status", "--host", "unix:///nonexistent/docker.sock", "--debug");
    assertThat(err.toString()).contains("EngineUnreachableException").contains("\tat ");
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(run("status", "--help")).isZero();
    assertThat(out.toString()).contains("--json").contains("--swarm-dir");
  }

  @Test
  void everySubcommandTakesHelp() {
    List<String[]> commands = new ArrayList<>();
    collect(new SwarmsnapCli(new CliContext(Map.of(), new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), false))
        .commandLine(), new ArrayList<>(), commands);
    assertThat(commands).extracting(c -> String.join(" ", c)).contains("lab --help", "lab up --help", "lab start --help");
    for (String[] command : commands) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      assertThat(run(command)).as(String.join(" ", command) + ": " + err).isZero();
      assertThat(out.toString()).as(String.join(" ", command)).startsWith("Usage: swarmsnap");
    }
  }

  private static void collect(CommandLine command, List<String> path, List<String[]> into) {
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      if (!sub.getKey().equals(sub.getValue().getCommandName())) {
        continue; // an alias of a command already listed
      }
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      List<String> withHelp = new ArrayList<>(next);
      withHelp.add("--help");
      into.add(withHelp.toArray(String[]::new));
      collect(sub.getValue(), next, into);
    }
  }

  @Test
  void completionScriptIsGenerated() {
    assertThat(run("generate-completion")).isZero();
    assertThat(out.toString()).contains("complete").contains("swarmsnap");
  }

  @Test
  void restoreAndRecoverTakeOneNewUnlockKeyPlace() {
    for (String[] command : new String[][] {{"restore", "backup.swarmsnap"}, {"recover"}}) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      assertThat(run(command[0], "--help")).isZero();
      assertThat(out.toString()).contains("--new-unlock-key-file=FILE").contains("--new-unlock-key-cmd=CMD");
      String[] both = Stream.concat(Arrays.stream(command),
          Stream.of("--new-unlock-key-file", "k", "--new-unlock-key-cmd", "cat")).toArray(String[]::new);
      assertThat(run(both)).isEqualTo(ExitCode.USAGE.code());
      assertThat(err.toString()).contains("mutually exclusive");
    }
  }

  @Test
  void everyCommandThatStopsTheEngineTakesMaxDowntime() {
    for (String command : new String[] {"backup", "restore", "recover"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).contains("--max-downtime=SECONDS").contains("whatever happens (default: 300)");
    }
  }
}
