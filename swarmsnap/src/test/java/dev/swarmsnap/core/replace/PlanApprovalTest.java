package dev.swarmsnap.core.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanApprovalTest {
  private static final RestorePlan PLAN = new RestorePlan(List.of("ok"), List.of("swap"), List.of(), List.of(), false);

  /** Answers the confirmation question with a fixed reply and remembers that it was asked. */
  private static final class Answering implements RestoreListener {
    private final boolean reply;
    private final List<RestorePlan> asked = new ArrayList<>();

    Answering(boolean reply) {
      this.reply = reply;
    }

    @Override public void step(String message) {}

    @Override public void warn(String message) {}

    @Override public void progress(long done, long total) {}

    @Override public boolean confirm(RestorePlan plan) {
      asked.add(plan);
      return reply;
    }
  }

  @Test
  void refusedPlanStopsWithItsReasonsAndTheCommandsHelp() {
    RestorePlan refused = new RestorePlan(List.of(), List.of(), List.of(), List.of("no space", "wrong cluster"), false);
    assertThatThrownBy(() -> new PlanApproval("restore", "replaces it", new Answering(true)).requireNotRefused(refused))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.getMessage()).isEqualTo("restore refused, nothing was changed: no space; wrong cluster");
          assertThat(e.hint()).contains("see 'swarmsnap restore --help'");
        });
    assertThatNoException().isThrownBy(() -> new PlanApproval("restore", "x", new Answering(true)).requireNotRefused(PLAN));
  }

  @Test
  void yesSkipsTheQuestion() {
    Answering listener = new Answering(false);
    new PlanApproval("recover", "x", listener).requireConfirmation(PLAN, true, false);
    assertThat(listener.asked).isEmpty();
  }

  @Test
  void withoutTerminalOrYesItRefusesAndSaysWhatTheCommandWouldDo() {
    assertThatThrownBy(() -> new PlanApproval("recover", "makes this node the only manager", new Answering(true))
        .requireConfirmation(PLAN, false, false))
        .isInstanceOfSatisfying(SwarmsnapException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.UNSAFE);
          assertThat(e.getMessage()).isEqualTo("recover makes this node the only manager and needs confirmation,"
              + " but there is no terminal; nothing was changed");
          assertThat(e.hint()).contains("check the plan with --dry-run, then run again with --yes");
        });
  }

  @Test
  void onATerminalTheUsersAnswerDecides() {
    Answering yes = new Answering(true);
    new PlanApproval("restore", "x", yes).requireConfirmation(PLAN, false, true);
    assertThat(yes.asked).containsExactly(PLAN);
    assertThatThrownBy(() -> new PlanApproval("restore", "x", new Answering(false)).requireConfirmation(PLAN, false, true))
        .isInstanceOf(SwarmsnapException.class)
        .hasMessage("restore cancelled; nothing was changed");
  }
}
