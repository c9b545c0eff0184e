package dev.swarmsnap.cli.export;

import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.core.export.LogicalSources;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.error.BadInputException;
import dev.swarmsnap.logical.LogicalSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a SOURCE argument into a {@link LogicalSource}: a local path as it is; with {@code --repo},
 * a name that is no local path is a backup ({@code latest} or an ID prefix), downloaded first.
 * Closing removes the downloads. Not thread-safe.
 */
final class SourceArguments implements AutoCloseable {
  /** The word that stands for the engine's live state (the Engine API). */
  static final String LIVE = "--live";

  private final CliContext context;
  private final BackupSourceOptions repository;
  private final LogicalSources sources;
  private final List<FetchedArchive> fetched = new ArrayList<>();

  SourceArguments(CliContext context, BackupSourceOptions repository, LogicalSources sources) {
    this.context = context;
    this.repository = repository;
    this.sources = sources;
  }

  LogicalSource open(String ref, Optional<UnlockKey> unlockKey, boolean withSecretValues) {
    if (ref.equals(LIVE)) {
      // TODO(lead): wire the live source once branch 'apply' is merged: build its
      // dev.swarmsnap.core.apply.LiveSource over the engine's SwarmObjects port (EngineOptions mixin),
      // as 'apply' does, and return it here; secret values cannot be had from the API.
      throw new BadInputException("--live is not available in this build yet",
          "export or diff a backup or the swarm directory (/var/lib/docker/swarm) instead");
    }
    Path path = Path.of(ref);
    if (!Files.exists(path)) {
      Optional<FetchedArchive> download = repository.fetch(context, ref);
      if (download.isPresent()) {
        fetched.add(download.get());
        path = download.get().archive();
      }
    }
    return sources.open(path, unlockKey, withSecretValues);
  }

  @Override
  public void close() {
    fetched.forEach(FetchedArchive::close);
  }
}
