package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineRequestException;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.LocalNodeState;
import dev.swarmsnap.engine.SwarmNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Engine API of a {@link FakeEngine}: answers like dockerd does (the refusals carry the engine's
 * own messages, lab-notes §2), and like a stopped dockerd when it is stopped: ping false, every
 * other call {@link EngineUnreachableException}.
 */
public final class FakeEngineClient implements EngineClient {
  private static final String LOCKED = "Swarm is encrypted and needs to be unlocked before it can be used.";
  private static final String NOT_MANAGER = "This node is not a swarm manager. Worker nodes can't be used to view"
      + " or modify cluster state.";

  private final FakeEngine engine;

  FakeEngineClient(FakeEngine engine) {
    this.engine = engine;
  }

  @Override
  public EngineVersion version() {
    answer("GET /version");
    return new EngineVersion("20.10.24+dfsg1", "1.41", "linux", "amd64", "6.1.0");
  }

  @Override
  public EngineInfo info() {
    answer("GET /info");
    return new EngineInfo(FakeEngine.HOSTNAME, "20.10.24+dfsg1", engine.dockerRootDir().toString(), engine.swarm());
  }

  @Override
  public List<SwarmNode> nodes() {
    answer("GET /nodes");
    requireControl("GET /nodes");
    return engine.nodes();
  }

  @Override
  public boolean ping() {
    engine.log("GET /_ping");
    return engine.running();
  }

  @Override
  public SwarmNode node(String id) {
    answer("GET /nodes/" + id);
    requireControl("GET /nodes/" + id);
    return engine.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
        .orElseThrow(() -> new EngineRequestException("GET /nodes/" + id, 404, "node " + id + " not found"));
  }

  @Override
  public SortedMap<String, byte[]> apiSnapshot() {
    answer("apiSnapshot");
    requireControl("GET /swarm");
    Optional<SortedMap<String, byte[]>> set = engine.nextApiView();
    if (set.isPresent()) {
      return new TreeMap<>(set.get());
    }
    SortedMap<String, byte[]> documents = new TreeMap<>();
    documents.put("swarm", "{\"ID\":\"n1zwqyl7hk4b2hq1g03sdvfuk\"}".getBytes(StandardCharsets.UTF_8));
    documents.put("version", "{\"Version\":\"20.10.24+dfsg1\"}".getBytes(StandardCharsets.UTF_8));
    return documents;
  }

  @Override
  public char[] unlockKey() {
    answer("GET /swarm/unlockkey");
    requireControl("GET /swarm/unlockkey");
    return engine.autolockKey().orElse("").toCharArray();
  }

  @Override
  public void unlock(char[] unlockKey) {
    answer("POST /swarm/unlock");
    if (engine.swarm().state() != LocalNodeState.LOCKED) {
      throw new EngineRequestException("POST /swarm/unlock", 409, "swarm is not locked");
    }
    if (!engine.autolockKey().orElse("").equals(new String(unlockKey))) {
      throw new EngineRequestException("POST /swarm/unlock", 401, "swarm could not be unlocked: invalid key provided");
    }
    engine.unlocked();
  }

  @Override
  public String swarmInit(boolean forceNewCluster, String advertiseAddr, String listenAddr) {
    answer("swarmInit" + (forceNewCluster ? " force" : ""));
    if (engine.swarm().state() == LocalNodeState.LOCKED) {
      throw new EngineRequestException("POST /swarm/init", 503, LOCKED);
    }
    engine.forcedNewCluster();
    return FakeEngine.NODE_ID;
  }

  @Override
  public void swarmUpdateAutolock(boolean autolock) {
    answer("swarmUpdateAutolock " + autolock);
    requireControl("POST /swarm/update");
  }

  @Override
  public void autolockWithNewKey() {
    answer("autolockWithNewKey");
    requireControl("POST /swarm/update");
  }

  @Override
  public void removeNode(String id, boolean force) {
    answer("DELETE /nodes/" + id);
    requireControl("DELETE /nodes/" + id);
    engine.removed(id);
  }

  @Override
  public String endpoint() {
    return "unix:///fake/docker.sock";
  }

  @Override
  public void close() {}

  private void answer(String call) {
    engine.log(call);
    if (!engine.running()) {
      throw new EngineUnreachableException("cannot reach the engine at " + endpoint() + ": connection refused",
          "start the engine", null);
    }
  }

  private void requireControl(String request) {
    if (engine.swarm().state() == LocalNodeState.LOCKED) {
      throw new EngineRequestException(request, 503, LOCKED);
    }
    if (!engine.isManager()) {
      throw new EngineRequestException(request, 503, NOT_MANAGER);
    }
    if (!engine.hasQuorum()) {
      throw new EngineRequestException(request, 500, FakeEngine.NO_LEADER);
    }
  }
}
