/**
 * Cryptographic primitives for swarm state: unlock key → KEK, NaCl secretbox open, PKCS#8 PBES2
 * decrypt (docs/swarm-state-format.md §2). The only package that imports BouncyCastle; it knows no file formats
 * beyond ASN.1 and must not import swarmstate, the CLI or the engine.
 */
package dev.swarmsnap.crypto;
