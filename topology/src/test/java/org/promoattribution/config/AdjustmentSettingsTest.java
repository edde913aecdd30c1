package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC "Adjustments": A1's retention, A5's wait and A3's lock period, per program if set. */
class AdjustmentSettingsTest {

    @Test
    void defaultsAreSpecs() {
        assertThat(config().adjustments()).isEqualTo(new AdjustmentSettings(Duration.ofDays(180), Duration.ofHours(1),
                Duration.ofDays(60), Map.of()));
    }

    @Test
    void eachKeyIsReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("adjustment.retention", "P10D", "adjustment.max.wait", "PT5M",
                "lock.period", "P1D", "lock.period.program.acme", "P7D");
        AdjustmentSettings adjustments = config.adjustments();
        assertThat(adjustments).isEqualTo(new AdjustmentSettings(Duration.ofDays(10), Duration.ofMinutes(5),
                Duration.ofDays(1), Map.of("acme", Duration.ofDays(7))));
        assertThat(adjustments.lockPeriod("acme")).isEqualTo(Duration.ofDays(7));
        assertThat(adjustments.lockPeriod("other")).isEqualTo(Duration.ofDays(1));
        assertThat(config.streams().stringPropertyNames()).noneMatch(AdjustmentSettings.KEYS::covers);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> config("adjustment.retention", "PT0S")).hasMessage(
                "adjustment.retention must be a positive duration: PT0S");
        assertThatThrownBy(() -> config("adjustment.max.wait", "an hour")).hasMessageContaining("adjustment.max.wait");
        assertThatThrownBy(() -> config("lock.period.program.acme", "-P1D")).hasMessage(
                "lock.period.program.acme must be a positive duration: -P1D");
    }

    @Test
    void aMistypedLockPeriodIsAnErrorNamingTheIntendedOne() {
        assertThatThrownBy(() -> config("lock.periode", "P7D")).hasMessageContaining(
                "unknown setting lock.periode (did you mean lock.period?)");
    }
}
