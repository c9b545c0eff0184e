/**
 * Stopping and starting dockerd ({@link dev.swarmsnap.engine.EngineControl} implementations) and the
 * guarantee that it always comes back: {@link dev.swarmsnap.engine.process.EngineOutage} restarts it
 * in finally, in a shutdown hook, and through a watchdog process that outlives a kill -9 of the JVM.
 * Must not import core or cli.
 */
package dev.swarmsnap.engine.process;
