package org.promoattribution.app;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every state change of the Kafka Streams client and tells it to the health watch. */
public final class WatchedStateListener implements KafkaStreams.StateListener {
    private static final Logger log = LoggerFactory.getLogger(WatchedStateListener.class);

    private final ThreadFailureWatch watch;

    public WatchedStateListener(ThreadFailureWatch watch) {
        this.watch = watch;
    }

    @Override
    public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
        log.info("state {} -> {}", before, now);
        watch.stateChanged(now);
    }
}
