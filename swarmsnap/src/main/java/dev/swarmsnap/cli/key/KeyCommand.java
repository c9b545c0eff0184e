package dev.swarmsnap.cli.key;

import picocli.CommandLine.Command;

/** {@code swarmsnap key}: the swarm's unlock key, handled without leaving copies around. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Handle the swarm's unlock key: fetch it from the engine, fingerprint it, check it opens a backup.",
    subcommands = {KeyFetchCommand.class, KeyFingerprintCommand.class, KeyCheckCommand.class})
public final class KeyCommand {}
