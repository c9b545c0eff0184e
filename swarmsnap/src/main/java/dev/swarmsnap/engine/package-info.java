/**
 * The engine ports: {@link dev.swarmsnap.engine.EngineClient} (the Engine API as swarmsnap needs it)
 * and the records it returns. No library types here; adapters live in subpackages.
 */
package dev.swarmsnap.engine;
