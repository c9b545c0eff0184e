package dev.swarmsnap.swarmstate.raft;

import dev.swarmsnap.swarmstate.proto.raftpb.Entry;
import java.nio.file.Path;

/** A raft entry (data still encrypted) and where its record starts, for error messages. */
public record LoggedEntry(Entry entry, Path file, long offset) {}
