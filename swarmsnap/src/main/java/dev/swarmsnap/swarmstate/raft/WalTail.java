package dev.swarmsnap.swarmstate.raft;

import java.nio.file.Path;

/**
 * How the last segment ends (docs/swarm-state-format.md §4.6).
 *
 * @param file the last segment
 * @param validEnd offset just past the last good record
 * @param torn whether a torn write follows (dockerd repairs it by truncating at validEnd)
 * @param detail what was found at validEnd
 * @param crc the CRC chain value after the last good record (§4.3): where an appended record
 *     continues the chain
 */
public record WalTail(Path file, long validEnd, boolean torn, String detail, int crc) {}
