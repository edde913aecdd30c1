package org.promoattribution.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.promoattribution.deadletter.DeadLetterReason;
import org.promoattribution.validation.InvalidRecordException;

/** The headers that tell a dead-letter record's reader why it is there and where it came from. */
public final class DeadLetterHeaders {
    public static final String REASON = "dlq.reason";
    public static final String ERROR = "dlq.error";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** Only on a dead letter whose value was cut to fit the producer's limit: the value's length as received. */
    public static final String TRUNCATED_FROM = "dlq.truncated.from";

    private DeadLetterHeaders() {
    }

    /** Longer error messages are cut: a message may quote the record, and the dead letter must stay writable. */
    public static final int MAX_ERROR_CHARS = 2_000;

    /** The record's own headers, kept, plus ours. */
    public static Headers of(Headers received, InvalidRecordException failure, Optional<RecordMetadata> source) {
        return of(received, failure.reason(), String.valueOf(failure.getMessage()),
                source.map(RecordMetadata::topic).orElse(null),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L));
    }

    /**
     * The record's own headers (may be null), kept, plus ours; {@code topic} null (or a negative
     * partition or offset) when the failure had no source record, as in a punctuation.
     */
    public static Headers of(Headers received, DeadLetterReason reason, String error, String topic, int partition,
                      long offset) {
        Headers headers = received == null ? new RecordHeaders() : new RecordHeaders(received.toArray());
        add(headers, REASON, reason.name());
        add(headers, ERROR, error.length() <= MAX_ERROR_CHARS ? error
                : error.substring(0, MAX_ERROR_CHARS) + "… (" + error.length() + " characters)");
        if (topic != null) {
            add(headers, SOURCE_TOPIC, topic);
        }
        if (partition >= 0) {
            add(headers, SOURCE_PARTITION, Integer.toString(partition));
        }
        if (offset >= 0) {
            add(headers, SOURCE_OFFSET, Long.toString(offset));
        }
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
