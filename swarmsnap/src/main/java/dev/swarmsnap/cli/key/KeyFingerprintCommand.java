package dev.swarmsnap.cli.key;

import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarmsnap key fingerprint}: the non-reversible fingerprint that manifests record. */
@Command(
    name = "fingerprint",
    mixinStandardHelpOptions = true,
    description = "Print the key's fingerprint (sha256: and 16 hex digits), as backups record it.",
    footer = {"", "Example:", "  docker swarm unlock-key -q | swarmsnap key fingerprint --unlock-key-stdin"})
public final class KeyFingerprintCommand implements Callable<Integer> {
  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;

  private final CliContext context;

  KeyFingerprintCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    UnlockKey key = new UnlockKeyInput(context).read(unlockKey).orElseThrow(() -> new SwarmsnapException(
        ExitCode.USAGE, "no unlock key given", "name it with --unlock-key-file, -env, -cmd or -stdin"));
    try {
      if (output.json()) {
        new JsonOutput().print(context.out(), Map.of("fingerprint", key.fingerprint()));
      } else {
        context.out().println(key.fingerprint());
        context.out().flush();
      }
      return ExitCode.OK.code();
    } finally {
      key.wipe();
    }
  }
}
