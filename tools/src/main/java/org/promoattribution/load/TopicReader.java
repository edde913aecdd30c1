package org.promoattribution.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.promoattribution.config.AttributionConfig;

/**
 * Reads whole topics, every partition, without a consumer group (nothing to join, nothing
 * committed): records as bytes, for the caller to decode as the topic requires.
 */
public final class TopicReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private final Consumer<byte[], byte[]> consumer;

    private TopicReader(Consumer<byte[], byte[]> consumer, Collection<String> topics, boolean fromBeginning) {
        this.consumer = consumer;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> found = consumer.partitionsFor(topic);
            if (found == null || found.isEmpty()) {
                consumer.close();
                throw new IllegalArgumentException("no topic " + topic + " on the cluster");
            }
            found.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
    }

    /** A read_committed reader of {@code topics}, from their beginning or from now on. */
    public static TopicReader open(AttributionConfig config, Collection<String> topics, boolean fromBeginning) {
        return new TopicReader(new KafkaConsumer<>(ClientSettings.consumer(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), topics, fromBeginning);
    }

    /**
     * Hands every record to {@code handler} until it returns false (then true is returned), or
     * until no record came for {@code silence} (null: wait for ever) or {@link #wakeup()} was
     * called (then false).
     */
    public boolean read(Predicate<ConsumerRecord<byte[], byte[]>> handler, Duration silence) {
        long quietSince = System.nanoTime();
        try {
            while (silence == null || System.nanoTime() - quietSince < silence.toNanos()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    quietSince = System.nanoTime();
                    if (!handler.test(record)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (WakeupException e) {
            return false;
        }
    }

    /** Ends a {@link #read} in progress from another thread (e.g. on Ctrl-C). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
