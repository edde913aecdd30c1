package org.promoattribution.app;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.metrics.AttributionMetrics;

/**
 * The application's parts that Kafka Streams calls back, each a named method to override (as
 * bakdata's streams-bootstrap lets an application override its state listener and handlers):
 * the uncaught-exception handler and the state listener, which report to one
 * {@link ThreadFailureWatch}; the clients, whose main consumer reports input deleted before it
 * was read to one {@link LostInput}; and how the instance leaves on close. The health checks read
 * the watch and the lost input. The handlers of records failing in processing or production are
 * Kafka Streams settings ({@code processing.exception.handler}, {@code production.exception.handler}):
 * configured ones replace the dead-letter handlers.
 */
public class StreamsHooks {
    private final ThreadFailureWatch watch;
    private final AttributionMetrics metrics;
    private final LostInput lostInput;

    public StreamsHooks(ThreadFailureWatch watch, AttributionMetrics metrics) {
        this.watch = watch;
        this.metrics = metrics;
        this.lostInput = new LostInput(metrics);
    }

    /** The default hooks: reporting to a watch of their own, with the configured health settings, on the system clock. */
    public static StreamsHooks defaults(AttributionConfig config, AttributionMetrics metrics) {
        return new StreamsHooks(new ThreadFailureWatch(config.health(), Clock.systemUTC()), metrics);
    }

    public ThreadFailureWatch watch() {
        return watch;
    }

    public LostInput lostInput() {
        return lostInput;
    }

    public StreamsUncaughtExceptionHandler uncaughtExceptionHandler() {
        return new ReplaceFailedThread(watch, metrics);
    }

    public KafkaStreams.StateListener stateListener() {
        return new WatchedStateListener(watch);
    }

    public KafkaClientSupplier clientSupplier() {
        return new StreamsClients(lostInput);
    }

    /**
     * Leaving the group lets a restarted or remaining instance take the partitions over at once
     * instead of after the session timeout.
     */
    public CloseOptions closeOptions() {
        return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30));
    }
}
