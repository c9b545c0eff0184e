package dev.swarmsnap.lab;

import java.util.List;

/**
 * Entry point of the lab: creates labs and reopens them from their on-disk state. Holds no state
 * of its own beyond its settings; any number of instances, in any number of processes, share the
 * registry safely (allocation is serialised by a file lock).
 */
public final class Labs {
  private final LabHost host;

  public Labs(LabSettings settings) {
    this.host = LabHost.wire(settings, System.getenv("PATH"));
  }

  /**
   * Creates, starts and joins the nodes of {@code spec}: managers first, then workers; then the
   * sample workload unless {@code spec.sampleObjects()} is false.
   *
   * @throws LabException NOT_ROOT, MISSING_DEPENDENCY, CONFLICT (name in use), USAGE, or FAILED
   *     (after removing whatever it had made)
   */
  public Lab up(LabSpec spec) {
    return new LabCreation(host).create(spec);
  }

  /**
   * The lab called {@code name}, from its state file; works from a new process after a crash.
   *
   * @throws LabException USAGE for an invalid name, NOT_ROOT, NOT_FOUND when no such lab is registered
   */
  public Lab open(String name) {
    LabSpec.requireValidName(name);
    host.privileges().requireRoot("the lab");
    LabState state =
        host.registry()
            .read(name)
            .orElseThrow(
                () -> {
                  List<String> names = names();
                  return new LabException(
                      LabException.Kind.NOT_FOUND,
                      "no lab named '" + name + "' in " + host.registry().dir(),
                      names.isEmpty()
                          ? "create one with 'swarmsnap lab up --name " + name + "'"
                          : "existing labs: " + String.join(", ", names));
                });
    return new Lab(host, state);
  }

  /** Names of the registered labs, sorted; includes labs whose {@code up} did not finish. */
  public List<String> names() {
    return host.registry().names();
  }
}
