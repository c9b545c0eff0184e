package dev.swarmsnap.cli.key;

import dev.swarmsnap.archive.ArchiveReader;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.IdentityOptions;
import dev.swarmsnap.cli.JsonOutput;
import dev.swarmsnap.cli.OutputOptions;
import dev.swarmsnap.cli.UnlockKeyInput;
import dev.swarmsnap.cli.UnlockKeyOptions;
import dev.swarmsnap.core.inspect.KeyMismatch;
import dev.swarmsnap.core.inspect.SwarmSource;
import dev.swarmsnap.core.keys.UnlockKeyCheck;
import dev.swarmsnap.archive.manifest.ManifestCodec;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.crypto.age.AgeIdentities;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarmsnap key check PATH}: does this unlock key open this backup or swarm directory? */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check that the unlock key opens the node key of a backup or swarm directory.",
      "Exits 0 when it does (or when no key is needed); otherwise says which key the backup needs."
    },
    footer = {"", "Example:", "  swarmsnap key check /backups/swarm-abc-mgr2-20261125T144113Z.swarmsnap --unlock-key-cmd 'pass show swarm/prod'"})
public final class KeyCheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "A .swarmsnap archive or a swarm directory.")
  Path path;

  @Mixin UnlockKeyOptions unlockKey;
  @Mixin OutputOptions output;
  @Mixin IdentityOptions identity;

  private final CliContext context;

  KeyCheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (AgeIdentities identities = identity.identities()) {
      return check(SwarmSource.open(path, new ArchiveReader(new ManifestCodec(), identities)));
    }
  }

  private int check(SwarmSource source) {
    UnlockKeyCheck check = new UnlockKeyCheck();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", path.toString());
    if (!check.locked(source.files())) {
      result.put("autolock", false);
      result.put("opens", true);
      render(result, path + " is not autolocked: no unlock key is needed");
      return ExitCode.OK.code();
    }
    Optional<UnlockKey> key = new UnlockKeyInput(context).read(unlockKey);
    if (key.isEmpty()) {
      throw new SwarmsnapException(ExitCode.USAGE, path + " is autolocked and no unlock key was given",
          "name it with --unlock-key-file, -env, -cmd or -stdin");
    }
    try {
      UnlockKeyCheck.Fitted fitted =
          new KeyMismatch(source).explained(key, () -> check.check(source.files(), key.get()));
      result.put("autolock", true);
      result.put("opens", true);
      result.put("fingerprint", fitted.fingerprint());
      result.put("kekVersion", fitted.kekVersion());
      render(result, "this unlock key (" + fitted.fingerprint() + ") opens " + path);
      return ExitCode.OK.code();
    } finally {
      key.get().wipe();
    }
  }

  private void render(Map<String, Object> result, String text) {
    if (output.json()) {
      new JsonOutput().print(context.out(), result);
    } else {
      context.out().println(text);
      context.out().flush();
    }
  }
}
