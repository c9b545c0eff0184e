package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.ArchiveName;
import dev.swarmsnap.archive.ArchiveSource;
import dev.swarmsnap.archive.WrittenArchive;
import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.status.BackupSafety;
import dev.swarmsnap.core.status.SwarmView;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.StagingDirectory;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.process.EngineOutage;
import dev.swarmsnap.hostlock.HostLock;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.engine.process.RestartGuard;
import dev.swarmsnap.engine.process.WatchdogGuard;
import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A backup of this manager, done right: preflight, lock, key check, API snapshot, then the copy, then
 * verify, archive and read the archive back. Cold: a short outage copies only real bytes, then the
 * node is unlocked and awaited; the engine is down only for the copy (docs/engine-behaviour.md §3);
 * objects removed between the API snapshot and the stop are left out of the archived view ({@link
 * ApiRecheck}).
 * Hot ({@code --hot}): the engine keeps running and {@link HotCopier} copies in a safe order, and
 * the copy must hold every object of the API view at its version or newer (§4.6).
 */
public final class BackupService {
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Clock clock;
  private final UnlockKeyReader keyReader;
  private final BackupPreflight preflight = new BackupPreflight();
  private final BackupSafety safety = new BackupSafety();
  private final UnlockKeyCheck keyCheck = new UnlockKeyCheck();
  private final StagingCopier copier = new StagingCopier();
  private final HotCopyStep hotCopy;
  private final ApiRecheck recheck = new ApiRecheck();
  private final ManifestAssembler manifests = new ManifestAssembler();
  private final ManifestCodec codec = new ManifestCodec();
  private final Optional<AgeRecipients> encryption;
  private final RestartGuard guard;

  public BackupService(Clock clock, UnlockKeyReader keyReader) {
    this(clock, keyReader, Optional.empty());
  }

  /**
   * @param encryption when present, the archive is age-encrypted to these recipients as it is
   *     written (and gets the {@code .swarmsnap.age} name)
   */
  public BackupService(Clock clock, UnlockKeyReader keyReader, Optional<AgeRecipients> encryption) {
    this(clock, keyReader, encryption, new WatchdogGuard());
  }

  /** @param guard what restarts the engine if this process dies during the outage */
  public BackupService(Clock clock, UnlockKeyReader keyReader, Optional<AgeRecipients> encryption, RestartGuard guard) {
    this.clock = clock;
    this.keyReader = keyReader;
    this.encryption = Objects.requireNonNull(encryption, "encryption");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.hotCopy = new HotCopyStep(clock, new HotCopier(HotCopier.DEFAULT_ATTEMPTS, HotCopier.DEFAULT_BACKOFF));
  }

  public BackupReport run(BackupRequest request, EngineClient engine, EngineControl control, BackupListener listener) {
    BackupRun run = new BackupRun(request, engine, control, listener, clock.instant());
    // The lock comes first: a second backup on this host would otherwise be refused for the
    // quorum the first one is holding down, which names the wrong cause.
    try (HostLock lock = HostLock.acquire(request.runDir().resolve("swarmsnap.lock"), "backup");
        EncryptionPreparation prepared = encryption.map(EncryptionPreparation::start).orElse(null)) {
      BackupSubject subject = checkSwarm(run);
      try (HeldUnlockKey key = unlockKey(run, subject)) {
        return backUp(run, subject, key, Optional.ofNullable(prepared));
      }
    }
  }

  /** Preflight: is it safe to stop this engine now, where is its state, where does the archive go. */
  private BackupSubject checkSwarm(BackupRun run) {
    run.listener().step("checking the swarm at " + run.engine().endpoint());
    SwarmView view = SwarmView.of(run.engine());
    Preflight decision = preflight.check(safety.evaluate(view.swarm(), view.nodes()), run.request().options());
    if (decision.needsConfirmation() && !run.listener().confirm(decision.warnings())) {
      throw new SwarmsnapException(ExitCode.UNSAFE, "backup cancelled: the outage was not confirmed", null);
    }
    decision.warnings().forEach(run.listener()::warn);
    Path swarmDir = run.request().swarmDir().orElse(Path.of(view.info().dockerRootDir(), "swarm"));
    SwapJournal.refuseIfPresent(swarmDir);
    requireSwarmDirectory(swarmDir);
    ArchiveName name = ArchiveName.of(view.swarm().clusterId().orElse("unknown"), view.info().hostname(), run.started());
    Path target = targetFile(run.request().output(),
        encryption.isPresent() ? name.encryptedFileName() : name.fileName());
    return new BackupSubject(view, swarmDir, target, decision.warnings());
  }

  /** Autolock: the unlock key, checked against this node's key before anything stops. */
  private HeldUnlockKey unlockKey(BackupRun run, BackupSubject subject) {
    if (!subject.view().swarm().autolock().orElse(false)) {
      return HeldUnlockKey.none();
    }
    run.listener().step("autolock is on: checking the unlock key against this node's key");
    char[] text = run.request().keySource().map(keyReader::read).orElseGet(run.engine()::unlockKey);
    UnlockKey key = null;
    try {
      key = UnlockKey.parse(text);
      UnlockKeyCheck.Fitted fitted = keyCheck.check(subject.swarmDir(), key);
      String keep = "autolock is on: restoring this backup needs the unlock key that is current now ("
          + fitted.fingerprint() + "); it is NOT in the archive. Keep it off this host,"
          + " e.g. in your password manager (docker swarm unlock-key -q prints it)";
      run.listener().warn(keep);
      return new HeldUnlockKey(Optional.of(text), Optional.of(key), Optional.of(fitted), Optional.of(keep));
    } catch (RuntimeException e) {
      Arrays.fill(text, '\0');
      if (key != null) {
        key.wipe();
      }
      throw e;
    }
  }

  private BackupReport backUp(
      BackupRun run, BackupSubject subject, HeldUnlockKey key, Optional<EncryptionPreparation> prepared) {
    run.listener().reached("preflight");
    run.listener().step("recording the engine's own view of the swarm (API snapshot)");
    SortedMap<String, byte[]> api = run.engine().apiSnapshot();
    try (StagingDirectory staging = StagingDirectory.createNextTo(subject.target())) {
      List<StagedFile> apiFiles = new ApiSnapshotWriter().write(api, staging.path());
      // Refuses here, with the engine untouched, if the archive could not be encrypted.
      Optional<AgeKeyPair> readBackKey = prepared.map(EncryptionPreparation::readBackKey);
      CopyOutcome copy;
      SwarmState state;
      if (run.request().options().hot()) {
        HotCopyStep.Result hot = hotCopy.copy(run, subject, staging.path(), new ApiView(api), key.key());
        copy = hot.outcome();
        state = hot.state();
        // the view less what was removed during the copy, so that verify of the archive holds too
        apiFiles = new ApiSnapshotWriter().write(hot.view().documents(), staging.path());
      } else {
        copy = copyWhileStopped(run, subject, key, staging.path()).outcome();
        run.listener().step("verifying the copied state");
        state = CopyVerification.verified(new SwarmStateVerifier().verify(staging.path().resolve("swarm"), key.key()));
        // The view was taken before the stop: objects removed before the stop are not in the copy.
        // The engine answers again now; the archive keeps the view less those (as the hot path).
        ApiView view = recheck.afterCopy(new ApiView(api), run.engine(), state);
        apiFiles = new ApiSnapshotWriter().write(view.documents(), staging.path());
      }

      List<StagedFile> staged = new ArrayList<>(apiFiles);
      staged.addAll(copy.swarmFiles());
      List<StagedFile> all = copier.hashed(staged, staging.path());
      var manifest = manifests.assemble(
          run.request().toolVersion(), run.started(), subject.view(), key.fitted(), state.raft(), copy, all);
      WrittenArchive written = new ReadBackArchiveWriter(codec, encryption).write(
          subject.target(), manifest, sources(staging.path(), all), readBackKey, run.listener());
      return report(run, subject, key, copy, state, written);
    }
  }

  /**
   * The outage: stop, copy the real bytes, start, wait until the node serves again (unlocked with
   * {@code key} when autolock is on). The engine restarts on every path ({@link EngineOutage}); a
   * copy the guard may have raced is thrown away.
   */
  private Outage copyWhileStopped(BackupRun run, BackupSubject subject, HeldUnlockKey key, Path staging) {
    run.listener().step("stopping the engine (" + run.control().describe() + ")");
    OutageSettings settings = new OutageSettings(run.request().runDir(), run.request().options().maxDowntime(),
        STOP_TIMEOUT, START_TIMEOUT, Optional.of(staging))
        .withApi(run.engine()).withPhases(run.listener()::reached);
    Instant stoppedAt;
    Instant exitedAt;
    Instant copiedAt;
    List<StagedFile> swarmFiles;
    try (EngineOutage outage = EngineOutage.begin(run.control(), settings, guard, clock.instant())) {
      stoppedAt = outage.stoppedAt();
      exitedAt = outage.exitedAt();
      run.listener().step("engine stopped; copying the swarm directory's real data");
      outage.reached("copying");
      swarmFiles = copier.copy(subject.swarmDir(), staging);
      copiedAt = clock.instant();
      if (outage.watchdogFired()) {
        throw new SwarmsnapException(
            ExitCode.FAILED,
            "the maximum downtime (" + run.request().options().maxDowntime().toSeconds()
                + " s) passed during the copy and the watchdog started the engine: the copy may be torn; nothing was written",
            "raise --max-downtime, or look at why copying was slow (disk, I/O load)");
      }
      run.listener().step("starting the engine");
      outage.restart();
    }
    run.listener().reached("unlocking");
    NodeRecovery.Recovered recovered = new NodeRecovery(clock).await(
        run.engine(), subject.view().swarm().nodeId(), key.text(), RECOVERY_TIMEOUT);
    return new Outage(swarmFiles, stoppedAt, exitedAt, copiedAt, recovered);
  }

  /** The outage's span, as the report splits it; times from stop issued to node ready. */
  private record Outage(
      List<StagedFile> swarmFiles, Instant stoppedAt, Instant exitedAt, Instant copiedAt, NodeRecovery.Recovered recovered) {
    CopyOutcome outcome() {
      return new CopyOutcome(swarmFiles, timings(), downtimeMillis(),
          Duration.between(stoppedAt, recovered.ready()).toMillis(), BackupMode.COLD, 1, Optional.empty(), Optional.empty());
    }

    long downtimeMillis() {
      return Duration.between(stoppedAt, recovered.apiAnswering()).toMillis();
    }

    BackupReport.Timings timings() {
      return new BackupReport.Timings(
          Duration.between(stoppedAt, exitedAt).toMillis(),
          Duration.between(exitedAt, copiedAt).toMillis(),
          Duration.between(copiedAt, recovered.apiAnswering()).toMillis());
    }
  }

  private BackupReport report(
      BackupRun run, BackupSubject subject, HeldUnlockKey key, CopyOutcome copy, SwarmState state, WrittenArchive written) {
    SwarmView view = subject.view();
    List<String> warnings = new ArrayList<>(subject.warnings());
    key.warning().ifPresent(warnings::add);
    return new BackupReport(
        written.path().toString(),
        written.size(),
        written.sha256().hex(),
        run.started(),
        subject.clusterId(),
        view.swarm().nodeId(),
        view.info().hostname(),
        view.version().version(),
        run.control().describe(),
        key.fitted().isPresent(),
        key.fitted().map(UnlockKeyCheck.Fitted::fingerprint),
        copy.swarmFiles().stream().mapToLong(StagedFile::storedLength).sum(),
        copy.timings(),
        copy.downtimeMillis(),
        copy.readyMillis(),
        Duration.between(run.started(), clock.instant()).toMillis(),
        counts(state),
        state.raft().snapshotIndex(),
        state.raft().lastIndex(),
        warnings,
        Optional.of(firstExpiry(state)),
        copy.mode(),
        copy.attempts(),
        copy.walCut(state.raft().lastIndex()));
  }

  private static void requireSwarmDirectory(Path swarmDir) {
    if (!Files.isRegularFile(swarmDir.resolve("certificates/swarm-node.key"))) {
      throw new SwarmsnapException(
          ExitCode.NOT_FOUND,
          "no swarm state at " + swarmDir + " (certificates/swarm-node.key is missing or unreadable)",
          "name the swarm directory with --swarm-dir (or SWARMSNAP_SWARM_DIR), and run as root");
    }
  }

  /** A directory gets the standard archive name inside; anything else is the file name itself. */
  private static Path targetFile(Path output, String fileName) {
    Path target = Files.isDirectory(output) ? output.resolve(fileName) : output;
    if (Files.exists(target)) {
      throw new SwarmsnapException(
          ExitCode.CONFLICT, target + " already exists; swarmsnap never overwrites a backup",
          "choose another --output, or move the old archive away");
    }
    if (target.getParent() != null && !Files.isDirectory(target.toAbsolutePath().getParent())) {
      throw new SwarmsnapException(
          ExitCode.NOT_FOUND, "the output directory " + target.toAbsolutePath().getParent() + " does not exist",
          "create it first, or pass another --output");
    }
    return target;
  }

  private static List<ArchiveSource> sources(Path staging, List<StagedFile> files) {
    return files.stream()
        .filter(f -> !f.directory())
        .map(f -> new ArchiveSource(f.path(), staging.resolve(f.path())))
        .toList();
  }

  private static Instant firstExpiry(SwarmState state) {
    Instant node = state.certificates().nodeNotAfter();
    Instant ca = state.certificates().caNotAfter();
    return node.isBefore(ca) ? node : ca;
  }

  private static Map<String, Integer> counts(SwarmState state) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("nodes", state.nodes().size());
    counts.put("services", state.services().size());
    counts.put("networks", state.networks().size());
    counts.put("configs", state.configs().size());
    counts.put("secrets", state.secrets().size());
    counts.put("tasks", state.tasks().size());
    return counts;
  }
}
