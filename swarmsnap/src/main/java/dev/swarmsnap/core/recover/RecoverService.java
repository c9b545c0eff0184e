package dev.swarmsnap.core.recover;

import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.replace.AutolockHandover;
import dev.swarmsnap.core.replace.NodeStartConfig;
import dev.swarmsnap.core.replace.PlanApproval;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.replace.RestorePlan;
import dev.swarmsnap.core.restore.RestorePlanner;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.core.verify.SurvivalCheck;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.process.RestartGuard;
import dev.swarmsnap.engine.process.WatchdogGuard;
import dev.swarmsnap.hostlock.HostLock;
import dev.swarmsnap.engine.process.SwapJournal;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
import dev.swarmsnap.swarmstate.model.NodeInfo;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * Recovers a cluster that lost quorum from a surviving manager's own state: confirms the loss
 * ({@link QuorumProbe}), reads the state offline and plans ({@link RecoverPlanner}) without changing
 * anything, asks, then forces a new cluster ({@link RecoverRun}), turns autolock back on if it was
 * on, and compares what the engine lists with the state from before. {@code --dry-run} stops after
 * the plan.
 */
public final class RecoverService {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final UnlockKeyReader keyReader;
  private final AutolockHandover autolockHandover = new AutolockHandover();
  private final RestartGuard guard;

  public RecoverService(Clock clock, UnlockKeyReader keyReader) {
    this(clock, keyReader, new WatchdogGuard());
  }

  /** @param guard what restarts the engine if this process dies during the outage */
  public RecoverService(Clock clock, UnlockKeyReader keyReader, RestartGuard guard) {
    this.clock = clock;
    this.keyReader = keyReader;
    this.guard = java.util.Objects.requireNonNull(guard, "guard");
  }

  public RecoverReport run(RecoverRequest request, EngineClient engine, EngineControl control, RestoreListener listener) {
    Instant started = clock.instant();
    try (HostLock lock = HostLock.acquire(request.runDir().resolve("swarmsnap.lock"), "recover")) {
      if (!engine.ping()) {
        throw new SwarmsnapException(ExitCode.ENGINE_UNREACHABLE,
            "the engine at " + engine.endpoint() + " does not answer; recover confirms the quorum loss through it",
            "start the engine; if this node's state is lost too, restore a backup with 'swarmsnap restore'");
      }
      EngineInfo info = engine.info();
      Path swarmDir = request.swarmDir().orElse(Path.of(info.dockerRootDir(), "swarm")).toAbsolutePath().normalize();
      SwapJournal.refuseIfPresent(swarmDir);
      listener.step("confirming that quorum is lost (the engine must say so for " + request.settle().toSeconds() + " s)");
      QuorumEvidence quorum = new QuorumProbe(clock, request.settle(),
          swarmDir.resolve("certificates/swarm-root-ca.crt"), Duration.ofSeconds(2)).confirm(engine);
      String stamp = STAMP.format(started);
      boolean autolock = NodeKeyFile.read(swarmDir.resolve("certificates/swarm-node.key")).encrypted()
          || info.swarm().autolock().orElse(false);
      char[] keyText = null;
      UnlockKey key = null;
      try {
        if (autolock && request.keySource().isPresent()) {
          keyText = keyReader.read(request.keySource().get());
          key = UnlockKey.parse(keyText);
          listener.step("checking the unlock key against this node's key");
          new UnlockKeyCheck().check(swarmDir, key);
        }
        if (autolock && request.newKey().isPresent()) {
          autolockHandover.checkUsable(request.newKey().get());
        }
        Optional<UnlockKey> givenKey = Optional.ofNullable(key);
        Optional<SwarmState> state = Optional.empty();
        if (!autolock || key != null) {
          listener.step("reading this node's swarm state offline");
          state = Optional.of(verified(swarmDir, givenKey));
        }
        String selfId = info.swarm().nodeId();
        NodeStartConfig start = NodeStartConfig.read(swarmDir.resolve("docker-state.json"));
        String advertise = request.advertiseAddr().orElseGet(() -> RestorePlanner.host(
            start.advertiseAddr().orElse(info.swarm().nodeAddr())));
        RecoverFacts facts = new RecoverFacts(
            quorum, control.describe(), swarmDir,
            swarmDir.resolveSibling(swarmDir.getFileName() + ".before-recover-" + stamp),
            swarmDir.resolveSibling(".swarmsnap-recover-" + stamp),
            info.swarm().clusterId().orElse(""), selfId, info.hostname(), advertise, start.listenAddr(),
            state.map(RecoverService::counts).orElse(Map.of()),
            state.map(s -> otherManagers(s, selfId)).orElse(List.of()),
            autolock, key != null, request.newKey(), SwarmDirectoryCopy.size(swarmDir), usableSpace(swarmDir));
        RestorePlan plan = new RecoverPlanner().plan(facts);
        plan.warnings().forEach(listener::warn);
        PlanApproval approval =
            new PlanApproval("recover", "makes this node the only manager of a new raft cluster", listener);
        approval.requireNotRefused(plan);
        if (request.dryRun()) {
          return report(facts, facts.objects(), plan, List.of(), List.of(), Optional.empty(), false, 0, started, true);
        }
        approval.requireConfirmation(plan, request.confirmed(), request.interactive());
        RecoverRun.Outcome outcome = new RecoverRun(new RecoverContext(request, engine, control, guard, listener, clock))
            .execute(facts, givenKey, dir -> verified(dir, givenKey), stamp);
        Optional<String> keyPlace = autolock
            ? Optional.of(autolockHandover.relock(engine, request.newKey().get(), listener))
            : Optional.empty();
        listener.step("comparing the objects the engine lists with the state from before");
        List<Finding> comparison = new SurvivalCheck().compare(outcome.before(), new ApiView(engine.apiSnapshot()));
        long downtime = Duration.between(outcome.stoppedAt(), outcome.ledAt()).toMillis();
        return report(facts, counts(outcome.before()), plan, outcome.stepsDone(), comparison, keyPlace, true, downtime,
            started, false);
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

  private static SwarmState verified(Path swarmDir, Optional<UnlockKey> key) {
    VerifyReport verify = new SwarmStateVerifier().verify(swarmDir, key);
    if (verify.failed() || verify.state().isEmpty()) {
      String failures = verify.findings().stream()
          .filter(f -> f.level() == Finding.Level.FAIL)
          .map(f -> f.check() + ": " + f.reason())
          .collect(Collectors.joining("; "));
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "this node's swarm state at " + swarmDir + " does not read back cleanly: " + failures,
          "run 'swarmsnap verify " + swarmDir + "'; if another manager survived, recover there, else restore a backup");
    }
    return verify.state().get();
  }

  private static List<String> otherManagers(SwarmState state, String selfId) {
    return state.nodes().stream()
        .filter(n -> "manager".equals(n.role()) && !n.id().equals(selfId))
        .map(NodeInfo::name)
        .sorted()
        .toList();
  }

  private static long usableSpace(Path swarmDir) {
    try {
      return Files.getFileStore(swarmDir.getParent()).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  static Map<String, Integer> counts(SwarmState state) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("nodes", state.nodes().size());
    counts.put("services", state.services().size());
    counts.put("networks", state.networks().size());
    counts.put("configs", state.configs().size());
    counts.put("secrets", state.secrets().size());
    return counts;
  }

  private static RecoverReport report(
      RecoverFacts facts, Map<String, Integer> objects, RestorePlan plan, List<String> done, List<Finding> comparison, Optional<String> keyPlace,
      boolean moved, long downtime, Instant started, boolean dryRun) {
    boolean match = comparison.stream().noneMatch(f -> f.level() == Finding.Level.FAIL);
    List<String> next = new ArrayList<>();
    if (!dryRun) {
      next.add("add managers until there are 3 (or 5): run 'docker swarm join-token manager' here and the printed"
          + " 'docker swarm join' on each new or wiped manager");
      for (String old : facts.otherManagers()) {
        next.add("old manager " + old + ": if it comes back with its old state, run 'docker node demote " + old
            + "' then 'docker node promote " + old + "' here; if it is gone for good, 'docker node rm " + old + "'");
      }
      next.add("back up now ('swarmsnap backup'): older backups describe the cluster before the loss");
      next.add("the original swarm directory is kept at " + facts.aside() + "; remove it once you are satisfied");
      if (!match) {
        next.add("some objects differ from the state before the recovery: see the comparison, and compare with"
            + " 'swarmsnap inspect " + facts.aside() + "'");
      }
    }
    return new RecoverReport(
        dryRun, facts.quorum(), plan, done, facts.swarmDir().toString(),
        moved ? Optional.of(facts.aside().toString()) : Optional.empty(),
        facts.clusterId(), facts.nodeId(), facts.hostname(), facts.advertiseAddr(), !dryRun, objects,
        comparison, match, facts.otherManagers(), facts.autolock(), keyPlace, downtime,
        Duration.between(started, Instant.now()).toMillis(), plan.warnings(), next);
  }
}
