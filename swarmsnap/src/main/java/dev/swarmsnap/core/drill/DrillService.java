package dev.swarmsnap.core.drill;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.core.inspect.SwarmSource;
import dev.swarmsnap.core.keys.UnlockKeyReader;
import dev.swarmsnap.core.keys.UnlockKeySource;
import dev.swarmsnap.core.replace.NewUnlockKeyDestination;
import dev.swarmsnap.core.replace.RestoreListener;
import dev.swarmsnap.core.restore.RestoreReport;
import dev.swarmsnap.core.restore.RestoreRequest;
import dev.swarmsnap.core.restore.RestoreService;
import dev.swarmsnap.core.restore.TargetEngine;
import dev.swarmsnap.core.verify.ApiView;
import dev.swarmsnap.core.verify.Verification;
import dev.swarmsnap.core.verify.VerifyService;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs a drill: the archive verified as {@code verify} does (a corrupt one ends here, exit 4), its
 * state read, then a fresh {@link Sandbox}, the same {@link RestoreService} run as {@code restore}
 * against the sandbox engine, and the sandbox's objects compared with the archive's. The sandbox
 * is removed on every path; one left by a killed drill is removed first.
 */
public final class DrillService {
  /** The phase (a test's kill point, docs/architecture.md) where the sandbox runs and the restore has not begun. */
  public static final String SANDBOX_READY = "sandbox-ready";
  /** The in-memory variable that hands the key, read once, to the restore. */
  private static final String KEY_VARIABLE = "SWARMSNAP_DRILL_UNLOCK_KEY";
  /** The watchdog's deadline inside the sandbox: the sandbox engine is the only one it can start. */
  private static final Duration MAX_DOWNTIME = Duration.ofMinutes(5);

  private final Clock clock;
  private final UnlockKeyReader keyReader;
  private final AgeIdentities identities;
  private final SandboxFactory sandboxes;
  private final ManifestCodec codec = new ManifestCodec();

  /**
   * @param keyReader reads the key from where the user said, once
   * @param identities open an age-encrypted archive; owned (and wiped) by the caller
   */
  public DrillService(Clock clock, UnlockKeyReader keyReader, AgeIdentities identities, SandboxFactory sandboxes) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keyReader = Objects.requireNonNull(keyReader, "keyReader");
    this.identities = Objects.requireNonNull(identities, "identities");
    this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
  }

  public DrillReport run(DrillRequest request, RestoreListener listener) {
    Instant started = clock.instant();
    sandboxes.removeStale().forEach(listener::step);
    ArchiveReader reader = new ArchiveReader(codec, identities);
    listener.step("reading " + request.archive());
    Manifest manifest = reader.readManifest(request.archive());
    char[] keyText = null;
    UnlockKey key = null;
    try {
      if (manifest.lock().autolock()) {
        keyText = keyReader.read(request.keySource().orElseThrow(() -> new BadInputException(
            "this backup is autolocked: a drill restores it, which needs the unlock key that was current at backup time",
            "pass it with --unlock-key-file, --unlock-key-env, --unlock-key-cmd or --unlock-key-stdin")));
        key = UnlockKey.parse(keyText);
      }
      listener.step("verifying the archive");
      SwarmState archived = verified(request.archive(), reader, Optional.ofNullable(key));
      return inSandbox(request, manifest, archived, keyText, started, listener);
    } finally {
      if (keyText != null) {
        Arrays.fill(keyText, '\0');
      }
      if (key != null) {
        key.wipe();
      }
    }
  }

  private SwarmState verified(Path archive, ArchiveReader reader, Optional<UnlockKey> key) {
    Verification verification = new VerifyService(reader, clock).verify(archive, key);
    if (verification.failed()) {
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "the archive does not verify, so it was not restored: " + failures(verification.findings()),
          "run 'swarmsnap verify' on it for every check, and drill another backup");
    }
    return new SwarmStateVerifier().verify(SwarmSource.open(archive, reader).files(), key).state()
        .orElseThrow(() -> new SwarmsnapException(ExitCode.VERIFY_FAILED,
            "the archive's swarm state could not be read", "run 'swarmsnap verify' on it"));
  }

  private DrillReport inSandbox(
      DrillRequest request, Manifest manifest, SwarmState archived, char[] keyText, Instant started,
      RestoreListener listener) {
    listener.step("starting a sandbox engine (" + request.dockerd() + ")");
    try (Sandbox sandbox = sandboxes.create(request.dockerd())) {
      listener.step("sandbox " + sandbox.name() + " at " + sandbox.address());
      listener.reached(SANDBOX_READY);
      String engineVersion = sandbox.engine().version().version();
      RestoreRequest restore = restoreRequest(request, sandbox, keyText != null);
      Map<String, String> keyEnvironment = keyText == null ? Map.of() : Map.of(KEY_VARIABLE, new String(keyText));
      Instant restoreStarted = clock.instant();
      RestoreReport restored = new RestoreService(
              clock, new UnlockKeyReader(keyEnvironment, InputStream.nullInputStream(), null), identities)
          .run(restore, sandbox.engine(), sandbox.control(), listener);
      long rto = Duration.between(restoreStarted, clock.instant()).toMillis();
      listener.step("comparing the sandbox's objects with the archive's");
      List<Finding> comparisons = new DrillComparison()
          .compare(archived, manifest.node().nodeId(), new ApiView(sandbox.engine().apiSnapshot()));
      listener.step("removing sandbox " + sandbox.name());
      return new DrillReport(
          request.archive().toString(), manifest.node().clusterId(), manifest.node().nodeId(), started,
          sandbox.name(), engineVersion, rto, Duration.between(started, clock.instant()).toMillis(),
          new TreeMap<>(restored.objects()), comparisons, differences(comparisons),
          restored.warnings());
    }
  }

  /**
   * The restore as {@code restore} would run it on the sandbox's host: its swarm directory, its
   * address, a run directory and the new unlock key's file inside the sandbox (removed with it).
   */
  private static RestoreRequest restoreRequest(DrillRequest request, Sandbox sandbox, boolean autolocked) {
    Path runDir = sandbox.workDir().resolve("run");
    createDirectory(runDir);
    return new RestoreRequest(
        request.archive(),
        Optional.of(sandbox.swarmDir()),
        autolocked ? Optional.of(new UnlockKeySource.Env(KEY_VARIABLE)) : Optional.empty(),
        Optional.of(new NewUnlockKeyDestination.File(sandbox.workDir().resolve("new-unlock-key"))),
        Optional.of(sandbox.address()),
        false,
        true,
        false,
        runDir,
        MAX_DOWNTIME,
        new TargetEngine(request.dockerd(), false),
        request.maxStateBytes());
  }

  private static List<String> differences(List<Finding> comparisons) {
    return comparisons.stream().filter(f -> f.level() == Finding.Level.FAIL)
        .map(f -> f.check() + ": " + f.reason()).toList();
  }

  private static String failures(List<Finding> findings) {
    return findings.stream().filter(f -> f.level() == Finding.Level.FAIL)
        .map(f -> f.check() + ": " + f.reason()).collect(Collectors.joining("; "));
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "cannot create " + dir + " in the sandbox: " + e.getMessage(),
          "check the lab registry's file system", e);
    }
  }
}
