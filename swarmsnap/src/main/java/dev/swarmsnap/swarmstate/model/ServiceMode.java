package dev.swarmsnap.swarmstate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a service runs: the spec's mode and the numbers that mode has.
 *
 * @param name {@code replicated}, {@code global}, {@code replicated-job}, {@code global-job}, or
 *     empty when the spec sets none
 * @param replicas replicas of a replicated service
 * @param totalCompletions completions a replicated job runs to
 * @param maxConcurrent tasks a replicated job runs at once
 */
public record ServiceMode(
    String name, Optional<Long> replicas, Optional<Long> totalCompletions, Optional<Long> maxConcurrent) {
  public ServiceMode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(totalCompletions, "totalCompletions");
    Objects.requireNonNull(maxConcurrent, "maxConcurrent");
  }

  public static ServiceMode replicated(long replicas) {
    return new ServiceMode("replicated", Optional.of(replicas), Optional.empty(), Optional.empty());
  }

  public static ServiceMode replicatedJob(long totalCompletions, long maxConcurrent) {
    return new ServiceMode(
        "replicated-job", Optional.empty(), Optional.of(totalCompletions), Optional.of(maxConcurrent));
  }

  /** A mode without numbers: {@code global}, {@code global-job}, or none. */
  public static ServiceMode named(String name) {
    return new ServiceMode(name, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
