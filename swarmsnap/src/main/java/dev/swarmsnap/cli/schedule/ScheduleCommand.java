package dev.swarmsnap.cli.schedule;

import picocli.CommandLine.Command;

/** {@code swarmsnap schedule}: backups on a timer, taken by one manager of the cluster. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Backups on a schedule: install the same systemd timer on every manager; each run backs up on exactly"
          + " one of them, the designated manager chosen from the live cluster (see 'backup --scheduled')."
    },
    subcommands = {ScheduleInstallCommand.class, ScheduleRemoveCommand.class, ScheduleStatusCommand.class})
public final class ScheduleCommand {}
