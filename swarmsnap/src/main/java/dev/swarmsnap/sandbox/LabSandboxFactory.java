package dev.swarmsnap.sandbox;

import dev.swarmsnap.core.drill.Sandbox;
import dev.swarmsnap.core.drill.SandboxFactory;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabException;
import dev.swarmsnap.lab.LabSettings;
import dev.swarmsnap.lab.LabSpec;
import dev.swarmsnap.lab.Labs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sandboxes as one-node labs without a swarm, in the lab registry of {@code settings}. */
public final class LabSandboxFactory implements SandboxFactory {
  private final LabSettings settings;
  private final SandboxOwner owner = new SandboxOwner();

  /** @param settings the lab registry and programs; the dockerd is chosen per sandbox */
  public LabSandboxFactory(LabSettings settings) {
    this.settings = settings;
  }

  @Override
  public Sandbox create(String dockerd) {
    SandboxName name = SandboxName.of(ProcessHandle.current().pid());
    Lab lab;
    try {
      lab = new Labs(settings.withDockerd(dockerd)).up(LabSpec.bareEngine(name.name()));
    } catch (LabException e) {
      throw new LabException(e.kind(), "the drill's sandbox engine could not be started: " + e.getMessage(),
          e.hint().orElse("check that '" + dockerd + "' runs and that this host can make network namespaces"), e);
    }
    LabSandbox sandbox = new LabSandbox(lab);
    try {
      owner.record(lab.dir());
      return sandbox.ready();
    } catch (IOException | RuntimeException e) {
      sandbox.close();
      throw new LabException(LabException.Kind.FAILED,
          "the drill's sandbox could not be prepared: " + e.getMessage() + "; it was removed", null, e);
    }
  }

  @Override
  public List<String> removeStale() {
    Labs labs = new Labs(settings);
    List<String> removed = new ArrayList<>();
    for (String labName : labs.names()) {
      Optional<SandboxName> sandbox = SandboxName.parse(labName);
      if (sandbox.isEmpty()) {
        continue;
      }
      try {
        Lab lab = labs.open(labName);
        if (!owner.alive(sandbox.get(), lab.dir())) {
          lab.down();
          removed.add("removed sandbox " + labName + ", left by a drill that was killed (pid " + sandbox.get().pid() + ")");
        }
      } catch (LabException e) {
        // Another drill may be removing it right now; a sandbox that stays is named, not fatal.
        removed.add("could not remove sandbox " + labName + ": " + e.getMessage()
            + "; run 'swarmsnap lab down --name " + labName + "'");
      }
    }
    return removed;
  }
}
