package dev.swarmsnap.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The on-disk record of labs: {@code <registry>/<name>.lab.json} per lab, and {@code .lock}, an
 * exclusive file lock that serialises number allocation and state updates across processes.
 */
final class LabRegistry {
  /** Lab numbers the registry hands out; 200..254 stay free for ad-hoc experiments. */
  static final int FIRST_NUMBER = 1;
  static final int LAST_NUMBER = 199;

  private static final String SUFFIX = ".lab.json";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  LabRegistry(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path stateFile(String name) {
    return dir.resolve(name + SUFFIX);
  }

  /** Registered lab names, sorted. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        names.add(fileName.substring(0, fileName.length() - SUFFIX.length()));
      }
    } catch (IOException e) {
      throw failure("cannot list labs in " + dir, e);
    }
    names.sort(null);
    return names;
  }

  Optional<LabState> read(String name) {
    Path file = stateFile(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      LabState state = json.readValue(file.toFile(), LabState.class);
      if (state.format() != LabState.FORMAT) {
        throw new LabException(
            LabException.Kind.FAILED,
            "lab state " + file + " has format " + state.format() + ", this version reads " + LabState.FORMAT,
            "use the swarmsnap version that created the lab");
      }
      return Optional.of(state);
    } catch (IOException e) {
      throw failure("cannot read lab state " + file, e);
    }
  }

  /** Writes the state atomically (temp file, then rename), so a crash never leaves half a file. */
  void write(LabState state) {
    Path file = stateFile(state.name());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.write(temp, json.writeValueAsBytes(state));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise lab state", e);
    } catch (IOException e) {
      throw failure("cannot write lab state " + file, e);
    }
  }

  void remove(String name) {
    try {
      Files.deleteIfExists(stateFile(name));
    } catch (IOException e) {
      throw failure("cannot remove lab state " + stateFile(name), e);
    }
  }

  /**
   * Registers a new lab under the lock: refuses a name in use, takes the first free number.
   *
   * @param engine the dockerd every node of the lab runs
   * @param inUse extra evidence that the name is taken (leftover namespaces), checked under the lock
   * @throws LabException CONFLICT if the name or every number is taken
   */
  LabState reserve(LabSpec spec, Path labDir, EngineBinary engine, Supplier<Optional<String>> inUse) {
    return locked(
        () -> {
          if (Files.exists(stateFile(spec.name()))) {
            throw new LabException(
                LabException.Kind.CONFLICT,
                "lab '" + spec.name() + "' already exists",
                "remove it with 'swarmsnap lab down --name " + spec.name() + "' or pick another --name");
          }
          inUse.get().ifPresent(why -> {
            throw new LabException(LabException.Kind.CONFLICT, "lab name '" + spec.name() + "' is in use: " + why, null);
          });
          Set<Integer> taken = new HashSet<>();
          for (String other : names()) {
            read(other).ifPresent(state -> taken.add(state.number()));
          }
          int number =
              IntStream.rangeClosed(FIRST_NUMBER, LAST_NUMBER)
                  .filter(n -> !taken.contains(n))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new LabException(
                              LabException.Kind.CONFLICT,
                              "all " + LAST_NUMBER + " lab subnets are in use",
                              "remove labs you no longer need with 'swarmsnap lab down --name NAME'"));
          List<LabState.NodeEntry> nodes = new ArrayList<>();
          for (int i = 1; i <= spec.managers(); i++) {
            nodes.add(new LabState.NodeEntry("m" + i, LabNode.Role.MANAGER, i));
          }
          for (int i = 1; i <= spec.workers(); i++) {
            nodes.add(new LabState.NodeEntry("w" + i, LabNode.Role.WORKER, spec.managers() + i));
          }
          LabState state =
              new LabState(
                  LabState.FORMAT,
                  spec.name(),
                  number,
                  labDir.toString(),
                  spec.autolock(),
                  engine.dockerd().toString(),
                  LabState.Phase.CREATING,
                  nodes);
          write(state);
          return state;
        });
  }

  /**
   * Runs {@code action} holding the registry lock. Within one JVM a second holder gets
   * {@link OverlappingFileLockException}, so that case waits like another process would.
   */
  <T> T locked(Supplier<T> action) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failure("cannot create the lab registry " + dir, e);
    }
    long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
    try (FileChannel channel =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          try (lock) {
            return action.get();
          }
        }
        if (System.nanoTime() > deadline) {
          throw new LabException(
              LabException.Kind.FAILED,
              "the lab registry " + dir + " stayed locked for " + LOCK_TIMEOUT.toSeconds() + " s",
              "another swarmsnap lab command is running; wait for it or check " + dir.resolve(".lock"));
        }
        ProcessTable.pause(Duration.ofMillis(20));
      }
    } catch (IOException e) {
      throw failure("cannot lock the lab registry " + dir, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Another thread of this JVM holds it; the caller waits as for another process.
      return null;
    }
  }

  private static LabException failure(String what, IOException e) {
    return new LabException(LabException.Kind.FAILED, what + ": " + e.getMessage(), null, e);
  }
}
