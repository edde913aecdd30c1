package org.promoattribution.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's writer schema cannot be resolved against the reader's: the record is bad data for
 * this reader (dead-letter it), and {@link #problem()} says why without parsing the message.
 */
public class SchemaResolutionException extends SerializationException {

    public enum Problem {
        /** The writer's schema lacks a field that the reader's schema requires (has no default for). */
        MISSING_REQUIRED_FIELD,
        /** The record holds an enum symbol that the reader's enum does not have (and it has no default). */
        UNKNOWN_ENUM_SYMBOL
    }

    private final Problem problem;
    private final String name;
    private final int writerSchemaId;

    public SchemaResolutionException(Problem problem, String name, int writerSchemaId, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.name = name;
        this.writerSchemaId = writerSchemaId;
    }

    public Problem problem() {
        return problem;
    }

    /** The missing field, or the unknown symbol. */
    public String name() {
        return name;
    }

    public int writerSchemaId() {
        return writerSchemaId;
    }
}
