package dev.swarmsnap.cli.status;

import picocli.CommandLine.Command;

/** {@code swarmsnap status} (placeholder). */
@Command(name = "status", description = "Is it safe to back up here, now?")
public final class StatusCommand {}
