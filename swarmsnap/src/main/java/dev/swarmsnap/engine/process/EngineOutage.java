package dev.swarmsnap.engine.process;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineControlException;
import dev.swarmsnap.shell.ShellCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One window in which the engine is stopped. Opening it arms a {@link RestartGuard} and a shutdown hook,
 * then stops the engine; {@link #restart()} (also called by {@link #close()}) starts it again exactly
 * once. So the engine comes back on every path: normal end, exception (finally), SIGTERM/SIGINT
 * (shutdown hook), kill -9 or a hang past the maximum downtime (the {@link RestartGuard}, by
 * default a {@link Watchdog} process).
 *
 * <p>A live daemon process is not taken for a running engine: after a stop was issued, {@link
 * #restart()} first waits until the daemon has exited (or answers after all), and with an API it
 * returns, and the watchdog stands down, only once the engine answers.
 *
 * <p>Thread-safe: the shutdown hook may race the main thread.
 */
public final class EngineOutage implements AutoCloseable {
  /** How many times {@link #restart()} tries to start the engine before it reports failure. */
  public static final int START_ATTEMPTS = 2;
  // Short: the backup measures its downtime until the API answers, just after this returns.
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final EngineControl control;
  private final OutageSettings settings;
  private final RestartGuard.Armed guard;
  private final Thread shutdownHook;
  private Instant stoppedAt;
  private Instant exitedAt;
  private boolean stopIssued;
  private boolean restarted;

  private EngineOutage(EngineControl control, OutageSettings settings, RestartGuard.Armed guard) {
    this.control = control;
    this.settings = settings;
    this.guard = guard;
    this.shutdownHook = new Thread(this::restartFromHook, "swarmsnap-engine-restart");
  }

  /** Arms the safety nets (a {@link Watchdog} process among them), then stops the engine; returns once dockerd has exited. */
  public static EngineOutage begin(EngineControl control, OutageSettings settings, Instant now) {
    return begin(control, settings, new WatchdogGuard(), now);
  }

  /** As {@link #begin(EngineControl, OutageSettings, Instant)}, with {@code guard} as the net that outlives this JVM. */
  public static EngineOutage begin(EngineControl control, OutageSettings settings, RestartGuard guard, Instant now) {
    EngineOutage outage = new EngineOutage(control, settings, guard.arm(control, settings, now));
    Runtime.getRuntime().addShutdownHook(outage.shutdownHook);
    outage.stoppedAt = Instant.now();
    try {
      // The watchdog learns of the stop before it is sent: from then on it waits for an exit.
      outage.guard.mark("stop-issued");
      outage.stopIssued = true;
      settings.phases().accept("stopping");
      control.stop(settings.stopTimeout());
      outage.exitedAt = Instant.now();
    } catch (RuntimeException e) {
      // A failed stop may still have stopped it, or be stopping it: bring it back before reporting.
      outage.restartSuppressing(e);
      throw e;
    }
    settings.phases().accept("stopped");
    return outage;
  }

  /**
   * Arms the same safety nets for an engine that is already stopped (a restore onto a node whose
   * engine is down): nothing is stopped, and the engine starts on every path from here on.
   */
  public static EngineOutage beginStopped(EngineControl control, OutageSettings settings, Instant now) {
    return beginStopped(control, settings, new WatchdogGuard(), now);
  }

  /** As {@link #beginStopped(EngineControl, OutageSettings, Instant)}, with {@code guard}. */
  public static EngineOutage beginStopped(
      EngineControl control, OutageSettings settings, RestartGuard guard, Instant now) {
    EngineOutage outage = new EngineOutage(control, settings, guard.arm(control, settings, now));
    Runtime.getRuntime().addShutdownHook(outage.shutdownHook);
    outage.stoppedAt = Instant.now();
    outage.exitedAt = outage.stoppedAt;
    settings.phases().accept("stopped");
    return outage;
  }

  /** When the stop was issued. */
  public Instant stoppedAt() {
    return stoppedAt;
  }

  /** When the daemon had exited. */
  public Instant exitedAt() {
    return exitedAt;
  }

  /**
   * Whether the watchdog started the engine on its own (max downtime passed): whatever was copied
   * after that may come from a running engine and must be thrown away.
   */
  public boolean watchdogFired() {
    return guard.fired();
  }

  /** Tells the outage's phase listener that {@code phase} is reached (a moment a test may pick). */
  public void reached(String phase) {
    settings.phases().accept(phase);
  }

  /**
   * Starts the engine unless it already runs, then waits (up to the start timeout) until its API
   * answers; idempotent once it succeeded. A daemon still shutting down from our stop is waited for
   * first. A failed start is tried once more at once (a start can fail for a passing reason, and an
   * engine left down is the one outcome we must avoid); if that fails too, the guard stays armed and
   * the error says what to run.
   *
   * @throws EngineControlException when the engine is still not running after {@value #START_ATTEMPTS} attempts
   */
  public synchronized void restart() {
    if (restarted) {
      return;
    }
    if (stopIssued && control.isRunning()) {
      awaitExit();
    }
    if (!control.isRunning()) {
      guard.mark("start-issued");
      settings.phases().accept("start-issued");
      startWithRetry();
      settings.phases().accept("starting");
    }
    settings.api().ifPresent(api -> poll(api::ping, settings.startTimeout()));
    restarted = true;
    guard.disarm();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself while the JVM exits: nothing to remove.
    }
  }

  private void startWithRetry() {
    EngineControlException failure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        // A start that returned counts: the daemon may not have written its pidfile yet, so
        // isRunning() right after it proves nothing, and a second start would launch a second dockerd.
        control.start(settings.startTimeout());
        return;
      } catch (EngineControlException e) {
        if (control.isRunning()) {
          return;
        }
        if (failure != null) {
          e.addSuppressed(failure);
        }
        failure = e;
      }
    }
    throw new EngineControlException(
        "the engine did not start again (" + START_ATTEMPTS + " attempts): " + failure.getMessage(),
        "start it now by hand: " + String.join(" && ", control.manualStartInstructions())
            + " (the swarm directory was not changed)",
        failure);
  }

  /**
   * The daemon got our stop but may still be shutting down (its pid lives for seconds): wait until
   * it has exited. One that answers its API after all was never stopping. One still alive and
   * silent after the stop timeout hangs in its shutdown and is ended with the control's kill
   * command, as systemd does after its stop timeout; without an API we cannot tell hung from
   * healthy, and nothing is killed.
   */
  private void awaitExit() {
    Optional<EngineClient> api = settings.api();
    boolean gone = poll(() -> !control.isRunning() || api.map(EngineClient::ping).orElse(false), settings.stopTimeout());
    if (gone || api.isEmpty() || control.killCommandLine().isEmpty()) {
      return;
    }
    new ShellCommand().sh(control.killCommandLine().get(), KILL_WAIT);
    poll(() -> !control.isRunning(), KILL_WAIT);
  }

  /** Polls {@code condition} until it holds (true) or {@code timeout} passes (false). */
  private static boolean poll(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    restart();
  }

  private void restartFromHook() {
    try {
      restart();
    } catch (RuntimeException e) {
      System.err.println("swarmsnap: " + e.getMessage());
    }
  }

  private void restartSuppressing(RuntimeException primary) {
    try {
      restart();
    } catch (RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}
