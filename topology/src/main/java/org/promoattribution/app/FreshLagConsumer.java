package org.promoattribution.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Kafka Streams' main consumer, telling a resumed partition's lag as the broker tells it, so that
 * a task takes the records already on the broker in order across its clicks and conversions
 * (SPEC rule 1) after a restart or a rebalance as in steady state.
 * <p>
 * A task takes the record with the oldest timestamp among its partitions' buffers; with
 * {@code max.task.idle.ms=0} it goes on without an empty partition only when that partition's
 * lag, as the consumer knows it, is 0. While a task catches up on a backlog, Kafka Streams pauses
 * a partition whose buffer is full (1,000 records): the consumer stops fetching it, and so stops
 * learning its end, while the other partitions are fetched on. Once resumed and drained, the
 * partition looked caught up (position = the old end) and the task took orders fetched since,
 * ahead of clicks that reached the broker before them (seen in {@code faults.RuleOneAcrossCrashesIT}).
 * So until a poll brings a resumed partition's records, its lag is asked of the broker (its end
 * offset, the last stable one under exactly-once) when Kafka Streams needs it; unknown, so that
 * the task waits, while the broker does not answer within {@code fetch.max.wait.ms}; other errors
 * reach Kafka Streams. One round trip per resume, and only for a partition drained before new
 * records came: no timer, so a loaded machine whose fetches come back late is still right.
 */
final class FreshLagConsumer implements InvocationHandler {
    private final Consumer<byte[], byte[]> consumer;
    private final Duration askFor;
    /** Partitions resumed and not fetched since; only the stream thread uses the consumer. */
    private final Set<TopicPartition> resumed = new HashSet<>();

    private FreshLagConsumer(Consumer<byte[], byte[]> consumer, Duration askFor) {
        this.consumer = consumer;
        this.askFor = askFor;
    }

    /** {@code consumer}, every call passed on, the lag of a partition resumed and not fetched since asked of the broker. */
    static Consumer<byte[], byte[]> around(Consumer<byte[], byte[]> consumer, Duration askFor) {
        return ConsumerProxy.through(new FreshLagConsumer(consumer, askFor));
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
                    .forEach(resumed::add);
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
        if (!resumed.contains(partition) || known.isPresent() && known.getAsLong() > 0) {
            return known; // behind is behind: the task waits for the fetch either way
        }
        long lag;
        try {
            Long end = consumer.endOffsets(Set.of(partition), askFor).get(partition);
            if (end == null) {
                return OptionalLong.empty();
            }
            lag = Math.max(0, end - consumer.position(partition, askFor));
        } catch (RetriableException e) { // a timeout included: the task waits, and asks again
            return OptionalLong.empty();
        }
        if (lag == 0) {
            resumed.remove(partition); // caught up as of now: its fetches tell the rest
        }
        return OptionalLong.of(lag);
    }
}
