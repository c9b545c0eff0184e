package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes everything a lab made, in the order that works (docs/engine-behaviour.md §1.3): daemons (by pid), any
 * other process inside the lab's namespaces, the namespaces with their links, mounts under the lab
 * dir (deepest first), the lab dir, and last the registry entry. Works on half-made labs and dead
 * nodes; every step tolerates things that are already gone.
 */
final class LabTeardown {
  /**
   * SIGTERM grace before SIGKILL. Managers stopping together lose quorum while shutting down and
   * then take 7-11 s (docs/engine-behaviour.md §1.4); the lab is being discarded, so a short grace loses nothing.
   */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final LabHost host;

  LabTeardown(LabHost host) {
    this.host = host;
  }

  /**
   * @throws LabException FAILED naming what is left; the registry entry is then kept, so
   *     {@code down} can be run again
   */
  void run(LabState state) {
    LabLayout layout = state.layout();
    List<LabNode> nodes = state.labNodes();
    List<String> left = new ArrayList<>();
    try {
      host.daemons().stop(nodes, GRACE);
    } catch (LabException e) {
      left.add(e.getMessage());
    }
    List<String> namespaces = new ArrayList<>();
    namespaces.addAll(nodes.stream().map(LabNode::netns).toList());
    namespaces.add(layout.hubNetns());
    left.addAll(endStragglers(namespaces));
    left.addAll(host.network().remove(namespaces));
    left.addAll(unmountAndDelete(layout.dir()));
    if (!left.isEmpty()) {
      throw new LabException(
          LabException.Kind.FAILED,
          "lab '" + state.name() + "' was not removed completely: " + String.join("; ", left),
          "fix that and run 'swarmsnap lab down --name " + state.name() + "' again");
    }
    host.registry().locked(() -> {
      host.registry().remove(state.name());
      return null;
    });
  }

  /**
   * Unmounts and deletes, a few times over: a daemon that was killed mid-start can leave a mount
   * that appears only after the first pass (seen once: an overlay sandbox's nsfs mount).
   */
  private List<String> unmountAndDelete(Path dir) {
    List<String> left = List.of();
    for (int attempt = 0; attempt < 5; attempt++) {
      left = new ArrayList<>(host.mounts().unmountAll(dir));
      if (left.isEmpty()) {
        left.addAll(deleteTree(dir));
      }
      if (left.isEmpty()) {
        return left;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
    }
    return left;
  }

  /** SIGKILLs processes still inside the lab's namespaces (e.g. a containerd whose dockerd was killed). */
  private List<String> endStragglers(List<String> namespaces) {
    Set<Long> ids = new HashSet<>();
    for (String netns : namespaces) {
      host.processes().namespaceId(LabNetwork.netnsFile(netns)).ifPresent(ids::add);
    }
    List<Long> pids = host.processes().inNetworkNamespaces(ids);
    pids.forEach(pid -> host.processes().signal(pid, true));
    if (!host.processes().awaitGone(pids, Duration.ofSeconds(15))) {
      return List.of("processes still running in the lab's namespaces: " + pids);
    }
    return List.of();
  }

  private List<String> deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    if (dir.getNameCount() < 2 || dir.equals(host.registry().dir())) {
      return List.of("refusing to delete " + dir);
    }
    try {
      TreeDeletion.delete(dir);
      return List.of();
    } catch (IOException e) {
      return List.of("directory " + dir + ": " + e);
    }
  }
}
