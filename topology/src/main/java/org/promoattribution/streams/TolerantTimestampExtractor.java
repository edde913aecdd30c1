package org.promoattribution.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The record's timestamp, within what a producer's clock can be trusted for. Kafka Streams takes
 * a task's partitions in timestamp order, so one record stamped ahead (the broker accepts up to an
 * hour) would hold back every later record of its partition behind the other's until the clock
 * caught up: orders decided without the clicks queued behind a junk click. A timestamp ahead of
 * the wall clock counts as now. A record without one (negative, as only old clients write) takes
 * its partition's time: Kafka's default extractor fails the task on it, on every retry. Either way
 * the record is then judged by its own event time, like any other.
 */
public final class TolerantTimestampExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long timestamp = record.timestamp();
        return timestamp < 0 ? Math.max(partitionTime, 0) : Math.min(timestamp, System.currentTimeMillis());
    }
}
