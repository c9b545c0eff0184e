package dev.swarmsnap.swarmstate.model;

/** A raft member: raft ID, swarm node ID and raft address ({@code ip:port}). */
public record RaftMemberInfo(long raftId, String nodeId, String addr) {}
