package org.promoattribution.schemas.registry;

/**
 * The subject does not exist, or the schema looked up is not one of its versions. Raised when
 * serializing without auto-registration: a deployment problem (the schema was never registered), not bad data.
 */
public class SchemaNotRegisteredException extends SchemaRegistryException {
    private final String subject;

    public SchemaNotRegisteredException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
