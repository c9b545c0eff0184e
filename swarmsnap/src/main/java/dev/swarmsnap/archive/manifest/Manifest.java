package dev.swarmsnap.archive.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a backup holds and where it came from; stored as {@code manifest.json}, the first entry of
 * every archive. Field names and types are specified in docs/archive-format.md.
 *
 * @param createdAt when the backup was taken, UTC
 * @param engineDowntimeMillis how long the engine was stopped for the cold copy
 * @param files every file and directory, paths unique
 * @param mode cold (engine stopped) or hot (copied while it ran); absent in older archives: cold
 * @param walCut a hot backup's cut of a torn final WAL record, if it made one
 * @param commitRaise a hot backup's raise of the WAL's commit index to what its API view proves, if any
 */
public record Manifest(
    @JsonProperty(value = "format_version", required = true) FormatVersion formatVersion,
    @JsonProperty(value = "tool_version", required = true) String toolVersion,
    @JsonProperty(value = "created_at", required = true) Instant createdAt,
    @JsonProperty(value = "engine", required = true) EngineFacts engine,
    @JsonProperty(value = "node", required = true) NodeFacts node,
    @JsonProperty(value = "managers", required = true) List<ManagerEntry> managers,
    @JsonProperty("raft") RaftFacts raft,
    @JsonProperty(value = "lock", required = true) LockFacts lock,
    @JsonProperty(value = "engine_downtime_ms", required = true) long engineDowntimeMillis,
    @JsonProperty(value = "files", required = true) List<ManifestFile> files,
    @JsonProperty("mode") BackupMode mode,
    @JsonProperty("wal_cut") Optional<WalCut> walCut,
    @JsonProperty("commit_raise") Optional<CommitRaise> commitRaise) {

  /** Far above any real swarm (Docker advises at most 7 managers); bounds what a reader walks. */
  private static final int MAX_MANAGERS = 1024;

  public Manifest {
    Objects.requireNonNull(formatVersion, "format_version");
    FieldRules.requireText(toolVersion, "tool_version");
    Objects.requireNonNull(createdAt, "created_at");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(node, "node");
    managers = List.copyOf(Objects.requireNonNull(managers, "managers"));
    raft = Objects.requireNonNullElse(raft, RaftFacts.UNKNOWN);
    Objects.requireNonNull(lock, "lock");
    files = List.copyOf(Objects.requireNonNull(files, "files"));
    mode = Objects.requireNonNullElse(mode, BackupMode.COLD);
    walCut = Objects.requireNonNullElse(walCut, Optional.empty());
    commitRaise = Objects.requireNonNullElse(commitRaise, Optional.empty());
    if ((walCut.isPresent() || commitRaise.isPresent()) && mode != BackupMode.HOT) {
      throw new IllegalArgumentException("wal_cut or commit_raise is set, but only a hot backup changes the WAL");
    }
    if (managers.size() > MAX_MANAGERS) {
      throw new IllegalArgumentException("managers lists more than " + MAX_MANAGERS + " nodes");
    }
    if (engineDowntimeMillis < 0) {
      throw new IllegalArgumentException("engine_downtime_ms must not be negative");
    }
    Set<String> seen = new HashSet<>();
    Set<String> regularFiles = new HashSet<>();
    for (ManifestFile file : files) {
      if (!seen.add(file.path())) {
        throw new IllegalArgumentException("path '" + file.path() + "' is listed twice");
      }
      if (!file.isDirectory()) {
        regularFiles.add(file.path());
      }
    }
    // A file may not be the parent of another entry: extraction would need it to be a directory.
    for (ManifestFile file : files) {
      for (int slash = file.path().lastIndexOf('/'); slash > 0; slash = file.path().lastIndexOf('/', slash - 1)) {
        String parent = file.path().substring(0, slash);
        if (regularFiles.contains(parent)) {
          throw new IllegalArgumentException(
              "path '" + file.path() + "' lies below '" + parent + "', which is listed as a file");
        }
      }
    }
  }

  /** A cold backup's manifest, as written before the mode existed. */
  public Manifest(
      FormatVersion formatVersion,
      String toolVersion,
      Instant createdAt,
      EngineFacts engine,
      NodeFacts node,
      List<ManagerEntry> managers,
      RaftFacts raft,
      LockFacts lock,
      long engineDowntimeMillis,
      List<ManifestFile> files) {
    this(formatVersion, toolVersion, createdAt, engine, node, managers, raft, lock, engineDowntimeMillis, files,
        BackupMode.COLD, Optional.empty(), Optional.empty());
  }

  /** The entry for {@code path}, if listed. */
  public Optional<ManifestFile> file(String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  /** Sum of the stored lengths: exactly the file bytes an archive of this manifest carries. */
  public long totalStoredBytes() {
    return files.stream().mapToLong(ManifestFile::storedLength).reduce(0, Math::addExact);
  }

  /** Sum of the original lengths: the bytes a restore occupies (logically; zero tails may be sparse). */
  public long totalOriginalBytes() {
    return files.stream().mapToLong(ManifestFile::originalLength).reduce(0, Math::addExact);
  }
}
