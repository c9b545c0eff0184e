package dev.swarmsnap.testing.fakes;

import dev.swarmsnap.engine.EngineClient;
import dev.swarmsnap.engine.EngineInfo;
import dev.swarmsnap.engine.EngineUnreachableException;
import dev.swarmsnap.engine.EngineVersion;
import dev.swarmsnap.engine.SwarmNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Wraps an {@link EngineClient} and injects failures: the API that stops answering after N calls
 * (a hung or crashed engine: ping false, everything else {@link EngineUnreachableException}, as the
 * real client reports its timeouts), or one operation that fails with a given exception (e.g. the
 * engine refusing {@code swarmInit}). {@link #endpoint()} and {@link #close()} are not counted.
 * Not thread-safe.
 */
public final class FaultyEngineClient implements EngineClient {
  private final EngineClient inner;
  private final Map<String, Supplier<RuntimeException>> failing = new HashMap<>();
  private long answerLimit = Long.MAX_VALUE;
  private long calls;

  public FaultyEngineClient(EngineClient inner) {
    this.inner = inner;
  }

  /** The first {@code n} calls are answered; every later one fails as if the engine hung. */
  public FaultyEngineClient failAfter(long n) {
    answerLimit = n;
    return this;
  }

  /** Every call of {@code operation} (a method name of {@link EngineClient}) throws what {@code failure} makes. */
  public FaultyEngineClient fail(String operation, Supplier<RuntimeException> failure) {
    failing.put(operation, failure);
    return this;
  }

  /** Calls made so far, failed ones included. */
  public long calls() {
    return calls;
  }

  @Override
  public EngineVersion version() {
    return call("version", inner::version);
  }

  @Override
  public EngineInfo info() {
    return call("info", inner::info);
  }

  @Override
  public List<SwarmNode> nodes() {
    return call("nodes", inner::nodes);
  }

  @Override
  public boolean ping() {
    calls++;
    return calls <= answerLimit && !failing.containsKey("ping") && inner.ping();
  }

  @Override
  public SwarmNode node(String id) {
    return call("node", () -> inner.node(id));
  }

  @Override
  public SortedMap<String, byte[]> apiSnapshot() {
    return call("apiSnapshot", inner::apiSnapshot);
  }

  @Override
  public char[] unlockKey() {
    return call("unlockKey", inner::unlockKey);
  }

  @Override
  public void unlock(char[] unlockKey) {
    call("unlock", () -> {
      inner.unlock(unlockKey);
      return null;
    });
  }

  @Override
  public String swarmInit(boolean forceNewCluster, String advertiseAddr, String listenAddr) {
    return call("swarmInit", () -> inner.swarmInit(forceNewCluster, advertiseAddr, listenAddr));
  }

  @Override
  public void swarmUpdateAutolock(boolean autolock) {
    call("swarmUpdateAutolock", () -> {
      inner.swarmUpdateAutolock(autolock);
      return null;
    });
  }

  @Override
  public void autolockWithNewKey() {
    call("autolockWithNewKey", () -> {
      inner.autolockWithNewKey();
      return null;
    });
  }

  @Override
  public void removeNode(String id, boolean force) {
    call("removeNode", () -> {
      inner.removeNode(id, force);
      return null;
    });
  }

  @Override
  public String endpoint() {
    return inner.endpoint();
  }

  @Override
  public void close() {
    inner.close();
  }

  private <T> T call(String operation, Supplier<T> answer) {
    calls++;
    if (calls > answerLimit) {
      throw new EngineUnreachableException("the engine at " + endpoint() + " did not answer " + operation
          + " within the timeout", "check that dockerd runs and answers: docker info", null);
    }
    Supplier<RuntimeException> failure = failing.get(operation);
    if (failure != null) {
      throw failure.get();
    }
    return answer.get();
  }
}
