package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Looks for anything a lab could leave behind on the host; an empty list means nothing. */
final class Leftovers {
  private final ProcessTable processes = new ProcessTable();
  private final CommandRunner runner = new CommandRunner();

  List<String> of(String name, int number, Path dir, Path registry, List<Long> pids) throws IOException {
    List<String> found = new ArrayList<>();
    pids.stream().filter(processes::alive).forEach(pid -> found.add("process " + pid));
    processes.mentioning(dir.toString()).forEach(pid -> found.add("process " + pid + " mentions " + dir));
    String netns = runner.run(List.of("ip", "netns", "list"), java.time.Duration.ofSeconds(10)).stdout();
    netns.lines().filter(l -> l.startsWith("swarmsnap-" + name + "-")).forEach(l -> found.add("netns " + l));
    String links = runner.run(List.of("ip", "-o", "link", "show"), java.time.Duration.ofSeconds(10)).stdout();
    links.lines().filter(l -> l.contains(" sl" + number + "-")).forEach(l -> found.add("link " + l));
    for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
      if (line.contains(" " + dir + "/") || line.contains(" " + dir + " ")
          || line.contains("/run/netns/swarmsnap-" + name + "-")) {
        found.add("mount " + line);
      }
    }
    if (Files.exists(dir)) {
      found.add("directory " + dir);
    }
    if (Files.exists(registry.resolve(name + ".lab.json"))) {
      found.add("registry entry " + name);
    }
    return found;
  }

  /** Pids of the lab's daemons and of every process in its namespaces, while it runs. */
  List<Long> pidsOf(Lab lab) {
    List<Long> pids = new ArrayList<>();
    java.util.Set<Long> namespaces = new java.util.HashSet<>();
    for (LabNode node : lab.nodes()) {
      processes.readPid(node.pidFile()).ifPresent(pids::add);
      processes.namespaceId(LabNetwork.netnsFile(node.netns())).ifPresent(namespaces::add);
    }
    pids.addAll(processes.inNetworkNamespaces(namespaces));
    return pids;
  }

  static String randomName(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000L, 36);
  }
}
