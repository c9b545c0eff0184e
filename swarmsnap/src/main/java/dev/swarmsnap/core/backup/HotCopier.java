package dev.swarmsnap.core.backup;

import dev.swarmsnap.durable.TreeRemover;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.raft.TornTail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies the swarm directory of a running engine: tries {@link HotCopyAttempt} until one sees the
 * directory unchanged from start to end and passes the caller's check (a follower's copy may lag the
 * leader's API view), a bounded number of times.
 *
 * <p>Why retries are rare (swarmkit manager/state/raft/raft.go, storage.go; docs/engine-behaviour.md
 * §4.6): a snapshot is written every {@code SnapshotInterval} applied entries (10000 by default) or
 * to finish a raft DEK rotation; the garbage collection that follows removes older snapshots beyond
 * {@code KeepOldSnapshots} (0) and the segments holding only entries before the oldest kept
 * snapshot; a new segment starts when the live one passes 64 MB. A copy of a few hundred
 * milliseconds meets one of them only on a busy or rotating swarm, and the next try a moment later
 * almost never does.
 */
public final class HotCopier {
  public static final int DEFAULT_ATTEMPTS = 5;
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

  private final HotCopyAttempt attempt = new HotCopyAttempt();
  private final TreeRemover remover = new TreeRemover();
  private final int attempts;
  private final Duration backoff;

  /**
   * @param attempts how many tries before giving up (at least 1)
   * @param backoff the wait after the first failed try; each later wait is one backoff longer
   */
  public HotCopier(int attempts, Duration backoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /**
   * The result of a consistent copy.
   *
   * @param files what is in staging below {@code swarm/}, directories first
   * @param attempts how many tries it took (1 = the first)
   * @param retryReasons why each earlier try was thrown away
   * @param cut the torn final WAL record cut off the copy, if any
   */
  public record HotCopy(List<StagedFile> files, int attempts, List<String> retryReasons, Optional<TornTail.Cut> cut) {
    public HotCopy {
      files = List.copyOf(files);
      retryReasons = List.copyOf(retryReasons);
    }
  }

  /** A check of a copy that saw the directory unchanged, before the copy is accepted. */
  @FunctionalInterface
  interface CopyCheck {
    /**
     * @return why the copy must be taken again, or empty to accept it (it may also throw to refuse
     *     the backup outright)
     */
    Optional<Retry> check(HotCopy copy);
  }

  /**
   * A copy to take again.
   *
   * @param reason why, for the progress line
   * @param refusal the error if no try is left; the copy's reason has to be in it
   * @param hint what to do then
   */
  record Retry(String reason, String refusal, String hint) {}

  /** As {@link #copy(Path, Path, BackupListener, CopyCheck)}, accepting every unchanged copy. */
  public HotCopy copy(Path swarmDir, Path staging, BackupListener listener) {
    return copy(swarmDir, staging, listener, c -> Optional.empty());
  }

  /**
   * Copies {@code swarmDir} into {@code staging/swarm}; a copy that saw the directory unchanged is
   * then checked, and taken again if {@code check} says so, within the same tries.
   *
   * @throws SwarmsnapException VERIFY_FAILED (exit 4) if every try saw the directory change or was
   *     sent back by {@code check} (the last one's refusal), or the node key's KEK changed (copying
   *     again with the old unlock key cannot help)
   */
  HotCopy copy(Path swarmDir, Path staging, BackupListener listener, CopyCheck check) {
    List<String> reasons = new ArrayList<>();
    Retry last = null;
    for (int n = 1; n <= attempts; n++) {
      remover.removeTree(staging.resolve("swarm")); // a thrown-away try's files
      HotCopyAttempt.Result result = attempt.run(swarmDir, staging, listener::reached);
      if (result.change().isEmpty()) {
        HotCopy copy = new HotCopy(result.files(), n, reasons, result.cut());
        Optional<Retry> again = check.check(copy);
        if (again.isEmpty()) {
          return copy;
        }
        last = again.get();
      } else if (result.kekChanged()) {
        remover.removeTree(staging.resolve("swarm"));
        throw new SwarmsnapException(
            ExitCode.VERIFY_FAILED,
            result.change().get() + ": the unlock key checked before the copy no longer opens it, so no archive was written",
            "run the backup again: it checks the current unlock key first");
      } else {
        last = new Retry(result.change().get(),
            "the swarm state changed during each of " + attempts + " hot copies (last: " + result.change().get()
                + "), so no archive was written",
            "try again when the swarm is quieter (a raft snapshot or key rotation was in progress),"
                + " or take a cold backup on a follower (without --hot)");
      }
      reasons.add(last.reason());
      if (n < attempts) {
        listener.step(last.reason() + "; copying again (try " + (n + 1) + " of " + attempts + ")");
        pause(backoff.multipliedBy(n));
      }
    }
    remover.removeTree(staging.resolve("swarm"));
    throw new SwarmsnapException(ExitCode.VERIFY_FAILED, last.refusal(), last.hint());
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwarmsnapException(ExitCode.FAILED, "interrupted while waiting to copy again", null, e);
    }
  }
}
