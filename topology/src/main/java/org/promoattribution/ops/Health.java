package org.promoattribution.ops;

import org.apache.kafka.streams.KafkaStreams.State;

/**
 * What the health endpoints say of a Kafka Streams state. Ready only when RUNNING: then every
 * task is assigned and restored, and interactive queries answer. Live unless the instance
 * failed for good: ERROR or PENDING_ERROR, or NOT_RUNNING when no one asked it to stop.
 */
record Health(State state, boolean live, boolean ready) {

    static Health of(State state, boolean stopRequested) {
        boolean failed = state == State.ERROR || state == State.PENDING_ERROR
                || (state == State.NOT_RUNNING && !stopRequested);
        return new Health(state, !failed, state == State.RUNNING);
    }
}
