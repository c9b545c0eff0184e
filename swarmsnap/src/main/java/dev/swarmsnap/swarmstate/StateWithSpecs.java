package dev.swarmsnap.swarmstate;

import dev.swarmsnap.swarmstate.convert.SwarmSpecs;
import dev.swarmsnap.swarmstate.model.SwarmState;

/**
 * A swarm's state read once, both as the read model and as full Engine API specs.
 *
 * @param state the read model, secrets redacted
 * @param specs every user object's spec, secret values included where the store holds them
 */
public record StateWithSpecs(SwarmState state, SwarmSpecs specs) {}
