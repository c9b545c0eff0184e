package dev.swarmsnap.lab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the {@code docker} CLI against one node's socket ({@code docker -H unix://SOCK ...}). */
final class DockerCommand {
  private final CommandRunner runner;
  private final Toolchain tools;

  DockerCommand(CommandRunner runner, Toolchain tools) {
    this.runner = runner;
    this.tools = tools;
  }

  CommandResult run(LabNode node, Duration timeout, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(tools.path("docker"));
    command.add("-H");
    command.add(node.dockerHost());
    command.addAll(List.of(args));
    byte[] input = stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8);
    return runner.run(command, timeout, input, Map.of());
  }
}
