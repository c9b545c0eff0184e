/**
 * The age encryption boundary (age-encryption.org/v1, X25519 recipients): turns recipient and
 * identity files into keys, wraps an output stream in encryption and an input stream in
 * decryption, and says what went wrong in terms of age (no identity matches, damaged header,
 * damaged or cut-short payload). The only package importing jagged; jagged's types never leave
 * it. Knows nothing of archives, swarm state, the CLI or the engine.
 */
package dev.swarmsnap.crypto.age;
