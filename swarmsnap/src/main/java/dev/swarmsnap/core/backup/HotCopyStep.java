package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.manifest.CommitRaise;
import dev.swarmsnap.core.verify.ApiComparison;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.model.RaftSummary;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.raft.CommitMark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The hot backup's part of {@link BackupService}: the copy of the running engine's directory
 * ({@link HotCopier}), its verification, the check against the API view taken before it, and the
 * commit index the engine had not written yet ({@link CommitMark}) when the view proves it
 * (docs/engine-behaviour.md §4.6).
 */
final class HotCopyStep {
  private final Clock clock;
  private final HotCopier hotCopier;
  private final CommitMark commitMark = new CommitMark();
  private final SwarmStateVerifier verifier = new SwarmStateVerifier();
  private final ApiRecheck recheck = new ApiRecheck();

  HotCopyStep(Clock clock, HotCopier hotCopier) {
    this.clock = clock;
    this.hotCopier = hotCopier;
  }

  /**
   * The copy and its state.
   *
   * @param outcome how it was copied, for the manifest and the report
   * @param state the verified state of the copy, at least as new as {@code view}
   * @param view the API view taken before the copy less the objects removed by the time the copy
   *     was done: what the copy was checked against, and what the archive keeps as {@code api/}
   */
  record Result(CopyOutcome outcome, SwarmState state, ApiView view) {}

  /**
   * The hot copy: nothing stops; keys, snapshot and WAL are copied in that order until one copy saw
   * the directory unchanged ({@link HotCopier}), a torn final WAL record is cut off, and the copy
   * is verified and checked against {@code api}, the view taken before it. On a follower, a copy
   * that lacks part of the view lags the leader (whose view the API shows) and is taken again
   * within the same tries, after a short wait for the follower to catch up.
   *
   * @throws SwarmsnapException VERIFY_FAILED (exit 4) if the copy is damaged, does not verify, or
   *     is older than the view (on a follower: on every try)
   */
  Result copy(BackupRun run, BackupSubject subject, Path staging, ApiView api, Optional<UnlockKey> key) {
    run.listener().step("copying the swarm directory while the engine runs (hot): keys, raft snapshot, then WAL");
    Instant start = clock.instant();
    Target target = new Target(run, subject, staging, api, key);
    List<Checked> checked = new ArrayList<>();
    HotCopier.HotCopy copy;
    try {
      copy = hotCopier.copy(subject.swarmDir(), staging, run.listener(), c -> {
        Checked one = check(target, c, clock.instant());
        checked.add(one);
        return one.lag();
      });
    } catch (CorruptStateException e) {
      throw damaged(subject, e);
    }
    Checked accepted = checked.get(checked.size() - 1);
    long copyMillis = Duration.between(start, accepted.copiedAt()).toMillis();
    Optional<CopyOutcome.Cut> cut = copy.cut().map(c -> new CopyOutcome.Cut(
        staging.relativize(c.segment()).toString().replace('\\', '/'), c.droppedBytes()));
    cut.ifPresent(c -> run.listener().step("cut a torn final WAL record (" + c.bytesDropped() + " bytes the engine was"
        + " still writing) off the copy of " + c.segment()));
    run.listener().step("copied in " + copyMillis + " ms" + (copy.attempts() > 1 ? " (try " + copy.attempts() + ")" : "")
        + "; the engine kept running");
    CopyOutcome outcome = new CopyOutcome(accepted.files(), new BackupReport.Timings(0, copyMillis, 0), 0, 0,
        BackupMode.HOT, copy.attempts(), cut, accepted.raise());
    return new Result(outcome, accepted.state(), accepted.view());
  }

  /**
   * One unchanged copy, checked.
   *
   * @param lag present if the copy lacks part of the view and this node is a follower
   * @param copiedAt when the copy was done, before its check
   */
  private record Checked(List<StagedFile> files, SwarmState state, ApiView view, Optional<CommitRaise> raise,
      Optional<HotCopier.Retry> lag, Instant copiedAt) {}

  /** What every try is checked against: the run, the node, where it copies to, the view before. */
  private record Target(BackupRun run, BackupSubject subject, Path staging, ApiView api, Optional<UnlockKey> key) {}

  private Checked check(Target target, HotCopier.HotCopy copy, Instant copiedAt) {
    BackupRun run = target.run();
    BackupSubject subject = target.subject();
    Path staging = target.staging();
    Optional<UnlockKey> key = target.key();
    run.listener().step("verifying the copied state");
    Path swarm = staging.resolve("swarm");
    SwarmState state = CopyVerification.verified(verifier.verify(swarm, key));
    // Objects removed after the view was taken need not be in the copy: the API, asked again now
    // that the copy is done, tells them apart from objects a stale copy lacks.
    ApiView expected = recheck.afterCopy(target.api(), run.engine(), state);
    List<StagedFile> files = copy.files();
    Optional<CommitRaise> raise = Optional.empty();
    List<Finding> shortfall = shortfall(state, expected);
    if (!shortfall.isEmpty() && state.raft().lastIndex() > state.raft().commitIndex()) {
      OptionalLong proven = provenCommitted(swarm, key, expected, state.raft());
      if (proven.isPresent()) {
        CommitMark.Raised raised;
        try {
          raised = commitMark.raise(swarm, proven.getAsLong()).orElseThrow();
        } catch (CorruptStateException e) {
          throw damaged(subject, e);
        }
        run.listener().step("the engine had not yet written the commit index of its last entries: raised the copy's"
            + " from " + raised.onDisk() + " to " + raised.raisedTo() + ", as the API view proves them committed");
        files = withLength(files, staging, raised.segment(), raised.segmentBytes());
        raise = Optional.of(new CommitRaise(raised.onDisk(), raised.raisedTo()));
        state = CopyVerification.verified(verifier.verify(swarm, key));
        shortfall = shortfall(state, expected);
      }
    }
    String failures = shortfall.stream()
        .map(f -> f.check() + ": " + f.reason())
        .collect(Collectors.joining("; "));
    Optional<HotCopier.Retry> lag = Optional.empty();
    if (!failures.isEmpty()) {
      if (subject.view().selfIsLeader()) {
        throw new SwarmsnapException(
            ExitCode.VERIFY_FAILED,
            "the hot copy is older than the engine's API view taken before it, so no archive was written: " + failures,
            "run the backup again; if it keeps failing, take a cold backup on a follower (without --hot)");
      }
      lag = Optional.of(new HotCopier.Retry(
          "this follower's copy lags the leader's API view (" + failures + ")",
          "this follower's hot copy still lagged the leader's API view after every try, so no archive was written: "
              + failures,
          "this manager falls behind the leader: back up on another manager or on the leader (with --hot)"));
    }
    return new Checked(files, state, expected, raise, lag, copiedAt);
  }

  /**
   * The lowest index above the copy's written commit index through which the copy's entries hold
   * the whole API view, if there is one. The entry at that index wrote something the view shows,
   * and the view shows only committed data, so it and every entry before it are committed
   * (docs/engine-behaviour.md §4.6). Binary search: replays of the copy, about log2 of the entries
   * above the commit index (usually one or two).
   */
  private OptionalLong provenCommitted(Path swarm, Optional<UnlockKey> key, ApiView api, RaftSummary raft) {
    long failing = raft.commitIndex();
    long passing = raft.lastIndex();
    if (!holdsView(swarm, key, api, passing)) {
      return OptionalLong.empty();
    }
    while (passing - failing > 1) {
      long middle = failing + (passing - failing) / 2;
      if (holdsView(swarm, key, api, middle)) {
        passing = middle;
      } else {
        failing = middle;
      }
    }
    return OptionalLong.of(passing);
  }

  private boolean holdsView(Path swarm, Optional<UnlockKey> key, ApiView api, long index) {
    VerifyReport through = verifier.verifyThrough(swarm, key, index);
    return !through.failed() && through.state().map(s -> shortfall(s, api).isEmpty()).orElse(false);
  }

  private static List<Finding> shortfall(SwarmState state, ApiView api) {
    return new ApiComparison().compareAtLeast(state, api).stream().filter(f -> f.level() == Finding.Level.FAIL).toList();
  }

  private static SwarmsnapException damaged(BackupSubject subject, CorruptStateException e) {
    return new SwarmsnapException(ExitCode.VERIFY_FAILED,
        "the hot copy's WAL is damaged before its last record, so no archive was written: " + e.getMessage(),
        "run 'swarmsnap verify " + subject.swarmDir() + "' to check this node's state; take a cold backup (without --hot)", e);
  }

  /** {@code files} with the staged {@code file}'s new length (it grew by an appended record). */
  private static List<StagedFile> withLength(List<StagedFile> files, Path staging, Path file, long length) {
    String path = staging.relativize(file).toString().replace('\\', '/');
    return files.stream()
        .map(f -> f.path().equals(path)
            ? new StagedFile(f.path(), false, f.mode(), f.uid(), f.gid(), Math.max(f.originalLength(), length), length, "")
            : f)
        .toList();
  }
}
