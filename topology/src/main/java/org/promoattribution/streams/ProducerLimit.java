package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterFit;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Refuses, at serialization, a value the producer could not send. Under exactly-once a send that
 * fails for its size puts the producer's transaction in an error state: the dead letter sent
 * after it fails too, the task is retried on the same record, forever. A serialization error
 * comes before the send, so the production handler can dead-letter the source record and the
 * transaction goes on.
 */
final class ProducerLimit {
    /** Room for the key (ids are at most 256 characters), the headers and the batch's framing. */
    static final int KEY_AND_FRAMING_BYTES = 4 * 1024;

    private final int maxValueBytes;

    private ProducerLimit(int maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
    }

    static ProducerLimit from(Map<String, ?> settings) {
        return new ProducerLimit(DeadLetterFit.from(settings).maxRequestSize() - KEY_AND_FRAMING_BYTES);
    }

    <T> Serde<T> guard(Serde<T> serde) {
        return Serdes.serdeFrom(new Guarded<>(serde.serializer(), maxValueBytes), serde.deserializer());
    }

    private record Guarded<T>(Serializer<T> inner, int maxValueBytes) implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            return checked(topic, inner.serialize(topic, data));
        }

        @Override
        public byte[] serialize(String topic, Headers headers, T data) {
            return checked(topic, inner.serialize(topic, headers, data));
        }

        private byte[] checked(String topic, byte[] value) {
            if (value != null && value.length > maxValueBytes) {
                throw new SerializationException("a value of " + value.length + " bytes for " + topic
                        + " exceeds what max.request.size allows with its key and headers (" + maxValueBytes + ")");
            }
            return value;
        }
    }
}
