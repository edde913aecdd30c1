package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.promoattribution.validation.EventTimes;
import org.promoattribution.validation.RecordLimits;

/** SPEC "Limits" and "Time": SPEC's bounds by default, each configurable, each key declared by its check. */
class RecordCheckSettingsTest {

    @Test
    void defaultsAreAHundredCodesAndAnHourAhead() {
        AttributionConfig config = config();
        assertThat(config.maxCodesPerConversion()).isEqualTo(100);
        assertThat(config.eventTimeMaxAhead()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void eachKeyIsReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("conversion.max.codes", "3", "event.time.max.ahead", "PT5M");
        assertThat(config.maxCodesPerConversion()).isEqualTo(3);
        assertThat(config.eventTimeMaxAhead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.streams().stringPropertyNames())
                .noneMatch(key -> RecordLimits.KEYS.covers(key) || EventTimes.KEYS.covers(key));
    }

    /** Each key is declared by the check that applies it and names it in dlq.error, and listed among the owners. */
    @Test
    void eachKeyIsDeclaredByItsCheck() {
        assertThat(RecordLimits.KEYS.declares(RecordLimits.MAX_CODES)).isTrue();
        assertThat(EventTimes.KEYS.declares(EventTimes.MAX_AHEAD)).isTrue();
        assertThat(AttributionConfig.OWNERS).contains(RecordLimits.KEYS, EventTimes.KEYS);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> config("conversion.max.codes", "0")).hasMessage(
                "conversion.max.codes must be a positive integer: 0");
        assertThatThrownBy(() -> config("event.time.max.ahead", "1h")).hasMessage(
                "event.time.max.ahead must be an ISO-8601 duration such as P30D, P2W or PT10M: 1h");
    }

    @Test
    void aMistypedKeyIsAnError() {
        assertThatThrownBy(() -> config("conversion.max.code", "3")).hasMessageContaining(
                "(did you mean conversion.max.codes?)");
    }
}
