package dev.swarmsnap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmsnap.durable.TreeRemover;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hostile cases through {@code bin/swarmsnap} as a child process: the launcher, {@code Main}
 * and {@link System#exit} give the same exit codes and output as the in-process runs of {@link
 * HostileInputTest}. The launcher runs a jar whose manifest only points at this build's classes
 * and libraries, so the unit test phase needs no shaded jar.
 */
@Timeout(600)
class HostileProcessTest {
  private static final List<String> CHOSEN = List.of(
      "verify good plain archive",
      "verify entry name with ESC sequences",
      "restore manifest role worker",
      "verify directory docker-state.json variant 14",
      "verify age identity of someone else");

  @TempDir static Path root;
  private static Materials materials;
  private static Path launcherJar;

  @BeforeAll
  static void materials() throws Exception {
    materials = Materials.make(Files.createDirectories(root.resolve("base")));
    launcherJar = launcherJar(root.resolve("launcher.jar"));
  }

  @Test
  void chosenCasesBehaveTheSameThroughTheLauncher() throws Exception {
    List<HostileCase> corpus = new HostileCorpus(materials, HostileInputTest.SEED).cases();
    for (String name : CHOSEN) {
      HostileCase c = corpus.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(() ->
          new AssertionError("no case " + name));
      Path dir = Files.createDirectories(root.resolve("case"));
      Files.createDirectories(dir.resolve("run"));
      Files.createDirectories(dir.resolve("target"));
      try {
        Path input = c.input().make(dir);
        List<String> args = c.command().args(input, dir);
        HostileInputTest.check(c, launch(args, dir), args, materials);
      } finally {
        new TreeRemover().removeTree(dir);
      }
    }
  }

  private static HostileInputTest.Result launch(List<String> args, Path dir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of("..", "bin", "swarmsnap").toAbsolutePath().normalize().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
    builder.environment().clear();
    builder.environment().putAll(HostileInputTest.environment(dir));
    builder.environment().put("SWARMSNAP_JAR", launcherJar.toString());
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + builder.environment().get("PATH"));
    Process p = builder.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(args + " ran longer than 120 s");
    }
    return new HostileInputTest.Result(p.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }

  /** A jar with only a manifest: Main-Class, and this test run's class path as its Class-Path. */
  private static Path launcherJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, "dev.swarmsnap.cli.Main");
    attributes.put(Attributes.Name.CLASS_PATH, java.util.Arrays.stream(
            System.getProperty("java.class.path").split(File.pathSeparator))
        .map(p -> Path.of(p).toAbsolutePath().toUri().toString())
        .collect(Collectors.joining(" ")));
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is all
    }
    assertThat(jar).exists();
    return jar;
  }
}
