package dev.swarmsnap.core.verify;

import java.util.OptionalLong;

/**
 * One object as the engine API listed it at backup time.
 *
 * @param id object ID
 * @param name spec name (hostname for nodes)
 * @param version {@code Version.Index}; empty where the API gives none (networks)
 */
public record ApiObject(String id, String name, OptionalLong version) {}
