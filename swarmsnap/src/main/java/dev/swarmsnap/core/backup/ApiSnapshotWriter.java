package dev.swarmsnap.core.backup;

import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts the engine's API view into staging as {@code api/<endpoint>.json}, owner-only. Hashes are
 * filled in with the swarm files' ({@link StagingCopier#hashed}).
 */
final class ApiSnapshotWriter {

  List<StagedFile> write(Map<String, byte[]> documents, Path staging) {
    Path dir = staging.resolve("api");
    List<StagedFile> staged = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      staged.add(new StagedFile("api", true, 0700, 0, 0, 0, 0, ""));
      for (Map.Entry<String, byte[]> document : documents.entrySet()) {
        String path = "api/" + document.getKey() + ".json";
        Files.write(staging.resolve(path), document.getValue());
        byte[] bytes = document.getValue();
        staged.add(new StagedFile(path, false, 0600, 0, 0, bytes.length, bytes.length, ""));
      }
      return staged;
    } catch (IOException e) {
      throw new SwarmsnapException(
          ExitCode.FAILED, "cannot write the API snapshot into " + dir + ": " + e.getMessage(),
          "check free space where the backup is written (--output)", e);
    }
  }
}
