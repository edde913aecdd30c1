package org.promoattribution.schemas.registry;

/**
 * No registry URL answered usefully (connection refused, timeout, 5xx) even after the bounded retries.
 * The registry, not the data, is at fault: callers should stop or retry later, not dead-letter the record.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {
    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
