/**
 * Cryptographic primitives for swarm state: unlock key → KEK, NaCl secretbox open, PKCS#8 PBES2
 * decrypt (docs/swarm-state-format.md §2), and the payload cipher handed to {@code crypto.age}.
 * Bulk work goes through libsodium where it loads, else BouncyCastle and the JDK ({@link
 * dev.swarmsnap.crypto.CryptoBackend}). The only package that imports BouncyCastle, lazysodium and
 * JNA; it knows no file formats beyond ASN.1 and must not import swarmstate, the CLI or the engine.
 */
package dev.swarmsnap.crypto;
