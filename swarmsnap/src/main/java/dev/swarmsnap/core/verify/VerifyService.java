package dev.swarmsnap.core.verify;

import dev.swarmsnap.archive.ArchiveProblem;
import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.archive.ArchiveReport;
import dev.swarmsnap.archive.ProgressListener;
import dev.swarmsnap.core.inspect.KeyMismatch;
import dev.swarmsnap.core.inspect.SwarmSource;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.error.WrongUnlockKeyException;
import dev.swarmsnap.swarmstate.Finding;
import dev.swarmsnap.swarmstate.Finding.Level;
import dev.swarmsnap.swarmstate.SwarmStateVerifier;
import dev.swarmsnap.swarmstate.VerifyReport;
import dev.swarmsnap.swarmstate.files.SwarmFiles;
import dev.swarmsnap.swarmstate.keys.NodeCertificate;
import dev.swarmsnap.swarmstate.keys.NodeKeyFile;
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
    new KeyMismatch(source).explained(unlockKey, () -> keyOpens(source.files(), unlockKey));
    VerifyReport state = new SwarmStateVerifier().verify(source.files(), unlockKey);
    findings.addAll(state.findings());
    state.state().ifPresent(s -> {
      findings.add(new CertificateExpiry().check(s.certificates(), clock.instant()));
      if (source.isArchive()) {
        findings.addAll(new ApiComparison().compare(s, new ApiView(apiDocuments(source))));
      }
    });
    return new Verification(source.path().toString(), source.isArchive(), findings);
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
  private static Void keyOpens(SwarmFiles files, Optional<UnlockKey> key) {
    String crt = "certificates/swarm-node.crt";
    String pem = "certificates/swarm-node.key";
    NodeCertificate cert;
    NodeKeyFile keyFile;
    try {
      cert = NodeCertificate.parse(files.location(crt), files.readSmall(crt));
      keyFile = NodeKeyFile.parse(files.location(pem), files.readSmall(pem));
    } catch (BadInputException e) {
      throw e; // a link, device or FIFO where a key belongs: refused, not read
    } catch (SwarmsnapException | java.io.UncheckedIOException e) {
      return null;
    }
    try {
      new NodeKeyUnlocker().unlock(keyFile, cert, key).dataKeys().wipe();
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
