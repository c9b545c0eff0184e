/** The {@code key} commands: fetch, fingerprint, check. Keys are printed only with {@code --show}. */
package dev.swarmsnap.cli.key;
