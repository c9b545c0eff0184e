package dev.swarmsnap.archive;

import dev.swarmsnap.archive.manifest.Manifest;
import java.util.List;
import java.util.Objects;

/**
 * The result of verifying an archive end to end.
 *
 * @param entriesRead tar entries read after the manifest, including refused ones
 * @param problems in the order found; reading stops at the first truncation or corruption
 */
public record ArchiveReport(Manifest manifest, long entriesRead, List<ArchiveProblem> problems) {
  public ArchiveReport {
    Objects.requireNonNull(manifest, "manifest");
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }
}
