package dev.swarmsnap.swarmstate.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.swarmsnap.error.ExitCode;
import dev.swarmsnap.error.SwarmsnapException;
import dev.swarmsnap.swarmstate.proto.raw.RawInternalRaftRequest;
import dev.swarmsnap.swarmstate.proto.raw.RawObjectId;
import dev.swarmsnap.swarmstate.proto.raw.RawStoreAction;
import dev.swarmsnap.swarmstate.proto.raw.RawStoreSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swarmkit store as the exact bytes of each object, replayed from a snapshot and committed
 * entries with the same transaction rule as {@link StoreReplayer} ({@link StoreTransaction}). {@link StoreReplayer} parses objects to show them; this one never
 * parses an object beyond its ID, so a new snapshot written from it holds every field as the
 * engine wrote it, known to our tables or not. Not thread-safe.
 */
public final class RawStore {
  private final Map<RawStoreAction.TargetCase, Map<String, ByteString>> objects =
      new EnumMap<>(RawStoreAction.TargetCase.class);
  private final List<String> problems = new ArrayList<>();

  /** Replaces everything with the store of a decrypted snapshot. */
  public void loadSnapshot(RawStoreSnapshot s) {
    requireNoUnknownKinds(s.getUnknownFields().asMap().keySet().stream().findFirst(), "snapshot store");
    objects.clear();
    put(RawStoreAction.TargetCase.NODE, s.getNodesList());
    put(RawStoreAction.TargetCase.SERVICE, s.getServicesList());
    put(RawStoreAction.TargetCase.NETWORK, s.getNetworksList());
    put(RawStoreAction.TargetCase.TASK, s.getTasksList());
    put(RawStoreAction.TargetCase.CLUSTER, s.getClustersList());
    put(RawStoreAction.TargetCase.SECRET, s.getSecretsList());
    put(RawStoreAction.TargetCase.RESOURCE, s.getResourcesList());
    put(RawStoreAction.TargetCase.EXTENSION, s.getExtensionsList());
    put(RawStoreAction.TargetCase.CONFIG, s.getConfigsList());
    put(RawStoreAction.TargetCase.VOLUME, s.getVolumesList());
  }

  /**
   * Applies one decrypted normal entry; empty data is the leader's no-op.
   *
   * @return a problem description if the entry was skipped
   * @throws UnknownStoreKindException for an object kind this version cannot carry
   */
  public Optional<String> applyNormal(long index, byte[] plain) {
    if (plain.length == 0) {
      return Optional.empty();
    }
    RawInternalRaftRequest request;
    try {
      request = RawInternalRaftRequest.parseFrom(plain);
    } catch (InvalidProtocolBufferException e) {
      return problem("entry " + index + ": not a store transaction");
    }
    StoreTransaction<RawStoreAction.TargetCase, ByteString> transaction = new StoreTransaction<>(objects, index);
    for (RawStoreAction action : request.getActionList()) {
      RawStoreAction.TargetCase kind = action.getTargetCase();
      if (kind == RawStoreAction.TargetCase.TARGET_NOT_SET) {
        requireNoUnknownKinds(action.getUnknownFields().asMap().keySet().stream().findFirst(), "entry " + index);
        return problem("entry " + index + ": store action without a target");
      }
      ByteString bytes = target(action);
      Optional<String> refused = transaction.stage(action.getAction(), kind, idOf(bytes), bytes);
      if (refused.isPresent()) {
        return problem(refused.get());
      }
    }
    transaction.commit();
    return Optional.empty();
  }

  /** The store as a snapshot's store: every object, in the order it entered the store. */
  public RawStoreSnapshot snapshot() {
    return RawStoreSnapshot.newBuilder()
        .addAllNodes(list(RawStoreAction.TargetCase.NODE))
        .addAllServices(list(RawStoreAction.TargetCase.SERVICE))
        .addAllNetworks(list(RawStoreAction.TargetCase.NETWORK))
        .addAllTasks(list(RawStoreAction.TargetCase.TASK))
        .addAllClusters(list(RawStoreAction.TargetCase.CLUSTER))
        .addAllSecrets(list(RawStoreAction.TargetCase.SECRET))
        .addAllResources(list(RawStoreAction.TargetCase.RESOURCE))
        .addAllExtensions(list(RawStoreAction.TargetCase.EXTENSION))
        .addAllConfigs(list(RawStoreAction.TargetCase.CONFIG))
        .addAllVolumes(list(RawStoreAction.TargetCase.VOLUME))
        .build();
  }

  /** Entries skipped because they did not apply (swarmkit would have aborted them too). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private List<ByteString> list(RawStoreAction.TargetCase kind) {
    return List.copyOf(objects.getOrDefault(kind, Map.of()).values());
  }

  private void put(RawStoreAction.TargetCase kind, List<ByteString> list) {
    Map<String, ByteString> map = objects.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    for (ByteString bytes : list) {
      map.put(idOf(bytes), bytes);
    }
  }

  private Optional<String> problem(String p) {
    problems.add(p);
    return Optional.of(p);
  }

  private static void requireNoUnknownKinds(Optional<Integer> unknownField, String where) {
    if (unknownField.isPresent()) {
      throw new UnknownStoreKindException(where, unknownField.get());
    }
  }

  private static ByteString target(RawStoreAction a) {
    return switch (a.getTargetCase()) {
      case NODE -> a.getNode();
      case SERVICE -> a.getService();
      case TASK -> a.getTask();
      case NETWORK -> a.getNetwork();
      case CLUSTER -> a.getCluster();
      case SECRET -> a.getSecret();
      case RESOURCE -> a.getResource();
      case EXTENSION -> a.getExtension();
      case CONFIG -> a.getConfig();
      case VOLUME -> a.getVolume();
      case TARGET_NOT_SET -> throw new IllegalArgumentException("no target");
    };
  }

  private String idOf(ByteString object) {
    try {
      return RawObjectId.parseFrom(object).getId();
    } catch (InvalidProtocolBufferException e) {
      problems.add("a store object that is not a protobuf message");
      return "";
    }
  }

  /** The state holds a kind of store object newer than this version of swarmsnap knows. */
  public static final class UnknownStoreKindException extends SwarmsnapException {
    private static final long serialVersionUID = 1L;

    UnknownStoreKindException(String where, int field) {
      super(ExitCode.UNSAFE,
          where + " holds a kind of swarm object (field " + field + ") this version of swarmsnap does not know,"
              + " so it cannot rebuild the state without losing it; nothing was changed",
          "use a newer swarmsnap, or restore by hand with 'docker swarm init --force-new-cluster'");
    }
  }
}
