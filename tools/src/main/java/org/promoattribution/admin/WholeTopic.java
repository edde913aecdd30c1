package org.promoattribution.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from its beginning to the end it had when reading began (later records are not
 * waited for): a compacted topic, where the latest record per key is the truth, or the decisions
 * so far.
 */
final class WholeTopic {
    private static final Duration POLL = Duration.ofMillis(200);

    private WholeTopic() {
    }

    /**
     * Hands every record to {@code each}, in offset order per partition; fails when no record came
     * for {@code silence} before the end was reached.
     */
    static void readToEnd(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                          Duration silence, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        readToEnd(consumer, topic, null, silence, each);
    }

    /** As {@link #readToEnd(org.apache.kafka.clients.consumer.Consumer, String, Duration, Consumer)}, from the
     *  first record whose timestamp is {@code since} or later (null: the beginning). */
    static void readToEnd(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                          Instant since, Duration silence, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic + " on the cluster");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        if (since != null) {
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, Math.max(0, since.toEpochMilli())));
            consumer.offsetsForTimes(at).forEach((p, found) -> {
                if (found == null) { // nothing that late: nothing to read here
                    consumer.seekToEnd(List.of(p));
                } else {
                    consumer.seek(p, found.offset());
                }
            });
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + silence.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end: nothing came for " + silence);
            }
            var records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                deadline = System.nanoTime() + silence.toNanos();
            }
            records.forEach(each);
        }
    }
}
