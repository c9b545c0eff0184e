package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.manifest.CommitRaise;
import dev.swarmsnap.core.verify.ApiComparison;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.error.CorruptStateException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.model.SwarmState;
import dev.swarmsnap.swarmstate.raft.CommitMark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hot backup's part of {@link BackupService}: the copy of the running engine's directory
 * ({@link HotCopier}), the commit index the engine had not written yet ({@link CommitMark}), and
 * the check of the verified copy against the API view taken before it (docs/engine-behaviour.md §4.6).
 */
final class HotCopyStep {
  private final Clock clock;
  private final HotCopier hotCopier;
  private final CommitMark commitMark = new CommitMark();

  HotCopyStep(Clock clock, HotCopier hotCopier) {
    this.clock = clock;
    this.hotCopier = hotCopier;
  }

  /**
   * The hot copy: nothing stops; keys, snapshot and WAL are copied in that order until one copy saw
   * the directory unchanged ({@link HotCopier}). A torn final WAL record is cut off the copy.
   */
  CopyOutcome copy(BackupRun run, BackupSubject subject, Path staging, ApiView api) {
    run.listener().step("copying the swarm directory while the engine runs (hot): keys, raft snapshot, then WAL");
    Instant start = clock.instant();
    HotCopier.HotCopy copy;
    Optional<CommitMark.Raised> raised;
    try {
      copy = hotCopier.copy(subject.swarmDir(), staging, run.listener());
      raised = commitMark.raise(staging.resolve("swarm"), api.highestVersion());
    } catch (CorruptStateException e) {
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "the hot copy's WAL is damaged before its last record, so no archive was written: " + e.getMessage(),
          "run 'swarmsnap verify " + subject.swarmDir() + "' to check this node's state; take a cold backup (without --hot)", e);
    }
    long copyMillis = Duration.between(start, clock.instant()).toMillis();
    raised.ifPresent(r -> run.listener().step("the engine had not yet written the commit index of its last entries:"
        + " raised the copy's from " + r.onDisk() + " to " + r.raisedTo() + ", committed as the API view shows"));
    List<StagedFile> files = raised.map(r -> withLength(copy.files(), staging, r.segment(), r.segmentBytes()))
        .orElse(copy.files());
    Optional<CopyOutcome.Cut> cut = copy.cut().map(c -> new CopyOutcome.Cut(
        staging.relativize(c.segment()).toString().replace('\\', '/'), c.droppedBytes()));
    cut.ifPresent(c -> run.listener().step("cut a torn final WAL record (" + c.bytesDropped() + " bytes the engine was"
        + " still writing) off the copy of " + c.segment()));
    run.listener().step("copied in " + copyMillis + " ms" + (copy.attempts() > 1 ? " (try " + copy.attempts() + ")" : "")
        + "; the engine kept running");
    return new CopyOutcome(files, new BackupReport.Timings(0, copyMillis, 0), 0, 0, BackupMode.HOT,
        copy.attempts(), cut, raised.map(r -> new CommitRaise(r.onDisk(), r.raisedTo())));
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

  /**
   * The copy against the API view taken before it: every object at its version or newer.
   *
   * @throws SwarmsnapException VERIFY_FAILED (exit 4) naming the objects that are missing or older
   */
  void requireAtLeast(SwarmState state, ApiView api) {
    String failures = new ApiComparison().compareAtLeast(state, api).stream()
        .filter(f -> f.level() == Finding.Level.FAIL)
        .map(f -> f.check() + ": " + f.reason())
        .collect(Collectors.joining("; "));
    if (!failures.isEmpty()) {
      throw new SwarmsnapException(
          ExitCode.VERIFY_FAILED,
          "the hot copy is older than the engine's API view taken before it, so no archive was written: " + failures,
          "run the backup again; if it keeps failing, take a cold backup (without --hot)");
    }
  }
}
