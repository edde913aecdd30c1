package org.promoattribution.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reads a compacted topic from its beginning to its end, where the latest record per key is the truth. */
final class CompactedTopic {
    private static final Duration POLL = Duration.ofMillis(200);

    private CompactedTopic() {
    }

    /** Hands every record to {@code each}, in offset order per partition; fails after {@code timeout}. */
    static void readToEnd(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                          Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic + " on the cluster");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
            consumer.poll(POLL).forEach(each);
        }
    }
}
