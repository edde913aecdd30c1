package org.promoattribution.schemas.registry;

/** The registry rejected the credentials (HTTP 401) or the operation (HTTP 403): a configuration problem. */
public class SchemaRegistryAuthException extends SchemaRegistryException {
    private final int status;

    public SchemaRegistryAuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
