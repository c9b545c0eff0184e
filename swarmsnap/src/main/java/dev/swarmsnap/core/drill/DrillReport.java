package dev.swarmsnap.core.drill;

import dev.swarmsnap.swarmstate.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a drill found; rendered as text or JSON. Never holds an unlock key.
 *
 * @param sandbox the sandbox's name (already removed when this is read)
 * @param engineVersion the version of the engine the sandbox ran
 * @param rtoMillis from the start of the restore to a ready leader in the sandbox
 * @param objects the archive's object counts by kind
 * @param comparisons one finding per object kind: the archive's state against the sandbox engine's lists
 * @param differences the comparisons that failed, one line each
 */
public record DrillReport(
    String archive,
    String clusterId,
    String nodeId,
    Instant startedAt,
    String sandbox,
    String engineVersion,
    long rtoMillis,
    long totalMillis,
    Map<String, Integer> objects,
    List<Finding> comparisons,
    List<String> differences,
    List<String> warnings) {
  public DrillReport {
    Objects.requireNonNull(startedAt, "startedAt");
    objects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(objects));
    comparisons = List.copyOf(comparisons);
    differences = List.copyOf(differences);
    warnings = List.copyOf(warnings);
  }

  /** The restore worked and the sandbox lists every object of the archive. */
  public boolean passed() {
    return differences.isEmpty();
  }
}
