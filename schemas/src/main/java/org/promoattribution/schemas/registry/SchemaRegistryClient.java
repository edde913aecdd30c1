package org.promoattribution.schemas.registry;

import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry protocol that the Avro serde needs.
 * Implementations throw {@link SchemaRegistryException} subclasses so callers can tell
 * bad data (an unknown id) from a registry that is down.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is already registered under {@code subject}; never registers. */
    int idOf(String subject, Schema schema);

    /** The schema with this global id; {@link UnknownSchemaIdException} when there is none. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latestVersion(String subject);

    /**
     * Asks the registry once whether it answers, without retrying: for a caller that waits for it
     * with its own backoff. Returns when it does.
     *
     * @throws SchemaRegistryUnavailableException when it cannot be reached or answers 5xx
     * @throws SchemaRegistryException            when it answers but refuses us or is no registry
     */
    default void checkReachable() {
    }

    @Override
    default void close() {
    }
}
