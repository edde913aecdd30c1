package org.promoattribution.app;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread died: it is replaced, and resumes from its last committed offsets. The failure
 * is told to the health watch and counted.
 * <p>
 * The answer stays REPLACE_THREAD in a crash loop too, never SHUTDOWN_CLIENT. A client shut down
 * is ERROR for good: it could not heal when the cause passes (a registry back, a disk freed), it
 * would stop the healthy partitions of this instance with the failing one, and its partitions
 * would move to the other instances, where a poison record would stop them in turn until the
 * whole application is down. Liveness goes DOWN in a crash loop instead, so an orchestrator
 * restarts the instance (with its own back-off, visibly); without one it keeps trying.
 */
public final class ReplaceFailedThread implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ReplaceFailedThread.class);

    private final ThreadFailureWatch watch;
    private final AttributionMetrics metrics;

    public ReplaceFailedThread(ThreadFailureWatch watch, AttributionMetrics metrics) {
        this.watch = watch;
        this.metrics = metrics;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        ThreadFailure failure = watch.threadFailed(exception);
        metrics.streamThreadReplaced(failure.exception());
        if (registryFailure(exception)) {
            // The registry's own message says it all; a stack trace per replaced thread would bury it.
            log.error("stream thread failed; replacing it: {}", failure.describe());
        } else {
            log.error("stream thread failed; replacing it", exception);
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static boolean registryFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException) {
                return true;
            }
        }
        return false;
    }
}
