package org.promoattribution.streams;

import java.time.Instant;

/** Checks a decoded record against the wall clock {@code now}; throws InvalidRecordException when it is bad input. */
@FunctionalInterface
public interface RecordCheck<T> {
    T check(T value, Instant now);

    /** Reading back what the pipeline itself checked and wrote. */
    static <T> RecordCheck<T> none() {
        return (value, now) -> value;
    }
}
