package org.promoattribution.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka Streams' main consumer, telling a partition's lag as unknown after a resume until it is
 * fresh again, so that a task takes the records already on the broker in order across its clicks
 * and conversions (SPEC rule 1) after a restart or a rebalance as in steady state.
 * <p>
 * A task takes the record with the oldest timestamp among its partitions' buffers; with
 * {@code max.task.idle.ms=0} it goes on without an empty partition only when that partition's
 * lag, as the consumer knows it, is 0. While a task catches up on a backlog, Kafka Streams pauses
 * a partition whose buffer is full (1,000 records): the consumer stops fetching it, and so stops
 * learning its high watermark, while the other partitions are fetched on. Once resumed and
 * drained, the partition looks caught up (position = the old high watermark) and the task takes
 * orders fetched since, ahead of clicks that reached the broker before them (seen in
 * {@code faults.RuleOneAcrossCrashesIT}). So a resumed partition's lag is unknown (Kafka Streams
 * then waits for it) until a poll returns its records, or until a fetch sent after the resume
 * must have come back: twice {@code fetch.max.wait.ms}. Only a partition resumed with nothing new
 * on the broker waits that long, once per resume.
 */
final class FreshLagConsumer implements InvocationHandler {
    private final Consumer<byte[], byte[]> consumer;
    private final Duration staleFor;
    private final Clock clock;
    /** Partitions resumed and not fetched since, with when; only the stream thread uses the consumer. */
    private final Map<TopicPartition, Instant> resumed = new HashMap<>();

    private FreshLagConsumer(Consumer<byte[], byte[]> consumer, Duration fetchMaxWait, Clock clock) {
        this.consumer = consumer;
        this.staleFor = fetchMaxWait.multipliedBy(2);
        this.clock = clock;
    }

    /** {@code consumer}, every call passed on, the lag of a partition resumed and not fetched since unknown. */
    static Consumer<byte[], byte[]> around(Consumer<byte[], byte[]> consumer, Duration fetchMaxWait, Clock clock) {
        return ConsumerProxy.through(new FreshLagConsumer(consumer, fetchMaxWait, clock));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        // Kafka Streams may resume partitions that are not paused: those were fetched all along.
        Set<TopicPartition> paused = method.getName().equals("resume") ? consumer.paused() : Set.of();
        Object result;
        try {
            result = method.invoke(consumer, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        switch (method.getName()) {
            case "resume" -> ((Collection<TopicPartition>) args[0]).stream().filter(paused::contains)
                    .forEach(p -> resumed.put(p, clock.instant()));
            case "poll" -> ((ConsumerRecords<byte[], byte[]>) result).partitions().forEach(resumed::remove);
            case "currentLag" -> {
                return lag((TopicPartition) args[0], (OptionalLong) result);
            }
            default -> {
                // passed on as it is
            }
        }
        return result;
    }

    private OptionalLong lag(TopicPartition partition, OptionalLong known) {
        Instant at = resumed.get(partition);
        if (at == null) {
            return known;
        }
        if (clock.instant().isBefore(at.plus(staleFor))) {
            return OptionalLong.empty();
        }
        resumed.remove(partition);
        return known;
    }
}
