/**
 * Converts the swarmkit protobuf specs the reader decodes into the Engine API's JSON shape (the
 * moby API types, PascalCase), mirroring moby's {@code daemon/cluster/convert} package field by
 * field, so that an exported spec is what {@code docker service inspect} would show and what the
 * Engine API accepts back. Protobuf types stay inside this package and the reader; what leaves is
 * Jackson trees and {@link dev.swarmsnap.swarmstate.convert.SwarmSpecs}.
 */
package dev.swarmsnap.swarmstate.convert;
