package dev.swarmsnap.cli.lab;

import picocli.CommandLine.Command;

/** {@code swarmsnap lab}: throw-away swarms of real engines (placeholder until the lab lands). */
@Command(name = "lab", description = "Build throw-away swarms of real Docker engines on this machine.")
public final class LabCommand {}
