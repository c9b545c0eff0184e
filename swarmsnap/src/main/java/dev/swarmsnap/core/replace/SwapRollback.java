package dev.swarmsnap.core.replace;

import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Undoes a {@link SwarmDirectorySwap} after a failure before the node leads: stop the engine, rename
 * the directories back, start the engine, and turn the failure into one error that says where
 * everything is. Each step runs even if the one before failed; their failures are added as suppressed.
 */
public final class SwapRollback {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String command;
  private final String swarmDirName;
  private final EngineControl control;
  private final Optional<EngineWait> answerCheck;
  private final RestoreListener listener;

  /**
   * @param command the command rolled back ("restore", "recover"): names it in messages and in the
   *     {@code *.before-<command>-*} directory the user is sent to
   * @param swarmDirName how messages name the swarm directory
   * @param answerCheck when present, the engine counts as started again only once its API answers (a start
   *     command may return as soon as dockerd is launched); when empty, once the start command returned
   */
  public SwapRollback(String command, String swarmDirName, EngineControl control, Optional<EngineWait> answerCheck,
      RestoreListener listener) {
    this.command = command;
    this.swarmDirName = swarmDirName;
    this.control = control;
    this.answerCheck = answerCheck;
    this.listener = listener;
  }

  /** Rolls {@code swap} back after {@code cause}; returns the error to throw. */
  public SwarmsnapException rollBack(RuntimeException cause, SwarmDirectorySwap swap) {
    listener.warn(command + " failed (" + cause.getMessage() + "); rolling back");
    List<String> notes = new ArrayList<>();
    try {
      if (control.isRunning()) {
        control.stop(STOP_TIMEOUT);
      }
      notes.add(swap.undo());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      notes.add("rolling back failed too (" + e.getMessage() + "): check " + swarmDirName + " and the"
          + " *.before-" + command + "-* directory next to it by hand");
    }
    try {
      if (!control.isRunning()) {
        control.start(START_TIMEOUT);
      }
      if (answerCheck.isPresent()) {
        answerCheck.get().untilAnswers("the engine was started again but its API did not answer");
        notes.add("the engine was started again and answers");
      } else {
        notes.add("the engine was started again");
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      notes.add("the engine could not be started (" + e.getMessage() + "); start it by hand: "
          + String.join(" && ", control.manualStartInstructions()));
    }
    return new SwarmsnapException(
        cause instanceof SwarmsnapException s ? s.exitCode() : ExitCode.FAILED,
        command + " failed and was rolled back: " + cause.getMessage() + ". " + String.join("; ", notes),
        cause instanceof SwarmsnapException s ? s.hint().orElse(null) : null,
        cause);
  }
}
