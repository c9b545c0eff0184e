package dev.swarmsnap.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class NodeFilesTest {
  @TempDir Path bin;
  @TempDir Path labs;

  @BeforeEach
  void fakePrograms() throws IOException {
    for (String name : new String[] {"dockerd", "docker", "ip", "nsenter", "unshare", "setsid", "umount", "hostname"}) {
      Path program = bin.resolve(name);
      Files.writeString(program, "#!/bin/sh\n");
      Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void startScriptStartsDockerdInTheNodeNamespaceDetachedAndOffline() throws IOException {
    Toolchain tools = new Toolchain(LabSettings.defaults(), bin.toString());
    LabNode node = new LabLayout("demo", 7, labs.resolve("demo")).node("m1", LabNode.Role.MANAGER, 1);

    new NodeFiles(tools).write(node, "demo", new EngineBinary(bin.resolve("dockerd")));

    String script = Files.readString(node.startScript());
    assertThat(script)
        .contains("export DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1")
        .contains(bin.resolve("setsid") + " " + bin.resolve("nsenter") + " --net=/var/run/netns/swarmsnap-demo-m1")
        .contains("--uts")
        .contains(bin.resolve("hostname") + " demo-m1 && exec " + bin.resolve("dockerd"))
        .contains("--pidfile " + node.pidFile())
        .contains("-H unix://" + node.socket())
        .contains("--data-root " + node.dataRoot())
        .contains(">>" + node.dir().resolve("dockerd.log"));
    assertThat(script.lines().filter(line -> !line.startsWith("#"))).noneMatch(line -> line.contains("netns exec"));
    assertThat(Files.isExecutable(node.startScript())).isTrue();
    assertThat(Files.readString(node.dir().resolve("daemon.json")))
        .contains("\"deprecated-key-path\": \"" + node.dir().resolve("key.json") + "\"");
  }

  @Test
  void startScriptRunsTheChosenEngineWithItsHelpersFirstOnPath(@TempDir Path cache) throws IOException {
    Path engine = cache.resolve("28.5.2");
    Files.createDirectories(engine.resolve("usr/sbin"));
    Files.createDirectories(engine.resolve("usr/libexec/docker"));
    Toolchain tools = new Toolchain(LabSettings.defaults(), bin.toString());
    LabNode node = new LabLayout("demo", 7, labs.resolve("demo")).node("m1", LabNode.Role.MANAGER, 1);

    new NodeFiles(tools).write(node, "demo", new EngineBinary(engine.resolve("usr/sbin/dockerd")));

    String script = Files.readString(node.startScript());
    assertThat(script)
        .contains("exec " + engine.resolve("usr/sbin/dockerd") + " --config-file")
        .contains(
            "export PATH=" + engine.resolve("usr/sbin") + ":" + engine.resolve("usr/libexec/docker") + ":" + bin + ":");
  }

  @Test
  void engineVersionIsTheUpstreamPartOfDockerdVersion() {
    assertThat(EngineBinary.parseVersion("Docker version 28.5.2+dfsg4, build 0b2b2a7")).contains("28.5.2");
    assertThat(EngineBinary.parseVersion("Docker version 20.10.24+dfsg1, build 5d6db84\n")).contains("20.10.24");
    assertThat(EngineBinary.parseVersion("bash: dockerd: not found")).isEmpty();
  }

  @Test
  void aMissingProgramIsAMissingDependency() {
    Toolchain tools = new Toolchain(LabSettings.defaults().withDockerd("/nonexistent/dockerd"), bin.toString());
    assertThatThrownBy(tools::requireAll)
        .isInstanceOfSatisfying(
            LabException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(LabException.Kind.MISSING_DEPENDENCY);
              assertThat(e.getMessage()).contains("dockerd").doesNotContain("\n");
              assertThat(e.hint()).contains("install them: apt-get install docker.io iproute2");
            });
  }
}
