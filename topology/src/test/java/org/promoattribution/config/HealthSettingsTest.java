package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a failing stream thread makes the instance unready or not live. */
class HealthSettingsTest {

    @Test
    void defaults() {
        assertThat(config().health()).isEqualTo(new HealthSettings(Duration.ofSeconds(30), 5, Duration.ofMinutes(10)));
    }

    @Test
    void eachKeyIsReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("health.failure.quiet.period", "PT5S", "health.crash.loop.failures", "3",
                "health.crash.loop.window", "PT1M");
        assertThat(config.health()).isEqualTo(new HealthSettings(Duration.ofSeconds(5), 3, Duration.ofMinutes(1)));
        assertThat(config.streams().stringPropertyNames()).noneMatch(HealthSettings.KEYS::covers);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> config("health.crash.loop.failures", "0")).hasMessage(
                "health.crash.loop.failures must be a positive integer: 0");
        assertThatThrownBy(() -> config("health.failure.quiet.period", "PT0S")).hasMessage(
                "health.failure.quiet.period must be a positive duration: PT0S");
        assertThatThrownBy(() -> config("health.crash.loop.window", "10m")).hasMessageContaining(
                "health.crash.loop.window");
    }

    @Test
    void aMistypedHealthKeyIsAnError() {
        assertThatThrownBy(() -> config("health.crash.loop.failure", "3")).hasMessageContaining(
                "(did you mean health.crash.loop.failures?)");
    }
}
