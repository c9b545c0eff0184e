package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a lab: checks, registers, makes namespaces and files, starts every dockerd at once, forms
 * the swarm, adds the sample workload. A failure part-way tears down what was made, then reports
 * the cause.
 */
final class LabCreation {
  private final LabHost host;

  LabCreation(LabHost host) {
    this.host = host;
  }

  Lab create(LabSpec spec) {
    host.privileges().requireRoot("lab up");
    host.tools().requireAll();
    Path labDir = spec.dir().orElse(host.settings().registryDir().resolve(spec.name()));
    checkDir(labDir);
    EngineBinary engine = new EngineBinary(Path.of(host.tools().path("dockerd")));
    checkEngine(engine);
    LabState state = host.registry().reserve(spec, labDir, engine, () -> nameInUse(spec.name(), labDir));
    try {
      build(state, spec);
      state = state.withPhase(LabState.Phase.READY);
      host.registry().write(state);
      return new Lab(host, state);
    } catch (RuntimeException e) {
      String cause = e.getMessage();
      String cleanup = "everything it made was removed";
      try {
        new LabTeardown(host).run(state);
      } catch (LabException teardown) {
        cleanup = "and cleaning up failed too: " + teardown.getMessage();
      }
      LabException failure =
          new LabException(
              e instanceof LabException known ? known.kind() : LabException.Kind.FAILED,
              "lab '" + spec.name() + "' could not be created: " + cause + "; " + cleanup,
              e instanceof LabException known ? known.hint().orElse(null) : null,
              e);
      throw failure;
    }
  }

  private void build(LabState state, LabSpec spec) {
    LabLayout layout = state.layout();
    List<LabNode> nodes = state.labNodes();
    host.network().create(layout, nodes, true);
    for (LabNode node : nodes) {
      host.files().write(node, state.name(), state.engine(() -> host.tools().path("dockerd")));
    }
    List<DaemonControl.Launch> launches = new ArrayList<>();
    for (LabNode node : nodes) {
      launches.add(host.daemons().launch(node));
    }
    host.daemons().awaitReady(launches);
    if (!spec.formSwarm()) {
      return;
    }
    LabNode first = nodes.get(0);
    host.swarm().init(first, state.autolock());
    for (LabNode node : nodes.subList(1, nodes.size())) {
      host.swarm().join(node, first);
    }
    if (state.autolock()) {
      writeUnlockKey(layout.unlockKeyFile(), host.swarm().unlockKey(first));
    }
    if (spec.sampleObjects()) {
      new SampleWorkload(host.docker(), host.settings().commandTimeout()).create(first);
    }
  }

  /** A throw-away test lab keeps its key beside it, readable by root only. */
  private static void writeUnlockKey(Path file, String key) {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, key + "\n");
    } catch (IOException e) {
      throw new LabException(LabException.Kind.FAILED, "cannot store the unlock key in " + file + ": " + e.getMessage(), null, e);
    }
  }

  private static void checkEngine(EngineBinary engine) {
    if (!NodeFiles.SAFE_PATH.matcher(engine.dockerd().toString()).matches()) {
      throw new LabException(
          LabException.Kind.USAGE,
          "dockerd path " + engine.dockerd() + " has characters the lab does not handle",
          "use a path of letters, digits and . _ / + -");
    }
  }

  private static void checkDir(Path labDir) {
    if (!NodeFiles.SAFE_PATH.matcher(labDir.toString()).matches()) {
      throw new LabException(
          LabException.Kind.USAGE,
          "lab directory " + labDir + " has characters the lab does not handle",
          "use a path of letters, digits and . _ / + -");
    }
    int longest = new LabLayout("x", 1, labDir).longestSocketPath();
    if (longest > LabLayout.MAX_SOCKET_PATH) {
      throw new LabException(
          LabException.Kind.USAGE,
          "lab directory " + labDir + " is too long: socket paths under it would exceed "
              + LabLayout.MAX_SOCKET_PATH + " bytes",
          "use a shorter --dir");
    }
  }

  private Optional<String> nameInUse(String name, Path labDir) {
    String hub = "swarmsnap-" + name + "-hub";
    if (host.network().exists(hub)) {
      return Optional.of("network namespace " + hub + " exists without a registered lab (remove it: ip netns del " + hub + ")");
    }
    try (var entries = Files.exists(labDir) ? Files.list(labDir) : java.util.stream.Stream.<Path>empty()) {
      if (entries.findAny().isPresent()) {
        return Optional.of("directory " + labDir + " exists and is not empty");
      }
    } catch (IOException e) {
      return Optional.of("cannot read " + labDir + ": " + e.getMessage());
    }
    return Optional.empty();
  }
}
