/**
 * Fakes of swarmsnap's own ports ({@code EngineClient}, {@code EngineControl}, {@code RestartGuard},
 * the swap's {@code Mover}) and fault-injecting wrappers around them, so the runs that stop and
 * start the engine are unit-tested in milliseconds, without dockerd or root. The lab ITs prove the
 * same on real engines; the Engine API and the raft files are never mocked.
 */
package dev.swarmsnap.testing.fakes;
