package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
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

    /** The record's own headers, kept, plus ours. */
    static Headers of(Headers received, InvalidRecordException failure, Optional<RecordMetadata> source) {
        Headers headers = new RecordHeaders(received.toArray());
        add(headers, REASON, failure.reason().name());
        add(headers, ERROR, String.valueOf(failure.getMessage()));
        source.ifPresent(s -> {
            add(headers, SOURCE_TOPIC, s.topic());
            add(headers, SOURCE_PARTITION, Integer.toString(s.partition()));
            add(headers, SOURCE_OFFSET, Long.toString(s.offset()));
        });
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
