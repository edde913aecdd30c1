package org.promoattribution.app;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;

/**
 * One stream thread failure as health and metrics tell it: when, what was thrown and, when Kafka
 * Streams says, in which task.
 *
 * @param exception the class of what went wrong: the innermost cause under Kafka Streams' wrapping
 * @param task      the task that failed, or null when Kafka Streams does not say (an Error carries none)
 */
public record ThreadFailure(Instant at, String exception, String message, String task) {

    static ThreadFailure of(Throwable thrown, Instant at) {
        Throwable cause = thrown;
        // A processor's exception reaches the handler wrapped in StreamsExceptions, which say nothing.
        while (cause instanceof StreamsException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new ThreadFailure(at, cause.getClass().getName(), cause.getMessage(), taskOf(thrown));
    }

    private static String taskOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StreamsException streams) {
                Optional<TaskId> task = streams.taskId();
                if (task.isPresent()) {
                    return task.get().toString();
                }
            }
        }
        return null;
    }

    /** "java.lang.IllegalStateException: boom in task 0_1" */
    String describe() {
        return exception + (message == null ? "" : ": " + message) + (task == null ? "" : " in task " + task);
    }
}
