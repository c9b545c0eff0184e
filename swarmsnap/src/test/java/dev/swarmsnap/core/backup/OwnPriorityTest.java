package dev.swarmsnap.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.swarmsnap.shell.ShellCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OwnPriorityTest {

  @Test
  void theThreadIdsAreTheNumericEntriesOfTheTaskDirectory(@TempDir Path task) throws Exception {
    for (String name : List.of("812", "77", "not-a-thread", "4096")) {
      Files.createDirectory(task.resolve(name));
    }

    assertThat(new OwnPriority(new ShellCommand(), task).threadIds()).containsExactly(77L, 812L, 4096L);
  }

  @Test
  void ourOwnTaskDirectoryListsTheCallingThread() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");

    assertThat(new OwnPriority(new ShellCommand()).threadIds()).isNotEmpty();
  }

  @Test
  void lowIsNice19AndBestEffortIoLevel7ForExactlyTheListedThreads() {
    assertThat(OwnPriority.commands(List.of(77L, 812L))).containsExactly(
        List.of("renice", "-n", "19", "-p", "77", "812"),
        List.of("ionice", "-c", "2", "-n", "7", "-p", "77", "812"));
  }

  @Test
  void lowLowersTheListedThreadsAndNothingElse(@TempDir Path task) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) && Files.isExecutable(Path.of("/usr/bin/ionice")));
    // a process of our own stands for one of our threads, so this JVM keeps its priority
    int ourNice = niceOf(ProcessHandle.current().pid());
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      Files.createDirectory(task.resolve(Long.toString(sleeper.pid())));
      List<String> warnings = new ArrayList<>();

      boolean lowered = new OwnPriority(new ShellCommand(), task).apply(OwnPriority.Level.LOW, warnings::add);

      assertThat(warnings).isEmpty();
      assertThat(lowered).isTrue();
      assertThat(niceOf(sleeper.pid())).isEqualTo(19);
      String ioPriority = new ShellCommand()
          .run(List.of("ionice", "-p", Long.toString(sleeper.pid())), Duration.ofSeconds(10)).output();
      assertThat(ioPriority).contains("best-effort: prio 7");
      assertThat(niceOf(ProcessHandle.current().pid())).isEqualTo(ourNice);
    } finally {
      sleeper.destroyForcibly();
      sleeper.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void normalChangesNothing(@TempDir Path task) {
    List<String> warnings = new ArrayList<>();
    OwnPriority priority = new OwnPriority(new ShellCommand(), task.resolve("absent"));

    assertThat(priority.apply(OwnPriority.Level.NORMAL, warnings::add)).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void threadsThatCannotBeListedCostOneWarningAndTheBackupGoesOn(@TempDir Path task) {
    List<String> warnings = new ArrayList<>();
    OwnPriority priority = new OwnPriority(new ShellCommand(), task.resolve("absent"));

    boolean lowered = priority.apply(OwnPriority.Level.LOW, warnings::add);

    assertThat(lowered).isFalse();
    assertThat(warnings).singleElement().asString().contains("cannot list our own threads").contains("normal priority");
  }

  @Test
  void aRefusedCommandCostsOneWarningPerToolAndTheBackupGoesOn(@TempDir Path task) throws Exception {
    // no such thread: both tools fail, as they would without permission
    Files.createDirectory(task.resolve("999999999"));
    List<String> warnings = new ArrayList<>();

    boolean lowered = new OwnPriority(new ShellCommand(), task).apply(OwnPriority.Level.LOW, warnings::add);

    assertThat(lowered).isFalse();
    assertThat(warnings).hasSize(2)
        .allMatch(w -> w.contains("could not lower our own priority") && w.contains("goes on"));
  }

  /** Field 19 of /proc/PID/stat (after the parenthesised command name). */
  private static int niceOf(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
