package dev.swarmsnap.swarmstate.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.swarmsnap.swarmstate.model.RaftMemberInfo;
import dev.swarmsnap.swarmstate.proto.raftpb.ConfChange;
import dev.swarmsnap.swarmstate.proto.raftpb.ConfChangeType;
import dev.swarmsnap.swarmstate.proto.swarmkit.Config;
import dev.swarmsnap.swarmstate.proto.swarmkit.InternalRaftRequest;
import dev.swarmsnap.swarmstate.proto.swarmkit.RaftMember;
import dev.swarmsnap.swarmstate.proto.swarmkit.Snapshot;
import dev.swarmsnap.swarmstate.proto.swarmkit.StoreAction;
import dev.swarmsnap.swarmstate.proto.swarmkit.StoreSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The swarmkit store and raft membership, built from a snapshot and then entry by entry (docs/swarm-state-format.md
 * §4.7). Each normal entry is one transaction: if any action conflicts (CREATE of an existing
 * ID, UPDATE or REMOVE of a missing one) the whole entry is skipped, as swarmkit aborts it, and a
 * problem is recorded. Not thread-safe.
 */
public final class StoreReplayer {
  private final Map<StoreAction.TargetCase, Map<String, Message>> objects =
      new EnumMap<>(StoreAction.TargetCase.class);
  private final Map<Long, RaftMemberInfo> members = new TreeMap<>();
  private final Set<Long> removed = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Integer> configSizes = new HashMap<>();
  private final boolean keepConfigData;

  /** A store that drops config data as objects enter it (see {@link #slim}). */
  public StoreReplayer() {
    this(false);
  }

  private StoreReplayer(boolean keepConfigData) {
    this.keepConfigData = keepConfigData;
  }

  /**
   * A store that keeps config data, for the logical export, which must carry every config whole;
   * its memory grows with the bytes of config data in the state.
   */
  public static StoreReplayer keepingConfigData() {
    return new StoreReplayer(true);
  }

  /** Replaces everything with the content of a decrypted swarmkit snapshot. */
  public void loadSnapshot(Snapshot s) {
    objects.clear();
    members.clear();
    removed.clear();
    StoreSnapshot st = s.getStore();
    put(StoreAction.TargetCase.NODE, st.getNodesList());
    put(StoreAction.TargetCase.SERVICE, st.getServicesList());
    put(StoreAction.TargetCase.NETWORK, st.getNetworksList());
    put(StoreAction.TargetCase.TASK, st.getTasksList());
    put(StoreAction.TargetCase.CLUSTER, st.getClustersList());
    put(StoreAction.TargetCase.SECRET, st.getSecretsList());
    put(StoreAction.TargetCase.RESOURCE, st.getResourcesList());
    put(StoreAction.TargetCase.EXTENSION, st.getExtensionsList());
    put(StoreAction.TargetCase.CONFIG, st.getConfigsList());
    put(StoreAction.TargetCase.VOLUME, st.getVolumesList());
    for (RaftMember m : s.getMembership().getMembersList()) {
      members.put(m.getRaftId(), new RaftMemberInfo(m.getRaftId(), m.getNodeId(), m.getAddr()));
    }
    removed.addAll(s.getMembership().getRemovedList());
  }

  /**
   * Applies one decrypted normal entry ({@code InternalRaftRequest}); empty data is the leader's
   * no-op.
   *
   * @return a problem description if the entry was skipped
   */
  public Optional<String> applyNormal(long index, byte[] plain) {
    if (plain.length == 0) {
      return Optional.empty();
    }
    InternalRaftRequest req;
    try {
      req = InternalRaftRequest.parseFrom(plain);
    } catch (InvalidProtocolBufferException e) {
      return problem("entry " + index + ": not an InternalRaftRequest (its bytes do not decode as one)");
    }
    StoreTransaction<StoreAction.TargetCase, Message> transaction = new StoreTransaction<>(objects, index);
    for (StoreAction a : req.getActionList()) {
      StoreAction.TargetCase kind = a.getTargetCase();
      if (kind == StoreAction.TargetCase.TARGET_NOT_SET) {
        return problem("entry " + index + ": store action without a known target");
      }
      Message obj = slim(target(a));
      Optional<String> refused = transaction.stage(a.getActionValue(), kind, idOf(obj), obj);
      if (refused.isPresent()) {
        return problem(refused.get());
      }
    }
    transaction.commit();
    return Optional.empty();
  }

  /** Applies a decrypted ConfChange entry to the membership (docs/swarm-state-format.md §4.7 step 5). */
  public Optional<String> applyConfChange(long index, byte[] plain) {
    ConfChange cc;
    try {
      cc = ConfChange.parseFrom(plain);
    } catch (InvalidProtocolBufferException e) {
      return problem("entry " + index + ": not a ConfChange (its bytes do not decode as one)");
    }
    if (cc.getType() == ConfChangeType.ConfChangeRemoveNode) {
      members.remove(cc.getNodeId());
      removed.add(cc.getNodeId());
      return Optional.empty();
    }
    ByteString ctx = cc.getContext();
    if (ctx.isEmpty()) {
      return Optional.empty();
    }
    try {
      RaftMember m = RaftMember.parseFrom(ctx);
      if (m.getRaftId() != 0) {
        members.put(m.getRaftId(), new RaftMemberInfo(m.getRaftId(), m.getNodeId(), m.getAddr()));
      }
      return Optional.empty();
    } catch (InvalidProtocolBufferException e) {
      return problem("entry " + index + ": ConfChange context is no RaftMember");
    }
  }

  /** Objects of one kind, in insertion order. Generated types stay inside swarmstate. */
  @SuppressWarnings("unchecked")
  public <T extends Message> List<T> all(StoreAction.TargetCase kind, Class<T> type) {
    return (List<T>) List.copyOf(objects.getOrDefault(kind, Map.of()).values());
  }

  public List<RaftMemberInfo> members() {
    return List.copyOf(members.values());
  }

  public List<Long> removed() {
    return List.copyOf(removed);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  private Optional<String> problem(String p) {
    problems.add(p);
    return Optional.of(p);
  }

  private void put(StoreAction.TargetCase kind, List<? extends Message> list) {
    Map<String, Message> map = objects.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    for (Message m : list) {
      map.put(idOf(m), slim(m));
    }
  }

  /**
   * Config data is dropped as objects enter the store, keeping only its length: configs are up to
   * 500 KB each and nothing shown needs their content, so memory stays bounded by the number of
   * objects, not the bytes written (the benchmark's 500 MB of configs must fit a 256 MB heap).
   */
  private Message slim(Message m) {
    if (!keepConfigData && m instanceof Config c && !c.getSpec().getData().isEmpty()) {
      configSizes.put(c.getId(), c.getSpec().getData().size());
      return c.toBuilder().setSpec(c.getSpec().toBuilder().clearData()).build();
    }
    return m;
  }

  /** Length of a config's data, which the store does not keep (see {@link #slim}). */
  public int configDataBytes(Config c) {
    return c.getSpec().getData().isEmpty() ? configSizes.getOrDefault(c.getId(), 0) : c.getSpec().getData().size();
  }

  private static Message target(StoreAction a) {
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

  /** Every store object has {@code string id = 1} (docs/swarm-state-format.md §5.2). */
  private static String idOf(Message m) {
    return (String) m.getField(m.getDescriptorForType().findFieldByNumber(1));
  }

}
