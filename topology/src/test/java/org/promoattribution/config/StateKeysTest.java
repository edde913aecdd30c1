package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long state is kept and how it is swept. */
class StateKeysTest {

    @Test
    void defaults() {
        AttributionConfig config = config();
        assertThat(config.clickRetentionGrace()).isEqualTo(Duration.ofDays(1));
        assertThat(config.inlineClicksPerSession()).isEqualTo(32);
        assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.sweepBatch()).isEqualTo(10_000);
        assertThat(config.explainRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void eachKeyIsReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("click.retention.grace", "PT0S", "dedup.retention", "P2D",
                "state.sweep.interval", "PT10S", "state.sweep.batch", "50", "explain.retention", "P1D");
        assertThat(config.clickRetentionGrace()).isZero();
        assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(2));
        assertThat(config.sweepInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.sweepBatch()).isEqualTo(50);
        assertThat(config.explainRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(config.streams().stringPropertyNames()).noneMatch(StateKeys.KEYS::covers);
    }

    @Test
    void aSessionKeepsFromNoneToAHundredAndTwentyEightClicksInItsOwnEntry() {
        assertThat(config("click.inline.max", "0").inlineClicksPerSession()).isZero();
        assertThat(config("click.inline.max", "128").inlineClicksPerSession()).isEqualTo(128);
        for (String refused : new String[] {"-1", "129", "many"}) {
            assertThatThrownBy(() -> config("click.inline.max", refused))
                    .hasMessage("click.inline.max must be an integer from 0 to 128: " + refused);
        }
    }

    @Test
    void kafkaStreamsStateSettingsStayWithKafkaStreams() {
        AttributionConfig config = config("state.dir", "/var/lib/state", "state.cleanup.delay.ms", "60000");
        assertThat(config.streams()).containsEntry("state.dir", "/var/lib/state")
                .containsEntry("state.cleanup.delay.ms", "60000");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> config("click.retention.grace", "-P1D")).hasMessage(
                "click.retention.grace must not be negative: -P1D");
        assertThatThrownBy(() -> config("dedup.retention", "PT0S")).hasMessage(
                "dedup.retention must be a positive duration: PT0S");
        assertThatThrownBy(() -> config("state.sweep.batch", "many")).hasMessage(
                "state.sweep.batch must be a positive integer: many");
        assertThatThrownBy(() -> config("explain.retention", "PT0S")).hasMessage(
                "explain.retention must be a positive duration: PT0S");
    }

    @Test
    void aMistypedStateKeyIsAnError() {
        assertThatThrownBy(() -> config("state.sweep.intervall", "PT1M")).hasMessageContaining(
                "unknown setting state.sweep.intervall (did you mean state.sweep.interval?)");
        assertThatThrownBy(() -> config("dedup.retension", "P1D")).hasMessageContaining(
                "(did you mean dedup.retention?)");
    }
}
