package org.promoattribution.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Keeps a dead letter writable. It is the received record plus our headers, so a record that
 * just fitted its input topic could exceed the producer's {@code max.request.size}: the write
 * would fail, and the stream thread with it, on every retry. Such a value is cut to what fits,
 * and {@link DeadLetterHeaders#TRUNCATED_FROM} says how long it was; the source headers still
 * point at the whole record.
 */
public final class DeadLetterFit {
    /** Room for the record batch's and the record's own framing, with a margin. */
    public static final int FRAMING_BYTES = 1024;
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private final int maxRequestSize;

    public DeadLetterFit(int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    /** The producer's limit as Kafka Streams passes it on: {@code producer.}-prefixed first. */
    public static DeadLetterFit from(Map<String, ?> appConfigs) {
        Object size = appConfigs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (size == null) {
            size = appConfigs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return new DeadLetterFit(size == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(size.toString().trim()));
    }

    public int maxRequestSize() {
        return maxRequestSize;
    }

    /** The value to write: as received, or its start, with the original length added to {@code headers}. */
    public byte[] fit(byte[] key, byte[] value, Headers headers) {
        if (value == null) {
            return null;
        }
        byte[] originalLength = Integer.toString(value.length).getBytes(StandardCharsets.UTF_8);
        int room = maxRequestSize - FRAMING_BYTES - length(key) - sizeOf(headers)
                - DeadLetterHeaders.TRUNCATED_FROM.length() - originalLength.length;
        if (value.length <= room) {
            return value;
        }
        headers.add(DeadLetterHeaders.TRUNCATED_FROM, originalLength);
        return Arrays.copyOf(value, Math.max(0, room));
    }

    private static int sizeOf(Headers headers) {
        int size = 0;
        for (Header header : headers) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        return size;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
