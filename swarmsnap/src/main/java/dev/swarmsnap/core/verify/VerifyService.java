package dev.swarmsnap.core.verify;

import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.archive.manifest.BackupMode;
import dev.swarmsnap.archive.ArchiveProblem;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.core.inspect.KeyMismatch;
import dev.swarmsnap.core.inspect.ManifestAgreement;
import dev.swarmsnap.core.inspect.SwarmSource;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.keys.NodeKeyUnlocker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code verify}: runs every check and reports each; never stops at the first problem (inspect
 * mode, house style rule 7). For an archive: its integrity (every entry's length and SHA-256
 * against the manifest, zstd checksum, tar trailer), then the state checks on its {@code swarm/}
 * entries read as a stream, certificate expiry, and the store against the archive's API
 * snapshot. Stateless.
 */
public final class VerifyService {
  private static final int SHOWN = 5;
  private final ArchiveReader archives;
  private final Clock clock;

  public VerifyService(ArchiveReader archives, Clock clock) {
    this.archives = Objects.requireNonNull(archives, "archives");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param unlockKey needed only for an autolocked swarm; not wiped here
   * @throws WrongUnlockKeyException if the key does not open the node key: no check can say more
   * @throws SwarmsnapException for a path that does not exist, a file that is no archive, or a
   *     locked swarm without a key
   */
  public Verification verify(Path path, Optional<UnlockKey> unlockKey) {
    SwarmSource source = SwarmSource.open(path, archives);
    List<Finding> findings = new ArrayList<>();
    if (source.isArchive()) {
      findings.add(archiveIntegrity(path));
    }
    ManifestAgreement.StateFacts node = ManifestAgreement.StateFacts.read(source.files(), Optional.empty());
    new KeyMismatch(source).explained(unlockKey, () -> keyOpens(node, unlockKey));
    VerifyReport state = new SwarmStateVerifier().verify(source.files(), unlockKey);
    findings.addAll(state.findings());
    source.manifest().ifPresent(m -> findings.add(new ManifestAgreement().check(m, node.with(state.state()))));
    source.manifest().ifPresent(m -> findings.add(mode(m)));
    boolean hot = source.manifest().map(m -> m.mode() == BackupMode.HOT).orElse(false);
    state.state().ifPresent(s -> {
      findings.add(new CertificateExpiry().check(s.certificates(), clock.instant()));
      if (source.isArchive()) {
        // a hot copy was taken after its API view, while the cluster worked on: at least, not equal
        ApiView api = new ApiView(apiDocuments(source));
        findings.addAll(hot ? new ApiComparison().compareAtLeast(s, api) : new ApiComparison().compare(s, api));
      }
    });
    return new Verification(source.path().toString(), source.isArchive(), findings);
  }

  /** How the archive's copy was taken, and a hot copy's WAL cut: facts, never a failure. */
  private static Finding mode(Manifest manifest) {
    if (manifest.mode() == BackupMode.COLD) {
      return new Finding("backup mode", Level.OK, "cold: copied with the engine stopped");
    }
    return new Finding("backup mode", Level.OK, "hot: copied while the engine ran"
        + manifest.walCut().map(c -> "; a torn final WAL record (" + c.bytesDropped() + " bytes) was cut from "
            + c.segment() + ", last index kept " + c.lastIndexKept()).orElse("; no WAL cut"));
  }

  private Finding archiveIntegrity(Path path) {
    ArchiveReport report = archives.verify(path, ProgressListener.NONE);
    if (report.intact()) {
      return new Finding("archive", Level.OK, report.entriesRead()
          + " entries; lengths and SHA-256 match the manifest, zstd checksum and tar end intact");
    }
    List<String> problems = report.problems().stream().map(ArchiveProblem::toString).toList();
    return new Finding("archive", Level.FAIL, String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
        + (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : ""));
  }

  /**
   * A wrong key, or a locked swarm without one, ends verify with its own exit code rather than a
   * FAIL among others: every later check would only repeat it. Damage found here is left for the
   * checks to report.
   */
  private static Void keyOpens(ManifestAgreement.StateFacts node, Optional<UnlockKey> key) {
    if (node.certificate().isEmpty() || node.nodeKey().isEmpty()) {
      return null;
    }
    try {
      new NodeKeyUnlocker().unlock(node.nodeKey().get(), node.certificate().get(), key).dataKeys().wipe();
    } catch (WrongUnlockKeyException | BadInputException e) {
      throw e;
    } catch (SwarmsnapException e) {
      // damage: check 3 reports it
    }
    return null;
  }

  private static java.util.Map<String, byte[]> apiDocuments(SwarmSource source) {
    try {
      return source.apiDocuments();
    } catch (SwarmsnapException e) {
      return java.util.Map.of();
    }
  }
}
