package dev.swarmsnap.lab;

import java.time.Duration;

/**
 * The small workload {@code lab up} creates unless told not to (docs/engine-behaviour.md §1.2): a secret, a config,
 * an attachable overlay network, a replicated service using all three, and a global service. No
 * image exists, so tasks fail at once and retry; the objects still live in raft, which is what a
 * backup must carry.
 */
public final class SampleWorkload {
  public static final String SECRET = "lab_secret";
  public static final String CONFIG = "lab_config";
  public static final String NETWORK = "lab_net";
  public static final String SERVICE = "lab_svc";
  public static final String GLOBAL_SERVICE = "lab_global";
  /** An image that exists nowhere; services use it with {@code --no-resolve-image}. */
  public static final String IMAGE = "swarmsnap-lab/none:1";

  private final DockerCommand docker;
  private final Duration timeout;

  SampleWorkload(DockerCommand docker, Duration timeout) {
    this.docker = docker;
    this.timeout = timeout;
  }

  void create(LabNode manager) {
    docker.run(manager, timeout, "lab-secret-value", "secret", "create", SECRET, "-").requireOk("create secret " + SECRET);
    docker.run(manager, timeout, "lab-config-v1", "config", "create", CONFIG, "-").requireOk("create config " + CONFIG);
    docker
        .run(manager, timeout, null, "network", "create", "--driver", "overlay", "--attachable", NETWORK)
        .requireOk("create network " + NETWORK);
    docker
        .run(
            manager, timeout, null,
            "service", "create", "--detach", "--no-resolve-image", "--name", SERVICE, "--replicas", "2",
            "--secret", SECRET, "--config", "src=" + CONFIG + ",target=/lab.cfg", "--network", NETWORK, IMAGE)
        .requireOk("create service " + SERVICE);
    docker
        .run(
            manager, timeout, null,
            "service", "create", "--detach", "--no-resolve-image", "--name", GLOBAL_SERVICE, "--mode", "global", IMAGE)
        .requireOk("create service " + GLOBAL_SERVICE);
  }
}
