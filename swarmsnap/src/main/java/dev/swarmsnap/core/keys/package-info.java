/**
 * Where an unlock key comes from (file, environment, command, stdin, prompt) and reading it without
 * leaving copies around. Never logs or prints a key. Never imports cli.
 */
package dev.swarmsnap.core.keys;
