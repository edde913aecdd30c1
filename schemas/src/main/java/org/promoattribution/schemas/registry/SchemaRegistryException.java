package org.promoattribution.schemas.registry;

/** A registry call failed. Subclasses say whether the data or the registry is at fault. */
public class SchemaRegistryException extends RuntimeException {
    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
