package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** ISO-8601 durations as settings and options are written: Duration's form, and weeks alone. */
class IsoDurationsTest {

    @Test
    void weeksAloneAreSevenDaysEach() {
        assertThat(IsoDurations.parse("P1W")).isEqualTo(Duration.ofDays(7));
        assertThat(IsoDurations.parse("P52W")).isEqualTo(Duration.ofDays(364));
        assertThat(IsoDurations.parse("p2w")).isEqualTo(Duration.ofDays(14));
        assertThat(IsoDurations.parse("-P1W")).isEqualTo(Duration.ofDays(-7));
        assertThat(IsoDurations.parse("P0W")).isZero();
    }

    @Test
    void everythingElseIsReadAsDurationReadsIt() {
        assertThat(IsoDurations.parse("P30D")).isEqualTo(Duration.ofDays(30));
        assertThat(IsoDurations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> IsoDurations.parse("P1M")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDurations.parse("P1W2D")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDurations.parse("P1WT1H")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDurations.parse("P99999999999999999999W"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
