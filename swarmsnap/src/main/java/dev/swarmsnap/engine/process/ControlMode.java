package dev.swarmsnap.engine.process;

import java.util.Locale;

/** How to stop and start dockerd, as the user names it with {@code --engine-control}. */
public enum ControlMode {
  AUTO,
  SYSTEMD,
  SERVICE,
  PID,
  COMMAND;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
