package org.promoattribution.streams;

/**
 * The task's stream time measured in event time: the latest click or conversion timestamp
 * seen. Record timestamps are the producer's, not the event's, so Kafka's own stream time
 * cannot say when "stream time passes t + D" (SPEC rule 8).
 */
final class EventClock {
    private long now = Long.MIN_VALUE;

    void advanceTo(long eventTime) {
        now = Math.max(now, eventTime);
    }

    boolean started() {
        return now != Long.MIN_VALUE;
    }

    long now() {
        return now;
    }
}
