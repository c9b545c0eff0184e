package dev.swarmsnap.core.restore;

import dev.swarmsnap.core.replace.PlanApproval;
import dev.swarmsnap.core.replace.NodeStartConfig;
import dev.swarmsnap.core.replace.AutolockHandover;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ExtractionLimits;
import dev.swarmsnap.archive.SafeExtractor;
import dev.swarmsnap.core.inspect.KeyMismatch;
import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.archive.manifest.ManagerEntry;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.inspect.ManifestAgreement;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.durable.TreeRemover;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.process.DockerdBinary;
import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.shell.ShellCommand;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.files.DirectorySwarmFiles;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Restores one manager from an archive: preflight (extract and verify next to the swarm directory,
 * check the unlock key, versions and disk) without changing anything, then the plan of {@link
 * RestorePlanner}, carried out by {@link RestoreRun}. {@code --dry-run} stops after the preflight.
 */
public final class RestoreService {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final UnlockKeyReader keyReader;
  private final ManifestCodec codec = new ManifestCodec();
  private final RestorePlanner planner = new RestorePlanner();
  private final AutolockHandover autolockHandover = new AutolockHandover();

  private final AgeIdentities identities;
  private final DockerdBinary dockerdBinary;

  public RestoreService(Clock clock, UnlockKeyReader keyReader) {
    this(clock, keyReader, AgeIdentities.none());
  }

  /** @param identities open an age-encrypted archive; owned (and wiped) by the caller */
  public RestoreService(Clock clock, UnlockKeyReader keyReader, AgeIdentities identities) {
    this(clock, keyReader, identities, new DockerdBinary(new ShellCommand()));
  }

  /** @param dockerdBinary tells the version of a stopped engine's binary */
  public RestoreService(Clock clock, UnlockKeyReader keyReader, AgeIdentities identities, DockerdBinary dockerdBinary) {
    this.clock = clock;
    this.keyReader = keyReader;
    this.identities = java.util.Objects.requireNonNull(identities, "identities");
    this.dockerdBinary = java.util.Objects.requireNonNull(dockerdBinary, "dockerdBinary");
  }

  public RestoreReport run(RestoreRequest request, EngineClient engine, EngineControl control, RestoreListener listener) {
    Instant started = clock.instant();
    try (var lock = dev.swarmsnap.hostlock.HostLock.acquire(request.runDir().resolve("swarmsnap.lock"), "restore")) {
      listener.step("reading " + request.archive());
      Manifest manifest = new ArchiveReader(codec, identities).readManifest(request.archive());
      boolean autolock = manifest.lock().autolock();
      requireKeyPlaces(request, autolock);
      boolean running = control.isRunning() && engine.ping();
      Optional<EngineInfo> info = running ? Optional.of(engine.info()) : Optional.empty();
      TargetEngine.Version engineVersion = running
          ? TargetEngine.Version.running(engine.version().version())
          : request.targetEngine().probe(dockerdBinary);
      Path swarmDir = swarmDir(request, info).toAbsolutePath().normalize();
      RestoreStaging.removeAbandoned(swarmDir).forEach(listener::step);
      SwapJournal.refuseIfPresent(swarmDir);
      String stamp = STAMP.format(started);
      Path staging = swarmDir.resolveSibling(RestoreStaging.PREFIX + stamp);
      char[] keyText = null;
      UnlockKey key = null;
      try {
        if (autolock) {
          keyText = keyReader.read(request.keySource().get());
          key = UnlockKey.parse(keyText);
        }
        listener.step("extracting and verifying the archive into " + staging);
        Path extraction = RestoreStaging.create(swarmDir, stamp).extraction();
        new SafeExtractor(codec, ExtractionLimits.defaults().withMaxStateBytes(request.maxStateBytes()), identities)
            .extract(request.archive(), extraction, listener::progress);
        Path restored = extraction.resolve("swarm");
        requireAgreement(manifest, restored, Optional.empty());
        if (key != null) {
          listener.step("checking the unlock key against the backup's node key");
          UnlockKey given = key;
          new KeyMismatch(Optional.of(manifest)).explained(
              Optional.of(given), () -> new UnlockKeyCheck().check(restored, given));
        }
        listener.step("checking the restored swarm state offline");
        SwarmState state = verified(restored, Optional.ofNullable(key));
        requireAgreement(manifest, restored, Optional.of(state));
        NodeStartConfig start = NodeStartConfig.read(restored.resolve("docker-state.json"));
        String advertise = request.advertiseAddr()
            .orElseGet(() -> RestorePlanner.host(start.advertiseAddr().orElse(state.raft().addr())));
        String backupRaftAddr = selfRaftAddr(state);
        RestoreFacts facts = new RestoreFacts(
            request.archive(), manifest, engineVersion, control.describe(), swarmDir, Files.exists(swarmDir),
            swarmDir.resolveSibling(swarmDir.getFileName() + ".before-restore-" + stamp), staging, advertise,
            start.listenOn(RestorePlanner.host(backupRaftAddr), RestorePlanner.host(advertise)), backupRaftAddr,
            staleManagers(manifest), usableSpace(staging), request.newKey());
        RestorePlan plan = planner.plan(facts);
        plan.warnings().forEach(listener::warn);
        PlanApproval approval = new PlanApproval("restore", "replaces this node's swarm state", listener);
        approval.requireNotRefused(plan);
        if (request.dryRun()) {
          return report(request, facts, plan, state, List.of(), Optional.empty(), List.of(), false, 0, started, true);
        }
        approval.requireConfirmation(plan, request.confirmed(), request.interactive());
        if (key != null) {
          listener.step("rewriting the restored node key unlocked (offline)");
          autolockHandover.rewriteUnlocked(restored.resolve("certificates/swarm-node.key"), key);
        }
        List<String> prepared = new ArrayList<>();
        String raftAddr = RestorePlanner.newRaftAddr(facts);
        listener.step("making the restored state a one-manager cluster at " + raftAddr + " (offline)");
        OneManagerStart.Result single = new OneManagerStart().apply(restored, state, raftAddr, facts.listenAddr());
        prepared.add("restored raft state rewritten offline as a one-manager cluster at index " + single.index()
            + " (" + single.removedMembers() + " other member(s) removed, " + single.droppedEntries()
            + " uncommitted entries dropped, read back offline)"
            + (plan.otherAddress() ? "; raft address moved from " + single.oldRaftAddr() + " to " + raftAddr : "")
            + "; docker-state.json points at " + RestorePlanner.host(raftAddr));
        RestoreRun.Outcome outcome = new RestoreRun(clock, request, engine, control, listener)
            .execute(facts, plan, restored, stamp);
        prepared.addAll(outcome.stepsDone());
        Optional<String> keyPlace = Optional.empty();
        if (autolock) {
          keyPlace = Optional.of(autolockHandover.relock(engine, request.newKey().get(), listener));
        }
        long downtime = java.time.Duration.between(outcome.stoppedAt(), outcome.ledAt()).toMillis();
        prepared.add("the node led " + java.time.Duration.between(outcome.startedAt(), outcome.ledAt()).toMillis()
            + " ms after the engine start");
        return report(request, facts, plan, state, prepared, keyPlace, outcome.removedManagers(),
            outcome.movedAside(), downtime, started, false);
      } finally {
        if (keyText != null) {
          Arrays.fill(keyText, '\0');
        }
        if (key != null) {
          key.wipe();
        }
        new TreeRemover().removeTree(staging);
      }
    }
  }

  private void requireKeyPlaces(RestoreRequest request, boolean autolock) {
    if (!autolock) {
      return;
    }
    if (request.keySource().isEmpty()) {
      throw new BadInputException(
          "this backup is autolocked: restoring it needs the unlock key that was current at backup time",
          "pass it with --unlock-key-file, --unlock-key-env, --unlock-key-cmd or --unlock-key-stdin");
    }
    if (request.newKey().isEmpty()) {
      throw new BadInputException(
          "this backup is autolocked: the restore turns autolock back on, which makes a new unlock key,"
              + " and swarmsnap never prints it; nothing was changed",
          "name where it goes with --new-unlock-key-file FILE or --new-unlock-key-cmd CMD");
    }
    autolockHandover.checkUsable(request.newKey().get());
  }

  private static Path swarmDir(RestoreRequest request, Optional<EngineInfo> info) {
    return request.swarmDir()
        .or(() -> info.map(i -> Path.of(i.dockerRootDir(), "swarm")))
        .orElseThrow(() -> new BadInputException(
            "the engine is not running, so its data-root (and swarm directory) is unknown",
            "name the swarm directory with --swarm-dir (e.g. /var/lib/docker/swarm)"));
  }

  /**
   * The manifest decides whether an unlock key is asked for and which managers are removed, so it
   * must describe the extracted state: checked before the key is tried, and again on the state.
   */
  private static void requireAgreement(Manifest manifest, Path restored, Optional<SwarmState> state) {
    Finding agreement = new ManifestAgreement().check(manifest,
        ManifestAgreement.StateFacts.read(new DirectorySwarmFiles(restored), state));
    if (agreement.level() == Finding.Level.FAIL) {
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "the archive's manifest does not describe its swarm state, nothing was changed: " + agreement.reason(),
          "run 'swarmsnap verify' on the archive, or restore another backup");
    }
  }

  private static SwarmState verified(Path restored, Optional<UnlockKey> key) {
    VerifyReport verify = new SwarmStateVerifier().verify(restored, key);
    if (verify.failed() || verify.state().isEmpty()) {
      String failures = verify.findings().stream()
          .filter(f -> f.level() == Finding.Level.FAIL)
          .map(f -> f.check() + ": " + f.reason())
          .collect(Collectors.joining("; "));
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "the archived swarm state does not verify, nothing was changed: " + failures,
          "run 'swarmsnap verify' on the archive, or restore another backup");
    }
    return verify.state().get();
  }

  /** This node's raft address in the backup: its entry in the member list, else the WAL metadata's. */
  private static String selfRaftAddr(SwarmState state) {
    return state.raft().members().stream().filter(m -> m.raftId() == state.raft().raftId())
        .map(RaftMemberInfo::addr).findFirst().orElse(state.raft().addr());
  }

  private static List<String> staleManagers(Manifest manifest) {
    return manifest.managers().stream()
        .filter(m -> !m.nodeId().equals(manifest.node().nodeId()))
        .map(ManagerEntry::hostname)
        .toList();
  }

  private static long usableSpace(Path staging) {
    try {
      return Files.getFileStore(staging).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static RestoreReport report(
      RestoreRequest request, RestoreFacts facts, RestorePlan plan, SwarmState state, List<String> done,
      Optional<String> keyPlace, List<String> removed, boolean movedAside, long downtime, Instant started,
      boolean dryRun) {
    Manifest manifest = facts.manifest();
    List<String> next = new ArrayList<>();
    if (!dryRun) {
      next.add("add managers: run 'docker swarm join-token manager' on this node and the printed 'docker swarm join'"
          + " on each fresh manager (wipe its old swarm state first)");
      if (plan.otherAddress()) {
        next.add("workers know only the old managers' addresses: on each, 'docker swarm leave -f', then join with the"
            + " command 'docker swarm join-token worker' prints here (it names " + RestorePlanner.newRaftAddr(facts) + ")");
      } else {
        next.add("workers that knew " + facts.advertiseAddr() + " reconnect on their own; any other worker: 'docker swarm"
            + " leave -f', then join with the command 'docker swarm join-token worker' prints");
      }
      if (movedAside) {
        next.add("the previous swarm directory is kept at " + facts.aside() + "; remove it once you are satisfied");
      }
    }
    List<String> warnings = new ArrayList<>(plan.warnings());
    return new RestoreReport(
        request.archive().toString(), dryRun, plan, done, facts.swarmDir().toString(),
        movedAside ? Optional.of(facts.aside().toString()) : Optional.empty(),
        manifest.node().clusterId(), manifest.node().nodeId(), manifest.node().hostname(), facts.advertiseAddr(),
        !dryRun, counts(state), removed, manifest.lock().autolock(), keyPlace, downtime,
        java.time.Duration.between(started, Instant.now()).toMillis(), warnings, next);
  }

  private static Map<String, Integer> counts(SwarmState state) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("nodes", state.nodes().size());
    counts.put("services", state.services().size());
    counts.put("networks", state.networks().size());
    counts.put("configs", state.configs().size());
    counts.put("secrets", state.secrets().size());
    return counts;
  }
}
