package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.ArchiveProblem;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.StateWithSpecs;
import dev.swarmsnap.swarmstate.SwarmStateReader;
import dev.swarmsnap.swarmstate.model.SwarmState;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code inspect}: reads a swarm directory or archive offline, strictly. An archive is first read
 * whole against its manifest, and its manifest checked against the state: inspect reads only the
 * entries it needs, and must not vouch for an archive holding links, devices, {@code ..} names,
 * unlisted or duplicate entries past them (verify reports each such problem). Stateless.
 */
public final class InspectService {
  private final ArchiveReader archives;
  private final SwarmStateReader reader = new SwarmStateReader();

  public InspectService(ArchiveReader archives) {
    this.archives = Objects.requireNonNull(archives, "archives");
  }

  /**
   * @param unlockKey needed only for an autolocked swarm; not wiped here
   * @param revealSecrets include secret values (redacted everywhere else)
   * @throws dev.swarmsnap.error.WrongUnlockKeyException if the key does not open it, naming the
   *     key the backup was taken with when an archive recorded one
   * @throws SwarmsnapException for a missing path or damaged input; exit code 4 for an archive
   *     whose entries or manifest verify would fail
   */
  public Inspection inspect(Path path, Optional<UnlockKey> unlockKey, boolean revealSecrets) {
    SwarmSource source = SwarmSource.open(path, archives);
    if (source.isArchive()) {
      requireIntact(path);
    }
    SwarmState state = new KeyMismatch(source).explained(unlockKey,
        () -> reader.read(source.files(), unlockKey, revealSecrets));
    source.manifest().ifPresent(m -> requireAgreement(path, m, source, state));
    return new Inspection(source.path().toString(), source.isArchive(),
        source.manifest().map(m -> m.createdAt().toString()), state,
        source.manifest().map(Manifest::mode), source.manifest().flatMap(Manifest::walCut));
  }

  /**
   * Reads like {@link #inspect}, with the same checks of an archive, and also every user object's
   * full spec, for the logical export and diff.
   *
   * @param unlockKey needed only for an autolocked swarm; not wiped here
   */
  public SpecsInspection inspectSpecs(Path path, Optional<UnlockKey> unlockKey) {
    SwarmSource source = SwarmSource.open(path, archives);
    if (source.isArchive()) {
      requireIntact(path);
    }
    StateWithSpecs read = new KeyMismatch(source).explained(unlockKey,
        () -> reader.readWithSpecs(source.files(), unlockKey));
    source.manifest().ifPresent(m -> requireAgreement(path, m, source, read.state()));
    return new SpecsInspection(source.path().toString(), source.manifest(), read);
  }

  private void requireIntact(Path path) {
    ArchiveReport report = archives.verify(path, ProgressListener.NONE);
    if (!report.intact()) {
      ArchiveProblem first = report.problems().get(0);
      int more = report.problems().size() - 1;
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "archive " + path + " fails its integrity check: " + first + (more > 0 ? " (and " + more + " more)" : ""),
          "run 'swarmsnap verify' on it for every problem; use another backup");
    }
  }

  private static void requireAgreement(Path path, Manifest manifest, SwarmSource source, SwarmState state) {
    Finding agreement = new ManifestAgreement().check(manifest,
        ManifestAgreement.StateFacts.read(source.files(), Optional.of(state)));
    if (agreement.level() == Finding.Level.FAIL) {
      throw new SwarmsnapException(ExitCode.VERIFY_FAILED,
          "archive " + path + ": " + agreement.reason(),
          "the manifest does not describe the archived state: the backup is damaged; use another backup");
    }
  }
}
