package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from a file and the environment; a program id reaches its own program or stops the start. */
class ConfigSourcesTest {
    @TempDir
    Path dir;

    @Test
    void aVariableSetsItsKeyAndWinsOverTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("app.properties"), "referral.window=P7D\n");
        Properties props = ConfigSources.load(file, Map.of("PROMO_ATTRIBUTION_REFERRAL_WINDOW", "P1D",
                "PROMO_ATTRIBUTION_TOPIC_PROMO__CODES", "codes", "OTHER", "x"));
        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of("referral.window", "P1D", "topic.promo-codes", "codes"));
    }

    /** Before: PROMO_ATTRIBUTION_REFERRAL_WINDOW_PROGRAM_BIGP set the window of "bigp", never of "BigP". */
    @Test
    void aPerProgramKeyInAVariablesNameIsRefusedNamingTheVariableAndTheWayThatWorks() {
        assertThatThrownBy(() -> ConfigSources.load(null, Map.of("PROMO_ATTRIBUTION_REFERRAL_WINDOW_PROGRAM_BIGP", "PT1H")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PROMO_ATTRIBUTION_REFERRAL_WINDOW_PROGRAM_BIGP cannot name a program (a variable's name "
                        + "loses its case and '_'): set referral.window.program.<programId> in PROMO_ATTRIBUTION_SETTINGS"
                        + " as key=value lines, or in the config file");
        assertThatThrownBy(() -> ConfigSources.load(null, Map.of("PROMO_ATTRIBUTION_LOCK_PERIOD_PROGRAM_ACME", "P7D")))
                .hasMessageContaining("lock.period.program.<programId>");
    }

    @Test
    void theSettingsVariableReachesEveryProgramIdCaseAndUnderscoreKept() {
        Properties props = ConfigSources.load(null, Map.of("PROMO_ATTRIBUTION_SETTINGS",
                "referral.window.program.BigP=PT1H\nreferral.window.program.big_p = PT2H\n"
                        + "lock.period.program.caf\\u00e9\\ shop=P7D\n# a comment\nreferral.window=P7D\n",
                "PROMO_ATTRIBUTION_REFERRAL_WINDOW", "P3D"));
        AttributionConfig config = AttributionConfig.from(props);
        assertThat(config.referralWindow("BigP")).isEqualTo(Duration.ofHours(1));
        assertThat(config.referralWindow("big_p")).isEqualTo(Duration.ofHours(2));
        assertThat(config.referralWindow("bigp")).isEqualTo(Duration.ofDays(3)); // the named variable wins
        assertThat(config.adjustments().lockPeriod("café shop")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void settingsThatAreNotPropertiesTextAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ConfigSources.load(null, Map.of("PROMO_ATTRIBUTION_SETTINGS", "a=\\u00zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PROMO_ATTRIBUTION_SETTINGS is not properties text (key=value lines): ");
    }
}
