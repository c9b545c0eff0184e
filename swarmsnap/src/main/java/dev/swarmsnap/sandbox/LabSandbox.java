package dev.swarmsnap.sandbox;

import dev.swarmsnap.core.drill.Sandbox;
import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineControl;
import dev.swarmsnap.engine.EngineEndpoint;
import dev.swarmsnap.engine.dockerjava.DockerJavaEngineClient;
import dev.swarmsnap.engine.process.PidFileEngineControl;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.lab.Lab;
import dev.swarmsnap.lab.LabException;
import dev.swarmsnap.lab.LabNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * One sandbox: the single node of a bare lab. Removed by {@link #close()}, or, when the JVM ends
 * first (Ctrl-C), by a shutdown hook; a SIGKILL leaves it registered for the next drill.
 */
final class LabSandbox implements Sandbox {
  private final Lab lab;
  private final LabNode node;
  private final Thread shutdownHook;
  private EngineClient engine;
  private boolean closed;

  LabSandbox(Lab lab) {
    this.lab = lab;
    this.node = lab.nodes().get(0);
    this.shutdownHook = new Thread(this::removeQuietly, "swarmsnap-drill-sandbox-removal");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Makes the work directory and opens the API; returns this. */
  LabSandbox ready() throws IOException {
    Files.createDirectories(workDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    engine = new DockerJavaEngineClient(
        new EngineEndpoint(URI.create(node.dockerHost()), Duration.ofSeconds(5), Duration.ofSeconds(60)));
    return this;
  }

  @Override
  public String name() {
    return lab.name();
  }

  @Override
  public String address() {
    return node.address();
  }

  @Override
  public Path swarmDir() {
    return node.swarmDir();
  }

  @Override
  public Path workDir() {
    return lab.dir().resolve("drill");
  }

  @Override
  public EngineClient engine() {
    return engine;
  }

  @Override
  public EngineControl control() {
    return new PidFileEngineControl(node.pidFile(), node.startScript().toString());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    if (engine != null) {
      engine.close();
    }
    try {
      lab.down();
    } catch (LabException e) {
      throw new SwarmsnapException(ExitCode.FAILED, "the drill's sandbox was not removed completely: " + e.getMessage(),
          "run 'swarmsnap lab down --name " + lab.name() + "' (or the next drill removes it)", e);
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs, finds the sandbox closed and returns.
    }
  }

  private void removeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      System.err.println("swarmsnap: the drill's sandbox " + lab.name() + " was not removed; run 'swarmsnap lab down --name "
          + lab.name() + "'");
    }
  }
}
