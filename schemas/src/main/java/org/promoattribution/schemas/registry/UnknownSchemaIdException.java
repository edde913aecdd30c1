package org.promoattribution.schemas.registry;

/** The registry answered that no schema has this id: the record, not the registry, is at fault. */
public class UnknownSchemaIdException extends SchemaRegistryException {
    private final int id;

    public UnknownSchemaIdException(int id) {
        this(id, "unknown schema id " + id);
    }

    /** {@code message} should name the id and where it was looked up. */
    public UnknownSchemaIdException(int id, String message) {
        super(message);
        this.id = id;
    }

    public int id() {
        return id;
    }
}
