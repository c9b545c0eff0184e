package dev.swarmsnap.cli.export;

import dev.swarmsnap.cli.BackupSourceOptions;
import dev.swarmsnap.cli.CliContext;
import dev.swarmsnap.cli.EngineOptions;
import dev.swarmsnap.core.apply.LiveSource;
import dev.swarmsnap.core.export.LogicalSources;
import dev.swarmsnap.core.repository.FetchedArchive;
import dev.swarmsnap.crypto.UnlockKey;
import dev.swarmsnap.engine.SwarmObjects;
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
  private final EngineOptions engine;
  private final List<FetchedArchive> fetched = new ArrayList<>();
  private final List<SwarmObjects> engines = new ArrayList<>();

  SourceArguments(CliContext context, BackupSourceOptions repository, EngineOptions engine, LogicalSources sources) {
    this.context = context;
    this.engine = engine;
    this.repository = repository;
    this.sources = sources;
  }

  LogicalSource open(String ref, Optional<UnlockKey> unlockKey, boolean withSecretValues) {
    if (ref.equals(LIVE)) {
      // Kept open until close(): the live source reads when asked. Secret values cannot be had from the API.
      SwarmObjects swarm = engine.openSwarmObjects(context);
      engines.add(swarm);
      return new LiveSource(swarm, context.clock());
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
    engines.forEach(SwarmObjects::close);
  }
}
