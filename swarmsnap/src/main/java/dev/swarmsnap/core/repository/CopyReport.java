package dev.swarmsnap.core.repository;

import java.util.List;

/**
 * What {@code copy} did.
 *
 * @param copied IDs stored in the target
 * @param skipped IDs the target already held
 */
public record CopyReport(String from, String to, List<String> copied, List<String> skipped) {
  public CopyReport {
    copied = List.copyOf(copied);
    skipped = List.copyOf(skipped);
  }
}
