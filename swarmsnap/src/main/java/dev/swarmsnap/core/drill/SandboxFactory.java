package dev.swarmsnap.core.drill;

import java.util.List;

/** Makes sandboxes, and removes the ones that drills killed before their cleanup left behind. */
public interface SandboxFactory {
  /**
   * Starts a sandbox engine running {@code dockerd}; registered before it starts, so a drill killed
   * at any moment leaves something {@link #removeStale()} finds.
   *
   * @param dockerd the engine binary: a name on PATH or a path
   */
  Sandbox create(String dockerd);

  /** Removes the sandboxes of drills whose process is gone; one line for each it removed or could not remove. */
  List<String> removeStale();
}
