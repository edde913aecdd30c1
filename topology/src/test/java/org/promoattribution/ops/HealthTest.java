package org.promoattribution.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTest {
    @ParameterizedTest
    @CsvSource({
            "CREATED, false, true, false",
            "REBALANCING, false, true, false",
            "RUNNING, false, true, true",
            "PENDING_SHUTDOWN, true, true, false",
            "NOT_RUNNING, true, true, false",   // stopped on request: shutting down, not failed
            "NOT_RUNNING, false, false, false", // stopped by itself
            "PENDING_ERROR, false, false, false",
            "ERROR, false, false, false"})
    void followsTheKafkaStreamsState(State state, boolean stopRequested, boolean live, boolean ready) {
        Health health = Health.of(state, stopRequested);
        assertThat(health.live()).as("live").isEqualTo(live);
        assertThat(health.ready()).as("ready").isEqualTo(ready);
    }
}
