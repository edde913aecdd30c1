package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.promoattribution.usage.LeakRule;

/** The keys of SPEC "Promo-code usage and leaks": SPEC's defaults, and values that make no sense refused at start. */
class UsageSettingsTest {
    @Test
    void defaultsAreSpecsTenUsesAndHalfWithSixtyDaysUpdatable() {
        UsageSettings usage = config().usage();
        assertThat(usage.leakRule()).isEqualTo(new LeakRule(10, new BigDecimal("0.5")));
        assertThat(usage.retention()).isEqualTo(Duration.ofDays(60));
        assertThat(usage.figures()).isTrue();
    }

    @Test
    void usageKeysAreOursNotKafkaStreams() {
        AttributionConfig config = config(UsageSettings.LEAK_MIN_USES, "3", UsageSettings.LEAK_RATIO, "0.25",
                UsageSettings.RETENTION, "P7D", UsageSettings.FIGURES, "false");
        assertThat(config.usage()).isEqualTo(new UsageSettings(false, new LeakRule(3, new BigDecimal("0.25")), Duration.ofDays(7)));
        assertThat(config.streams().stringPropertyNames()).noneMatch(UsageSettings.KEYS::covers);
    }

    @Test
    void aRatioOutsideZeroToOneOrARetentionUnderADayIsRefused() {
        assertThatThrownBy(() -> config(UsageSettings.LEAK_RATIO, "1.5")).hasMessageContaining("leak.ratio");
        assertThatThrownBy(() -> config(UsageSettings.LEAK_RATIO, "half")).hasMessageContaining("leak.ratio");
        assertThatThrownBy(() -> config(UsageSettings.LEAK_MIN_USES, "0")).hasMessageContaining("leak.min.uses");
        assertThatThrownBy(() -> config(UsageSettings.RETENTION, "PT12H")).hasMessageContaining("usage.retention");
        assertThatThrownBy(() -> config(UsageSettings.FIGURES, "yes")).hasMessageContaining("usage.figures");
    }

    @Test
    void aMistypedUsageKeyIsAnError() {
        assertThatThrownBy(() -> config("leak.min.use", "3")).hasMessageContaining("(did you mean leak.min.uses?)");
    }
}
