package org.promoattribution.admin;

import java.time.Duration;
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
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic + " on the cluster");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
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
