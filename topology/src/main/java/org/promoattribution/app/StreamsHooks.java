package org.promoattribution.app;

import java.time.Clock;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.promoattribution.config.HealthSettings;
import org.promoattribution.metrics.AttributionMetrics;

/**
 * What the application hands Kafka Streams to call back: the uncaught-exception handler and the
 * state listener, which report to one {@link ThreadFailureWatch}, and the clients, whose main
 * consumer reports input deleted before it was read to one {@link LostInput}; the health checks
 * read both. Override a method to hook in other behaviour.
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

    /** Hooks reporting to a watch of their own, on the system clock. */
    public static StreamsHooks watching(HealthSettings settings, AttributionMetrics metrics) {
        return new StreamsHooks(new ThreadFailureWatch(settings, Clock.systemUTC()), metrics);
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
}
