package dev.swarmsnap.core.backup;

import dev.swarmsnap.core.status.SwarmView;
import java.nio.file.Path;
import java.util.List;

/**
 * What the preflight of a backup settled, before anything stopped: the engine's view of the swarm,
 * the swarm directory to copy, the archive to write, and the warnings the user was shown.
 */
record BackupSubject(SwarmView view, Path swarmDir, Path target, List<String> warnings) {
  BackupSubject {
    warnings = List.copyOf(warnings);
  }

  String clusterId() {
    return view.swarm().clusterId().orElse("");
  }
}
