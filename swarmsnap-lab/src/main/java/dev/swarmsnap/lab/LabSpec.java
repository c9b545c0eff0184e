package dev.swarmsnap.lab;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link Labs#up(LabSpec)} should build.
 *
 * @param name lab name, {@code [a-z0-9][a-z0-9-]{0,11}} (short: it goes into hostnames and netns names)
 * @param managers number of managers, at least 1
 * @param workers number of workers, at least 0
 * @param autolock init the swarm with {@code --autolock}; the key is kept in the lab dir
 * @param dir the lab directory; empty means {@code <registry>/<name>}
 * @param sampleObjects create the sample workload ({@link SampleWorkload}) after the swarm forms
 * @param formSwarm init and join the swarm; false leaves each engine running with no swarm state
 *     (a sandbox that something else fills, e.g. a restore drill)
 * @throws LabException USAGE for an invalid name or count
 */
public record LabSpec(
    String name, int managers, int workers, boolean autolock, Optional<Path> dir, boolean sampleObjects,
    boolean formSwarm) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,11}");

  public LabSpec {
    requireValidName(name);
    Objects.requireNonNull(dir, "dir");
    if (managers < 1) {
      throw new LabException(
          LabException.Kind.USAGE, "a lab needs at least 1 manager, got " + managers, "use --managers 1 or more");
    }
    if (workers < 0) {
      throw new LabException(LabException.Kind.USAGE, "workers cannot be negative: " + workers, null);
    }
    if (managers + workers > LabLayout.MAX_NODES) {
      throw new LabException(
          LabException.Kind.USAGE,
          "a lab holds at most " + LabLayout.MAX_NODES + " nodes, asked for " + (managers + workers),
          null);
    }
    dir = dir.map(d -> d.toAbsolutePath().normalize());
    if (!formSwarm && (autolock || sampleObjects)) {
      throw new LabException(
          LabException.Kind.USAGE, "autolock and sample objects need a swarm", "form the swarm or drop them");
    }
  }

  /** A lab whose swarm forms ({@code formSwarm} true), as most callers want. */
  public LabSpec(String name, int managers, int workers, boolean autolock, Optional<Path> dir, boolean sampleObjects) {
    this(name, managers, workers, autolock, dir, sampleObjects, true);
  }

  /** One running engine with no swarm state, in its own namespace and directory: a sandbox to restore into. */
  public static LabSpec bareEngine(String name) {
    return new LabSpec(name, 1, 0, false, Optional.empty(), false, false);
  }

  /** A lab of {@code managers} managers and {@code workers} workers, sample objects, no autolock. */
  public static LabSpec of(String name, int managers, int workers) {
    return new LabSpec(name, managers, workers, false, Optional.empty(), true);
  }

  /**
   * Returns {@code name} if it is a valid lab name.
   *
   * @throws LabException USAGE otherwise
   */
  public static String requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new LabException(
          LabException.Kind.USAGE,
          "invalid lab name '" + name + "'",
          "use 1 to 12 characters of a-z, 0-9 and '-', starting with a letter or digit");
    }
    return name;
  }
}
