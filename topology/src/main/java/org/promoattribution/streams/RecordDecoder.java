package org.promoattribution.streams;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.schemas.registry.UnknownSchemaIdException;
import org.promoattribution.schemas.serde.SchemaResolutionException;
import org.promoattribution.deadletter.DeadLetterReason;
import org.promoattribution.validation.InvalidRecordException;

/**
 * Reads one input record and checks it, turning every way the bytes can be bad into an
 * {@link InvalidRecordException}. A registry that cannot be reached is not bad data: that
 * exception passes through, so the record is retried instead of dead-lettered.
 */
public final class RecordDecoder<T extends SpecificRecord> {
    private final Deserializer<T> deserializer;
    private final RecordCheck<T> check;

    public RecordDecoder(Deserializer<T> deserializer, RecordCheck<T> check) {
        this.deserializer = deserializer;
        this.check = check;
    }

    public T decode(String topic, byte[] bytes, Instant now) {
        if (bytes == null) {
            throw new InvalidRecordException(DeadLetterReason.UNDECODABLE, "null value");
        }
        T value;
        try {
            value = deserializer.deserialize(topic, bytes);
        } catch (UnknownSchemaIdException e) {
            throw new InvalidRecordException(DeadLetterReason.UNKNOWN_SCHEMA_ID, e.getMessage(), e);
        } catch (SerializationException e) {
            throw new InvalidRecordException(classify(e), e.getMessage(), e);
        }
        return check.check(value, now);
    }

    /** The schema-resolution problem the deserializer named; any other unreadable body is undecodable. */
    private static DeadLetterReason classify(SerializationException e) {
        if (e instanceof SchemaResolutionException resolution) {
            return switch (resolution.problem()) {
                case MISSING_REQUIRED_FIELD -> DeadLetterReason.MISSING_FIELD;
                case UNKNOWN_ENUM_SYMBOL -> DeadLetterReason.UNKNOWN_ENUM;
            };
        }
        return DeadLetterReason.UNDECODABLE;
    }
}
