package org.promoattribution.schemas.registry;

/** The registry answered that no schema has this id: the record, not the registry, is at fault. */
public class UnknownSchemaIdException extends SchemaRegistryException {
    private final int id;

    public UnknownSchemaIdException(int id) {
        super("unknown schema id " + id);
        this.id = id;
    }

    public int id() {
        return id;
    }
}
