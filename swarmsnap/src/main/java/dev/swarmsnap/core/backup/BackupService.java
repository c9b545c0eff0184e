package dev.swarmsnap.core.backup;

import dev.swarmsnap.archive.ArchiveName;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveSource;
import dev.swarmsnap.archive.ArchiveWriter;
import dev.swarmsnap.archive.CheckedArchiveWriter;
import dev.swarmsnap.archive.CompressionSettings;
import dev.swarmsnap.archive.WrittenArchive;
import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.manifest.Manifest;
import dev.swarmsnap.core.manifest.ManifestCodec;
import dev.swarmsnap.core.status.BackupSafety;
import dev.swarmsnap.core.status.SwarmView;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeKeyPair;
import dev.swarmsnap.crypto.age.AgeRecipients;
import dev.swarmsnap.durable.AtomicFileWriter;
import dev.swarmsnap.durable.StagingDirectory;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.process.EngineOutage;
import dev.swarmsnap.engine.process.HostLock;
import dev.swarmsnap.engine.process.OutageSettings;
import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.IOException;
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
import java.util.stream.Collectors;

/**
 * A cold backup of this manager, done right: preflight, lock, key check, API snapshot, then a short
 * outage that copies only real bytes, then unlock and wait for the node, then verify, archive and
 * read the archive back. The engine is down only for the copy (lab-notes §3; issue: short downtime).
 */
public final class BackupService {
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

  private final Clock clock;
  private final UnlockKeyReader keyReader;
  private final BackupPreflight preflight = new BackupPreflight();
  private final BackupSafety safety = new BackupSafety();
  private final UnlockKeyCheck keyCheck = new UnlockKeyCheck();
  private final StagingCopier copier = new StagingCopier();
  private final ManifestAssembler manifests = new ManifestAssembler();
  private final ManifestCodec codec = new ManifestCodec();
  private final Optional<AgeRecipients> encryption;

  public BackupService(Clock clock, UnlockKeyReader keyReader) {
    this(clock, keyReader, Optional.empty());
  }

  /**
   * @param encryption when present, the archive is age-encrypted to these recipients as it is
   *     written (and gets the {@code .swarmsnap.age} name)
   */
  public BackupService(Clock clock, UnlockKeyReader keyReader, Optional<AgeRecipients> encryption) {
    this.clock = clock;
    this.keyReader = keyReader;
    this.encryption = Objects.requireNonNull(encryption, "encryption");
  }

  public BackupReport run(BackupRequest request, EngineClient engine, EngineControl control, BackupListener listener) {
    Instant started = clock.instant();
    // The lock comes first: a second backup on this host would otherwise be refused for the
    // quorum the first one is holding down, which names the wrong cause.
    try (HostLock lock = HostLock.acquire(request.runDir().resolve("swarmsnap.lock"), "backup");
        EncryptionPreparation prepared = encryption.map(EncryptionPreparation::start).orElse(null)) {
      listener.step("checking the swarm at " + engine.endpoint());
      SwarmView view = SwarmView.of(engine);
      Preflight decision = preflight.check(safety.evaluate(view.swarm(), view.nodes()), request.options());
      if (decision.needsConfirmation() && !listener.confirm(decision.warnings())) {
        throw new SwarmsnapException(ExitCode.UNSAFE, "backup cancelled: the outage was not confirmed", null);
      }
      List<String> warnings = new ArrayList<>(decision.warnings());
      decision.warnings().forEach(listener::warn);
      Path swarmDir = request.swarmDir().orElse(Path.of(view.info().dockerRootDir(), "swarm"));
      SwapJournal.refuseIfPresent(swarmDir);
      requireSwarmDirectory(swarmDir);
      String clusterId = view.swarm().clusterId().orElse("unknown");
      ArchiveName name = ArchiveName.of(clusterId, view.info().hostname(), started);
      Path target = targetFile(request.output(), encryption.isPresent() ? name.encryptedFileName() : name.fileName());
      char[] keyText = null;
      UnlockKey key = null;
      try {
        Optional<UnlockKeyCheck.Fitted> fitted = Optional.empty();
        if (view.swarm().autolock().orElse(false)) {
          listener.step("autolock is on: checking the unlock key against this node's key");
          keyText = request.keySource().map(keyReader::read).orElseGet(engine::unlockKey);
          key = UnlockKey.parse(keyText);
          fitted = Optional.of(keyCheck.check(swarmDir, key));
          String keep = "autolock is on: restoring this backup needs the unlock key that is current now ("
              + fitted.get().fingerprint() + "); it is NOT in the archive. Keep it off this host,"
              + " e.g. in your password manager (docker swarm unlock-key -q prints it)";
          listener.warn(keep);
          warnings.add(keep);
        }
        return backUp(request, engine, control, listener, view, swarmDir, target, keyText, key, fitted, warnings,
            Optional.ofNullable(prepared), started);
      } finally {
        if (keyText != null) {
          Arrays.fill(keyText, '\0');
        }
        if (key != null) {
          key.wipe();
        }
      }
    }
  }

  private BackupReport backUp(
      BackupRequest request,
      EngineClient engine,
      EngineControl control,
      BackupListener listener,
      SwarmView view,
      Path swarmDir,
      Path target,
      char[] keyText,
      UnlockKey key,
      Optional<UnlockKeyCheck.Fitted> fitted,
      List<String> warnings,
      Optional<EncryptionPreparation> prepared,
      Instant started) {
    listener.reached("preflight");
    listener.step("recording the engine's own view of the swarm (API snapshot)");
    SortedMap<String, byte[]> api = engine.apiSnapshot();
    try (StagingDirectory staging = StagingDirectory.createNextTo(target)) {
      List<StagedFile> apiFiles = new ApiSnapshotWriter().write(api, staging.path());
      // Refuses here, with the engine untouched, if the archive could not be encrypted.
      Optional<AgeKeyPair> readBackKey = prepared.map(EncryptionPreparation::readBackKey);
      listener.step("stopping the engine (" + control.describe() + ")");
      List<StagedFile> swarmFiles;
      Instant stoppedAt;
      Instant exitedAt;
      Instant copiedAt;
      OutageSettings settings = new OutageSettings(
          request.runDir(), request.options().maxDowntime(), Duration.ofSeconds(60), Duration.ofSeconds(60),
          Optional.of(staging.path())).withApi(engine).withPhases(listener::reached);
      try (EngineOutage outage = EngineOutage.begin(control, settings, clock.instant())) {
        stoppedAt = outage.stoppedAt();
        exitedAt = outage.exitedAt();
        listener.step("engine stopped; copying the swarm directory's real data");
        outage.reached("copying");
        swarmFiles = copier.copy(swarmDir, staging.path());
        copiedAt = clock.instant();
        if (outage.watchdogFired()) {
          throw new SwarmsnapException(
              ExitCode.FAILED,
              "the maximum downtime (" + request.options().maxDowntime().toSeconds()
                  + " s) passed during the copy and the watchdog started the engine: the copy may be torn; nothing was written",
              "raise --max-downtime, or look at why copying was slow (disk, I/O load)");
        }
        listener.step("starting the engine");
        outage.restart();
      }
      listener.reached("unlocking");
      NodeRecovery.Recovered recovered = new NodeRecovery(clock).await(
          engine, view.swarm().nodeId(), Optional.ofNullable(keyText), RECOVERY_TIMEOUT);
      long downtime = Duration.between(stoppedAt, recovered.apiAnswering()).toMillis();
      listener.step("engine back after " + downtime + " ms; node ready and reachable");

      listener.step("verifying the copied state");
      VerifyReport verify = new SwarmStateVerifier().verify(staging.path().resolve("swarm"), Optional.ofNullable(key));
      requirePassed(verify);
      SwarmState state = verify.state().orElseThrow();

      List<StagedFile> staged = new ArrayList<>(apiFiles);
      staged.addAll(swarmFiles);
      List<StagedFile> all = copier.hashed(staged, staging.path());
      var manifest = manifests.assemble(
          request.toolVersion(), started, view, fitted, state.raft(), downtime, all);
      WrittenArchive written = writeAndReadBack(target, manifest, sources(staging.path(), all), readBackKey, listener);
      long realData = swarmFiles.stream().mapToLong(StagedFile::storedLength).sum();
      return new BackupReport(
          written.path().toString(),
          written.size(),
          written.sha256().hex(),
          started,
          view.swarm().clusterId().orElse(""),
          view.swarm().nodeId(),
          view.info().hostname(),
          view.version().version(),
          control.describe(),
          fitted.isPresent(),
          fitted.map(UnlockKeyCheck.Fitted::fingerprint),
          realData,
          new BackupReport.Timings(
              Duration.between(stoppedAt, exitedAt).toMillis(),
              Duration.between(exitedAt, copiedAt).toMillis(),
              Duration.between(copiedAt, recovered.apiAnswering()).toMillis()),
          downtime,
          Duration.between(stoppedAt, recovered.ready()).toMillis(),
          Duration.between(started, clock.instant()).toMillis(),
          counts(state),
          state.raft().snapshotIndex(),
          state.raft().lastIndex(),
          warnings,
          Optional.of(firstExpiry(state)));
    }
  }

  /**
   * Writes the archive, encrypted when asked, and reads it back whole while it is written
   * ({@link CheckedArchiveWriter}). An encrypted archive is also encrypted to {@code readBackKey}, a
   * single-use key pair that never leaves memory, so the check decrypts the very bytes that went to
   * disk without the user's identity (docs/archive-format.md).
   */
  private WrittenArchive writeAndReadBack(Path target, Manifest manifest, List<ArchiveSource> sources,
      Optional<AgeKeyPair> readBackKey, BackupListener listener) {
    CheckedArchiveWriter writer;
    if (encryption.isEmpty()) {
      listener.step("writing " + target);
      writer = new CheckedArchiveWriter(
          new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults()), new ArchiveReader(codec));
    } else {
      AgeRecipients recipients = encryption.get();
      AgeKeyPair key = readBackKey.orElseThrow();
      listener.step("writing " + target + " (age-encrypted to " + recipients.list().size()
          + (recipients.list().size() == 1 ? " recipient)" : " recipients)"));
      writer = new CheckedArchiveWriter(
          new ArchiveWriter(new AtomicFileWriter(), codec, CompressionSettings.defaults(),
              Optional.of(recipients.plus(key.recipient()))),
          new ArchiveReader(codec, key.identity()));
    }
    CheckedArchiveWriter.Result result = writer.write(target, manifest, sources, listener::progress);
    if (!result.intact()) {
      Path archive = result.archive().path();
      try {
        Files.deleteIfExists(archive);
      } catch (IOException ignored) {
        // Reported below either way; a leftover damaged archive is named in the message.
      }
      throw new SwarmsnapException(
          ExitCode.VERIFY_FAILED,
          "the archive written to " + archive + " does not read back intact: " + result.problems(),
          "check the disk it was written to; the engine runs and nothing else changed");
    }
    return result.archive();
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

  private static void requirePassed(VerifyReport verify) {
    if (verify.failed()) {
      String failures = verify.findings().stream()
          .filter(f -> f.level() == Finding.Level.FAIL)
          .map(f -> f.check() + ": " + f.reason())
          .collect(Collectors.joining("; "));
      throw new SwarmsnapException(
          ExitCode.VERIFY_FAILED,
          "the copied state does not verify, so no archive was written: " + failures,
          "run 'swarmsnap verify " + "<swarm dir>' on this node's state to see every check");
    }
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
