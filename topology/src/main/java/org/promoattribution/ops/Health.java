package org.promoattribution.ops;

import org.apache.kafka.streams.KafkaStreams.State;
import org.promoattribution.app.ThreadFailureWatch;

/**
 * What the health endpoints say: the Kafka Streams state, and why the instance is not live or not
 * ready (null when it is). The rules are the watch's: ready when RUNNING with no stream thread
 * failure in the quiet period; live unless ERROR, PENDING_ERROR, NOT_RUNNING that no one asked
 * for, or in a crash loop.
 */
record Health(State state, String notLive, String notReady) {

    static Health of(ThreadFailureWatch watch) {
        return new Health(watch.state(), watch.notLive().orElse(null), watch.notReady().orElse(null));
    }

    boolean live() {
        return notLive == null;
    }

    boolean ready() {
        return notReady == null;
    }
}
