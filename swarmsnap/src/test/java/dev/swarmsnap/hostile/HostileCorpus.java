package dev.swarmsnap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import dev.swarmsnap.archive.HostileArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import static dev.swarmsnap.hostile.InputFiles.*;

/**
 * Generates the hostile cases from the good {@link Materials}, deterministically from a seed: the
 * same seed gives the same cases with the same names, so a failure reproduces. Inputs stay small
 * on disk (the largest is a 2 MiB docker-state.json); each is written into its case's directory
 * only when the case runs.
 */
final class HostileCorpus {
  static final Set<Integer> OK = Set.of(0);
  static final Set<Integer> VERIFY_FAILED = Set.of(4);
  /** Damaged archives: 4, or 1 where the damage leaves no swarmsnap archive to speak of. */
  static final Set<Integer> DAMAGED = Set.of(1, 4);
  /** A damaged swarm directory: verify reports FAILs (4); inspect, strict, stops at the first (1, or 8 when missing). */
  static final Set<Integer> DIR_VERIFY = Set.of(4);
  static final Set<Integer> DIR_INSPECT = Set.of(1, 4, 8);
  /** A link, device or FIFO where a swarm file belongs: refused as bad input before it is read. */
  static final Set<Integer> REFUSED_FILE = Set.of(2);
  /** A bad unlock key: malformed 2, wrong 1, file missing 8. */
  static final Set<Integer> BAD_KEY = Set.of(1, 2, 8);

  private final Materials m;
  private final Random random;
  private final List<HostileCase> cases = new ArrayList<>();

  HostileCorpus(Materials materials, long seed) {
    this.m = materials;
    this.random = new Random(seed);
  }

  List<HostileCase> cases() {
    controls();
    new ManifestCases(this, m, random).add();
    new ArchiveCases(this, m, random).add();
    new StateCases(this, m, random).add();
    return List.copyOf(cases);
  }

  // ---- commands ------------------------------------------------------------------------------

  static HostileCase.Command verify(String... extra) {
    return (input, dir) -> concat(List.of("verify", input.toString()), extra);
  }

  static HostileCase.Command inspect(String... extra) {
    return (input, dir) -> concat(List.of("inspect", "--json", input.toString()), extra);
  }

  static HostileCase.Command restore(String... extra) {
    return (input, dir) -> concat(List.of("restore", input.toString(), "--dry-run", "--swarm-dir",
        dir.resolve("target/swarm").toString()), extra);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(Arrays.asList(tail));
    return all;
  }

  void add(String name, HostileCase.Input input, HostileCase.Command command, Set<Integer> codes,
      String... planted) {
    cases.add(new HostileCase(name, input, command, codes, List.of(planted)));
  }

  /** The same input through verify, inspect --json and restore --dry-run. */
  void archiveCommands(String name, HostileCase.Input input, Set<Integer> codes, String... planted) {
    add("verify " + name, input, verify(), codes, planted);
    add("inspect " + name, input, inspect(), codes, planted);
    add("restore " + name, input, restore(), codes, planted);
  }

  // ---- controls: the good inputs pass, so a refusal below is about the damage ----------------

  private void controls() {
    archiveCommands("good plain archive", dir -> m.plainArchive(), OK);
    add("verify good locked archive", dir -> m.lockedArchive(),
        (in, dir) -> List.of("verify", in.toString(), "--unlock-key-file", key(d -> keyFile(d, m.unlockKey()), dir)), OK);
    add("verify good encrypted archive", dir -> m.encryptedArchive(), verify("--identity", m.identity().toString()), OK);
    add("verify good plain directory", dir -> copyTree(m.plainDir(), dir.resolve("swarm")), verify(), OK);
    add("inspect good plain directory", dir -> copyTree(m.plainDir(), dir.resolve("swarm")), inspect(), OK);
  }

}
