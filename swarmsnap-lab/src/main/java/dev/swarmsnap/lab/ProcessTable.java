package dev.swarmsnap.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code /proc} to decide whether a pid is a live process of ours, and signals processes by
 * pid. Never matches by program name: the lab ends only what it started (docs/engine-behaviour.md §1.4).
 */
final class ProcessTable {
  private static final Path PROC = Path.of("/proc");
  private static final Duration POLL = Duration.ofMillis(50);

  /** The pid written in {@code pidFile}, if it holds one. */
  OptionalLong readPid(Path pidFile) {
    try {
      String text = Files.readString(pidFile).strip();
      return text.matches("[0-9]{1,10}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The process exists and has not exited: a zombie counts as gone, it only waits to be reaped. */
  boolean alive(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The argument vector of {@code pid}; empty for zombies and vanished processes. */
  List<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
      String text = new String(raw, StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The live dockerd that wrote {@code pidFile}: its pid, if the pidfile names a live process whose
   * arguments include that pidfile (a recycled pid belongs to someone else and is left alone).
   */
  OptionalLong daemonOf(Path pidFile) {
    OptionalLong pid = readPid(pidFile);
    if (pid.isPresent() && alive(pid.getAsLong()) && commandLine(pid.getAsLong()).contains(pidFile.toString())) {
      return pid;
    }
    return OptionalLong.empty();
  }

  /** Sends SIGTERM, or SIGKILL when {@code force}; a process that is already gone is fine. */
  void signal(long pid, boolean force) {
    if (pid == ProcessHandle.current().pid()) {
      throw new IllegalArgumentException("refusing to signal the lab's own process");
    }
    ProcessHandle.of(pid).ifPresent(handle -> {
      if (force) {
        handle.destroyForcibly();
      } else {
        handle.destroy();
      }
    });
  }

  /** Waits until none of {@code pids} is alive; returns false if some still are at the deadline. */
  boolean awaitGone(Collection<Long> pids, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (pids.stream().noneMatch(this::alive)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause(POLL);
    }
  }

  /** The inode that identifies the namespace bound at {@code nsFile} ({@code /run/netns/NAME}). */
  OptionalLong namespaceId(Path nsFile) {
    try {
      return OptionalLong.of(((Number) Files.getAttribute(nsFile, "unix:ino")).longValue());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Live processes whose network namespace is one of {@code namespaceIds} (dockerd, containerd, shims). */
  List<Long> inNetworkNamespaces(Set<Long> namespaceIds) {
    List<Long> found = new ArrayList<>();
    if (namespaceIds.isEmpty()) {
      return found;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        try {
          String link = Files.readSymbolicLink(entry.resolve("ns").resolve("net")).toString();
          long id = Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
          if (namespaceIds.contains(id) && alive(pid)) {
            found.add(pid);
          }
        } catch (IOException | RuntimeException e) {
          // Exited while we looked, or a kernel thread without a namespace link.
        }
      }
    } catch (IOException e) {
      throw new LabException(LabException.Kind.FAILED, "cannot read /proc: " + e.getMessage(), null, e);
    }
    return found;
  }

  /** Live processes whose arguments mention {@code text} (used by checks that nothing is left). */
  List<Long> mentioning(String text) {
    List<Long> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        if (pid != self && alive(pid) && String.join(" ", commandLine(pid)).contains(text)) {
          found.add(pid);
        }
      }
    } catch (IOException e) {
      throw new LabException(LabException.Kind.FAILED, "cannot read /proc: " + e.getMessage(), null, e);
    }
    return found;
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException(LabException.Kind.FAILED, "interrupted while waiting", null, e);
    }
  }
}
