package dev.swarmsnap.crypto;

import com.goterl.lazysodium.Sodium;

/**
 * libsodium loaded into this process, with lazysodium-java's JNA binding to call it.
 *
 * @param sodium the binding (its native methods are registered for the whole process)
 * @param version what {@code sodium_version_string()} says, such as {@code 1.0.18}
 * @param origin where it was loaded from, for {@code --debug}
 */
record NativeSodium(Sodium sodium, String version, String origin) {}
