package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credit rule's settings: SPEC's 30-day window, the session cap and rule 8's delay. */
class RuleKeysTest {

    @Test
    void defaultsAreAThirtyDayWindowAndDecisionsOnArrival() {
        AttributionConfig config = config();
        assertThat(config.referralWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(config.referralWindowByProgram()).isEmpty();
        assertThat(config.maxClicksPerSession()).isEqualTo(1000);
        assertThat(config.decisionDelay()).isZero();
        assertThat(config.decisionMaxWait()).isZero();
        assertThat(config.delaysDecisions()).isFalse();
    }

    @Test
    void eachKeyIsReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("referral.window", "P7D", "referral.window.program.acme", "P1D",
                "session.max.clicks", "5", "decision.delay", "PT1M", "decision.max.wait", "PT5M");
        assertThat(config.referralWindow("acme")).isEqualTo(Duration.ofDays(1));
        assertThat(config.referralWindow("other")).isEqualTo(Duration.ofDays(7));
        assertThat(config.referralWindowByProgram()).isEqualTo(Map.of("acme", Duration.ofDays(1)));
        assertThat(config.maxClicksPerSession()).isEqualTo(5);
        assertThat(config.decisionDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.decisionMaxWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.streams().stringPropertyNames()).noneMatch(RuleKeys.KEYS::covers);
    }

    /** ISO-8601 writes weeks as PnW; every kind of duration setting reads them (positive, per program, not negative). */
    @Test
    void weeksAreReadInEveryKindOfDurationSetting() {
        AttributionConfig config = config("referral.window", "P2W", "referral.window.program.acme", "P1W",
                "decision.delay", "P1W", "decision.max.wait", "p3w");
        assertThat(config.referralWindow()).isEqualTo(Duration.ofDays(14));
        assertThat(config.referralWindow("acme")).isEqualTo(Duration.ofDays(7));
        assertThat(config.decisionDelay()).isEqualTo(Duration.ofDays(7));
        assertThat(config.decisionMaxWait()).isEqualTo(Duration.ofDays(21));
        assertThatThrownBy(() -> config("referral.window", "P0W")).hasMessage(
                "referral.window must be a positive duration: P0W");
        assertThatThrownBy(() -> config("decision.delay", "-P1W")).hasMessage(
                "decision.delay must not be negative: -P1W");
    }

    @Test
    void theMaxWaitIsTwiceTheDelayUnlessSet() {
        assertThat(config("decision.delay", "PT1M").decisionMaxWait()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> config("referral.window", "30 days")).hasMessage(
                "referral.window must be an ISO-8601 duration such as P30D, P2W or PT10M: 30 days");
        assertThatThrownBy(() -> config("referral.window.program.acme", "PT0S")).hasMessage(
                "referral.window.program.acme must be a positive duration: PT0S");
        assertThatThrownBy(() -> config("session.max.clicks", "0")).hasMessage(
                "session.max.clicks must be a positive integer: 0");
        assertThatThrownBy(() -> config("decision.delay", "-PT1M")).hasMessage(
                "decision.delay must not be negative: -PT1M");
        assertThatThrownBy(() -> config("decision.max.wait", "soon")).hasMessageContaining("decision.max.wait");
    }

    @Test
    void aMistypedRuleKeyIsAnErrorNamingTheIntendedOne() {
        assertThatThrownBy(() -> config("referral.windw", "P7D")).hasMessageContaining(
                "unknown setting referral.windw (did you mean referral.window?)");
        assertThatThrownBy(() -> config("referral.window.programm.acme", "P7D")).hasMessageContaining(
                "(did you mean referral.window.program.acme?)");
    }
}
