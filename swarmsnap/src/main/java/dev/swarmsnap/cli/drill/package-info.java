/** {@code swarmsnap drill}: restores a backup into a throw-away sandbox engine and compares its objects. */
package dev.swarmsnap.cli.drill;
