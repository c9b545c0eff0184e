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
import static dev.swarmsnap.hostile.HostileCorpus.*;
import static dev.swarmsnap.hostile.InputFiles.*;

/** Damaged swarm directories, bad unlock keys, bad age identities and damaged encrypted archives. */
final class StateCases {
  private final HostileCorpus corpus;
  private final Materials m;
  private final Random random;

  StateCases(HostileCorpus corpus, Materials materials, Random random) {
    this.corpus = corpus;
    this.m = materials;
    this.random = random;
  }

  // ---- swarm directories ----------------------------------------------------------------------

  void add() {
    directories();
    keys();
    age();
  }

  private void directories() {
    String wal = "raft/wal-v3-encrypted/0000000000000000-0000000000000000.wal";
    List<String> required = List.of("docker-state.json", "certificates/swarm-node.crt", "certificates/swarm-node.key",
        "certificates/swarm-root-ca.crt", wal);
    for (String file : required) {
      dirCase("delete " + file, file, p -> Files.delete(p), DIR_VERIFY, DIR_INSPECT);
      dirCase("empty " + file, file, p -> Files.write(p, new byte[0]), DIR_VERIFY, DIR_INSPECT);
      // A WAL cut anywhere is a torn tail (WARN, repairable, as dockerd does); text after a PEM
      // block is ignored by Go's pem.Decode as by the JDK; flips may hit bytes that no check covers
      // (an address digit, a key bit that only makes it not match its certificate: WARN).
      boolean json = file.endsWith(".json");
      Set<Integer> lenientVerify = Set.of(0, 4);
      Set<Integer> lenientInspect = Set.of(0, 1, 4, 8);
      dirCase("half of " + file, file, p -> Files.write(p, Arrays.copyOf(Files.readAllBytes(p),
          (int) Files.size(p) / 2)), file.endsWith(".wal") ? lenientVerify : DIR_VERIFY,
          file.endsWith(".wal") ? lenientInspect : DIR_INSPECT);
      dirCase("garbage appended to " + file, file, p -> Files.write(p, concat(Files.readAllBytes(p),
          bytes("\u0000garbage\u001b[2J")), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
          json ? DIR_VERIFY : lenientVerify, json ? DIR_INSPECT : lenientInspect);
      for (int i = 0; i < 2; i++) {
        int pick = random.nextInt(1 << 20);
        dirCase("flip " + i + " in " + file, file, p -> {
          byte[] b = Files.readAllBytes(p);
          int at = pick % b.length;
          b[at] ^= 0x04;
          Files.write(p, b);
        }, lenientVerify, lenientInspect);
      }
    }
    dirCase("delete state.json", "state.json", p -> Files.delete(p), OK, OK);
    dirCase("delete worker/tasks.db", "worker/tasks.db", p -> Files.delete(p), OK, OK);
    String[] dockerStates = {
      "garbage", "null", "[]", "\"just a string\"", "{}", "{\"ListenAddr\":\"evil/../x\"}",
      "{\"ListenAddr\":\"0.0.0.0:99999\"}", "{\"AdvertiseAddr\":\"10.0.0.1:2377\u001b[2J\"}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"DataPathPort\":\"many\"}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"SubnetSize\":-1}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"DefaultAddressPool\":\"10.0.0.0/8\"}",
      "{\"ListenAddr\":\"0.0.0.0:2377\",\"JoinInProgress\":\"yes\"}",
      "{\"ListenAddr\":[\"0.0.0.0:2377\"]}", m.unlockKey(), "{\"ListenAddr\":\"" + m.unlockKey() + "\"}"};
    for (int i = 0; i < dockerStates.length; i++) {
      String text = dockerStates[i];
      String[] planted = text.contains(m.unlockKey()) ? new String[] {m.unlockKey()} : new String[0];
      dirCase("docker-state.json variant " + i, "docker-state.json", p -> Files.writeString(p, text), DIR_VERIFY,
          DIR_INSPECT, planted);
    }
    dirCase("docker-state.json a 2 MiB string", "docker-state.json",
        p -> Files.writeString(p, "\"" + "a".repeat(2 << 20) + "\""), DIR_VERIFY, DIR_INSPECT);
    String[] managerLists = {"garbage", "{}", "[{}]", "[{\"node_id\":\"../x\",\"addr\":\"10.0.0.1:2377\"}]",
        "[{\"node_id\":\"abc\",\"addr\":\"no port\"}]", "null", "[1,2,3]"};
    for (int i = 0; i < managerLists.length; i++) {
      String text = managerLists[i];
      dirCase("state.json variant " + i, "state.json", p -> Files.writeString(p, text), DIR_VERIFY, DIR_INSPECT);
    }
    dirCase("docker-state.json a symlink to /etc/passwd", "docker-state.json", p -> {
      Files.delete(p);
      Files.createSymbolicLink(p, Path.of("/etc/passwd"));
    }, REFUSED_FILE, REFUSED_FILE);
    dirCase("swarm-node.key a symlink to /etc/shadow", "certificates/swarm-node.key", p -> {
      Files.delete(p);
      Files.createSymbolicLink(p, Path.of("/etc/shadow"));
    }, REFUSED_FILE, REFUSED_FILE);
    dirCase("docker-state.json a fifo", "docker-state.json", p -> {
      Files.delete(p);
      mkfifo(p);
    }, REFUSED_FILE, REFUSED_FILE);
    dirCase("the WAL a symlink to /dev/zero", wal, p -> {
      Files.delete(p);
      Files.createSymbolicLink(p, Path.of("/dev/zero"));
    }, DIR_VERIFY, DIR_INSPECT);
    dirCase("the WAL a fifo", wal, p -> {
      Files.delete(p);
      mkfifo(p);
    }, DIR_VERIFY, DIR_INSPECT);
  }

  /** A directory edit of one file of a copy of the plain state. */
  @FunctionalInterface
  private interface FileEdit {
    void apply(Path file) throws IOException;
  }

  private void dirCase(String name, String file, FileEdit edit, Set<Integer> verifyCodes, Set<Integer> inspectCodes,
      String... planted) {
    HostileCase.Input input = dir -> {
      Path swarm = copyTree(m.plainDir(), dir.resolve("swarm"));
      edit.apply(swarm.resolve(file));
      return swarm;
    };
    corpus.add("verify directory " + name, input, verify(), verifyCodes, planted);
    corpus.add("inspect directory " + name, input, inspect(), inspectCodes, planted);
  }

  // ---- unlock keys -----------------------------------------------------------------------------

  private void keys() {
    String[] contents = {
      "", "garbage", "SWMKEY-1-", "SWMKEY-1-" + "!".repeat(43), "SWMKEY-1-AAAA", "SWMKEY-2-" + m.unlockKey().substring(9),
      m.oldUnlockKey(), m.unlockKey() + " trailing words", "\u0000" + m.unlockKey(), "\u001b[2J" + m.unlockKey(),
      m.unlockKey().substring(0, 30), "SWMKEY-1-" + "A".repeat(10_000), m.unlockKey() + "\n" + m.unlockKey(),
      "x".repeat(1 << 20)};
    for (int i = 0; i < contents.length; i++) {
      String text = contents[i];
      String[] planted = text.length() >= 12 && !text.equals(m.oldUnlockKey()) ? new String[] {text.strip()}
          : new String[0];
      keyCases("key variant " + i, dir -> keyFile(dir, text), BAD_KEY, planted);
    }
    keyCases("key good with a newline", dir -> keyFile(dir, m.unlockKey() + "\n"), OK);
    keyCases("key file missing", dir -> dir.resolve("absent.key"), BAD_KEY);
    keyCases("key file a directory", dir -> Files.createDirectories(dir.resolve("key.d")), BAD_KEY);
    keyCases("key file a fifo", dir -> mkfifo(dir.resolve("key.fifo")), BAD_KEY);
  }

  private void keyCases(String name, HostileCase.Input key, Set<Integer> codes, String... planted) {
    HostileCase.Command withKey = (input, dir) -> List.of("verify", input.toString(), "--unlock-key-file",
        key(key, dir));
    corpus.add("verify locked archive " + name, dir -> m.lockedArchive(), withKey, codes, planted);
    corpus.add("inspect locked directory " + name, dir -> m.lockedDir(), (input, dir) -> List.of("inspect", "--json",
        input.toString(), "--unlock-key-file", key(key, dir)), codes, planted);
    corpus.add("key check " + name, dir -> m.lockedArchive(), (input, dir) -> List.of("key", "check", input.toString(),
        "--unlock-key-file", key(key, dir)), codes, planted);
  }

  // ---- age identities and encrypted archives ---------------------------------------------------

  private void age() {
    String[] identities = {"", "garbage", "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1" + "Q".repeat(58),
        "# comment only\n", "AGE-SECRET-KEY-1\u001b[2J", "x".repeat(1 << 20), m.unlockKey()};
    for (int i = 0; i < identities.length; i++) {
      String text = identities[i];
      String[] planted = text.contains(m.unlockKey()) ? new String[] {m.unlockKey()} : new String[0];
      ageCases("identity variant " + i, dir -> m.encryptedArchive(), dir -> write(dir.resolve("id.txt"), bytes(text)),
          Set.of(1, 2), planted);
    }
    ageCases("identity of someone else", dir -> m.encryptedArchive(), dir -> m.otherIdentity(), Set.of(1));
    ageCases("identity file missing", dir -> m.encryptedArchive(), dir -> dir.resolve("absent.txt"), Set.of(1, 2, 8));
    ageCases("identity file a directory", dir -> m.encryptedArchive(),
        dir -> Files.createDirectories(dir.resolve("id.d")), Set.of(1, 2, 8));
    corpus.add("verify encrypted archive without an identity", dir -> m.encryptedArchive(), verify(), Set.of(2));
    byte[] good = read(m.encryptedArchive());
    int header = indexOf(good, bytes("\n--- ")) + 5;
    for (int i = 0; i < 12; i++) {
      int at = i < 6 ? random.nextInt(header) : header + 50 + random.nextInt(good.length - header - 50);
      byte[] bad = good.clone();
      bad[at] ^= 0x01;
      ageCases("encrypted flip at " + at, dir -> write(dir.resolve("a.swarmsnap.age"), bad),
          dir -> m.identity(), Set.of(1, 4));
    }
    for (int i = 0; i < 6; i++) {
      int at = 1 + random.nextInt(good.length - 1);
      ageCases("encrypted cut at " + at, dir -> write(dir.resolve("a.swarmsnap.age"), Arrays.copyOf(good, at)),
          dir -> m.identity(), Set.of(1, 4));
    }
    ageCases("encrypted scrypt stanza", dir -> write(dir.resolve("a.swarmsnap.age"),
        bytes("age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nAAAA\n--- AAAA\n")), dir -> m.identity(),
        Set.of(1));
    ageCases("encrypted random payload", dir -> write(dir.resolve("a.swarmsnap.age"),
        concat(Arrays.copyOf(good, header + 44), read(m.plainArchive()))), dir -> m.identity(), Set.of(1, 4));
  }

  private void ageCases(String name, HostileCase.Input archive, HostileCase.Input identity, Set<Integer> codes,
      String... planted) {
    List<String> secrets = new ArrayList<>(List.of(planted));
    secrets.add(m.ageSecret());
    String[] all = secrets.toArray(String[]::new);
    corpus.add("verify age " + name, archive, (in, dir) -> List.of("verify", in.toString(), "--identity", key(identity, dir)),
        codes, all);
    corpus.add("inspect age " + name, archive, (in, dir) -> List.of("inspect", "--json", in.toString(), "--identity",
        key(identity, dir)), codes, all);
    corpus.add("restore age " + name, archive, (in, dir) -> List.of("restore", in.toString(), "--dry-run", "--swarm-dir",
        dir.resolve("target/swarm").toString(), "--identity", key(identity, dir)), codes, all);
  }

}
