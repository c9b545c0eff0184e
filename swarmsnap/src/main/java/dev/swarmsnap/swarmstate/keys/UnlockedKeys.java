package dev.swarmsnap.swarmstate.keys;

import dev.swarmsnap.swarmstate.raft.DataKeys;

/**
 * The result of opening a node's keys.
 *
 * @param dataKeys the raft DEK(s)
 * @param privateKeyMatchesCertificate whether the (decrypted) private key belongs to the cert
 * @param locked whether the key file was encrypted (autolock on)
 * @param pendingDek whether a DEK rotation was in flight
 * @param needsRotation whether {@code raft-dek-needs-rotation} was set
 */
public record UnlockedKeys(
    DataKeys dataKeys,
    boolean privateKeyMatchesCertificate,
    boolean locked,
    boolean pendingDek,
    boolean needsRotation) {}
