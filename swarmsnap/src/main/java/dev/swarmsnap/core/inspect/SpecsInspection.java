package dev.swarmsnap.core.inspect;

import dev.swarmsnap.archive.manifest.Manifest;
import dev.swarmsnap.swarmstate.StateWithSpecs;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link InspectService#inspectSpecs} read.
 *
 * @param source the directory or archive read
 * @param manifest the archive's manifest; empty for a directory
 * @param read the state and every user object's spec
 */
public record SpecsInspection(String source, Optional<Manifest> manifest, StateWithSpecs read) {
  public SpecsInspection {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(read, "read");
  }
}
