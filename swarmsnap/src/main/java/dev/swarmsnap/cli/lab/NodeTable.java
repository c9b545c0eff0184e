package dev.swarmsnap.cli.lab;

import java.io.PrintWriter;
import java.util.List;

/** Renders {@link NodeRow}s as a text table. */
final class NodeTable {
  private NodeTable() {}

  static void print(PrintWriter out, List<NodeRow> rows) {
    String format = "%-5s %-8s %-7s %-14s %-8s %-9s %s%n";
    out.printf(format, "NODE", "ROLE", "LEADER", "ADDRESS", "RUNNING", "ENGINE", "DOCKER_HOST");
    for (NodeRow row : rows) {
      out.printf(
          format,
          row.name(),
          row.role(),
          row.leader() ? "yes" : "",
          row.address(),
          row.running() ? "yes" : "no",
          row.engineVersion().orElse("?"),
          "unix://" + row.socket());
    }
  }
}
