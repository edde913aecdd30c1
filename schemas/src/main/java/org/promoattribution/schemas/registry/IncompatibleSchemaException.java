package org.promoattribution.schemas.registry;

/**
 * The registry refused a schema because it breaks the subject's compatibility rule (HTTP 409).
 * A deployment problem: the code's schema must change, retrying will not help.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
    private final String subject;

    public IncompatibleSchemaException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
