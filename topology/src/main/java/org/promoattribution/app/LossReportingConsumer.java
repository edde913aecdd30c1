package org.promoattribution.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka Streams' main consumer, reporting positions found out of range to {@link LostInput}.
 * <p>
 * With {@code auto.offset.reset=none} (which {@link StreamsClients} sets), Kafka Streams catches
 * the {@link OffsetOutOfRangeException} its poll throws and seeks by the configured reset policy,
 * logging no more than one INFO line. The exception is the only place the lost position shows, so
 * this consumer looks at it on its way: it reads the log's bounds of those partitions (on the
 * stream thread, which owns the consumer), reports, and rethrows it, so that Kafka Streams resets
 * as before.
 */
final class LossReportingConsumer implements InvocationHandler {
    private final Consumer<byte[], byte[]> consumer;
    private final LostInput lostInput;
    private final Clock clock;

    private LossReportingConsumer(Consumer<byte[], byte[]> consumer, LostInput lostInput, Clock clock) {
        this.consumer = consumer;
        this.lostInput = lostInput;
        this.clock = clock;
    }

    /** {@code consumer}, every call passed on, out-of-range positions reported. */
    static Consumer<byte[], byte[]> around(Consumer<byte[], byte[]> consumer, LostInput lostInput, Clock clock) {
        return ConsumerProxy.through(new LossReportingConsumer(consumer, lostInput, clock));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(consumer, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof OffsetOutOfRangeException outOfRange) {
                report(outOfRange.offsetOutOfRangePartitions());
            }
            throw e.getCause();
        }
    }

    private void report(Map<TopicPartition, Long> positions) {
        Instant at = clock.instant();
        Map<TopicPartition, Long> starts = Map.of();
        Map<TopicPartition, Long> ends = Map.of();
        try {
            starts = consumer.beginningOffsets(positions.keySet());
            ends = consumer.endOffsets(positions.keySet());
        } catch (KafkaException e) {
            // Reported with the position alone: the out-of-range exception must reach Kafka Streams.
        }
        for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
            TopicPartition partition = position.getKey();
            lostInput.found(new OffsetLoss(partition, position.getValue(),
                    starts.getOrDefault(partition, OffsetLoss.UNKNOWN), ends.getOrDefault(partition, OffsetLoss.UNKNOWN),
                    at));
        }
    }
}
