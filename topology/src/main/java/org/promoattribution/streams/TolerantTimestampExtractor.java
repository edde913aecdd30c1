package org.promoattribution.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The record's timestamp, or the partition's time when the record has none (negative): Kafka's
 * default extractor fails the task on such a record, and every retry with it. The record is then
 * judged by its own event time, like any other.
 */
public final class TolerantTimestampExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
