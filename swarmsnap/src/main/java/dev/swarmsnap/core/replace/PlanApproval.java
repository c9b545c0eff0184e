package dev.swarmsnap.core.replace;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;

/**
 * The gate between a plan and the changes it describes, for restore and recover: a refused plan stops
 * here, and so does an unconfirmed one (asked on a terminal, {@code --yes} otherwise). Nothing has
 * been changed when it says no.
 */
public final class PlanApproval {
  private final String command;
  private final String whatItDoes;
  private final RestoreListener listener;

  /**
   * @param command the command ("restore", "recover"), as messages and the help hint name it
   * @param whatItDoes what the command does, said when it cannot ask for confirmation
   */
  public PlanApproval(String command, String whatItDoes, RestoreListener listener) {
    this.command = command;
    this.whatItDoes = whatItDoes;
    this.listener = listener;
  }

  /** Throws if the plan was refused, with its refusals. */
  public void requireNotRefused(RestorePlan plan) {
    if (plan.refused()) {
      throw new SwarmsnapException(ExitCode.UNSAFE, command + " refused, nothing was changed: "
          + String.join("; ", plan.refusals()), "see 'swarmsnap " + command + " --help'");
    }
  }

  /**
   * Returns if the user confirmed up front ({@code --yes}) or on the terminal; throws if there is no
   * terminal to ask on or the user said no.
   */
  public void requireConfirmation(RestorePlan plan, boolean confirmed, boolean interactive) {
    if (confirmed) {
      return;
    }
    if (!interactive) {
      throw new SwarmsnapException(ExitCode.UNSAFE,
          command + " " + whatItDoes + " and needs confirmation, but there is no terminal; nothing was changed",
          "check the plan with --dry-run, then run again with --yes");
    }
    if (!listener.confirm(plan)) {
      throw new SwarmsnapException(ExitCode.UNSAFE, command + " cancelled; nothing was changed", null);
    }
  }
}
