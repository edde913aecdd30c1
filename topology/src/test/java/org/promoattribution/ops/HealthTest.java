package org.promoattribution.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promoattribution.app.OffsetLoss;
import org.promoattribution.app.StreamsHooks;
import org.promoattribution.app.ThreadFailureWatch;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.config.CodeTableSettings;
import org.promoattribution.config.HealthSettings;
import org.promoattribution.config.TermsTableSettings;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.Fixtures;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.TermsDefinitions;
import org.promoattribution.metrics.AttributionMetrics;

class HealthTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamsHooks hooks = new StreamsHooks(
            new ThreadFailureWatch(new HealthSettings(Duration.ofMinutes(1), 2, Duration.ofMinutes(10)), CLOCK),
            new AttributionMetrics(meters));
    private final PromoCodeIndex codes = new PromoCodeIndex(new CodeTableSettings(10_000, 1_000));
    private final CommissionTermsIndex terms = new CommissionTermsIndex(new TermsTableSettings(1_000));
    private final HealthEndpoint endpoint = new HealthEndpoint(() -> Health.of(hooks.watch(), hooks.lostInput(), codes, terms));

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
    void followsTheKafkaStreamsStateWhileNoThreadFails(State state, boolean stopRequested, boolean live,
                                                       boolean ready) {
        hooks.stateListener().onChange(state, State.CREATED);
        if (stopRequested) {
            hooks.watch().stopRequested();
        }
        Health health = Health.of(hooks.watch(), hooks.lostInput(), codes, terms);
        assertThat(health.state()).isEqualTo(state);
        assertThat(health.live()).as("live").isEqualTo(live);
        assertThat(health.ready()).as("ready").isEqualTo(ready);
    }

    @Test
    void aFailedThreadIsReplacedCountedAndMakesTheRunningInstanceUnready() {
        hooks.stateListener().onChange(State.RUNNING, State.REBALANCING);

        StreamThreadExceptionResponse answer = hooks.uncaughtExceptionHandler().handle(new StackOverflowError("deep"));

        assertThat(answer).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(meters.counter("attribution.stream.threads.replaced", "exception", "java.lang.StackOverflowError")
                .count()).isEqualTo(1);
        assertThat(get("/health/ready")).isEqualTo("503 {\"status\":\"DOWN\",\"state\":\"RUNNING\",\"reason\":"
                + "\"a stream thread failed 0 s ago: java.lang.StackOverflowError: deep; ready again once its "
                + "replacement is RUNNING for PT1M without a failure (health.failure.quiet.period)\"}");
        assertThat(get("/health/live")).isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\"}");
    }

    @Test
    void aCrashLoopIsReplacedStillButNotLive() {
        hooks.stateListener().onChange(State.RUNNING, State.REBALANCING);
        for (int i = 0; i < 2; i++) {
            assertThat(hooks.uncaughtExceptionHandler().handle(new IllegalStateException("poison")))
                    .as("a crash loop is left to the orchestrator, the client is not shut down")
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }

        assertThat(get("/health/live")).startsWith("503 {\"status\":\"DOWN\",\"state\":\"RUNNING\",\"reason\":"
                + "\"stream threads failed 2 times in PT10M (health.crash.loop.failures in health.crash.loop.window)");
    }

    /** SPEC "Time", nothing lost to retention: lost input shows on both probes, which stay 200. */
    @Test
    void inputDeletedBeforeItWasReadMakesBothProbesDegradedNotDown() {
        hooks.stateListener().onChange(State.RUNNING, State.REBALANCING);

        hooks.lostInput().found(new OffsetLoss(new TopicPartition("clicks", 2), 1_200, 4_800, 5_000, CLOCK.instant()));

        String lost = "\"lost\":\"3600 input records lost since start: input clicks-2: offsets 1200 to 4799"
                + " (3600 records) were deleted before the pipeline read them (at 2026-06-01T10:00:00Z)\"}";
        assertThat(get("/health/ready")).isEqualTo("200 {\"status\":\"DEGRADED\",\"state\":\"RUNNING\"," + lost);
        assertThat(get("/health/live")).isEqualTo("200 {\"status\":\"DEGRADED\",\"state\":\"RUNNING\"," + lost);
    }

    private String get(String path) {
        Response response = endpoint.handle(Request.of(path, null));
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    /** SPEC "Limits": an instance whose code table passes its memory budget reports it instead of failing. */
    @Test
    void aCodeTableOverItsMemoryBudgetIsDegraded_liveAndReadyWithTheReason() {
        hooks.stateListener().onChange(State.RUNNING, State.REBALANCING);
        assertThat(get("/health/ready")).startsWith("200 {\"status\":\"UP\"");

        codes.put("pc-1", CodeDefinitions.from(Fixtures.regex("pc-1", "[A-Z]{100}", "blog", CreditPolicy.ALWAYS)));

        assertThat(get("/health/ready")).startsWith("200 {\"status\":\"DEGRADED\",\"state\":\"RUNNING\","
                        + "\"codeTable\":\"promo-code table over codes.memory.bytes (")
                .contains("of 1000 bytes): 1 REGEX definition(s) match by their program, more slowly");
        assertThat(get("/health/live")).startsWith("200 {\"status\":\"DEGRADED\"");
    }

    /** SPEC "Limits" bounds each terms, not their number: terms past their budget are reported, still applied. */
    @Test
    void commissionTermsOverTheirMemoryBudgetAreDegradedWithHowMuchOver_untilTermsAreDeleted() {
        hooks.stateListener().onChange(State.RUNNING, State.REBALANCING);
        putTerms("t-1", "blog");
        assertThat(terms.memoryBytes()).isBetween(1L, 1_000L);
        assertThat(get("/health/ready")).isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\"}");

        putTerms("t-2", "news");

        long held = terms.memoryBytes();
        String reason = "\"commissionTerms\":\"commission terms over terms.memory.bytes (" + held + " of 1000 bytes, "
                + (held - 1_000) + " over): every terms still applies; the heap may run out\"}";
        assertThat(get("/health/ready")).isEqualTo("200 {\"status\":\"DEGRADED\",\"state\":\"RUNNING\"," + reason);
        assertThat(get("/health/live")).isEqualTo("200 {\"status\":\"DEGRADED\",\"state\":\"RUNNING\"," + reason);

        terms.remove("t-2");
        assertThat(get("/health/ready")).isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\"}");
    }

    private void putTerms(String termsId, String partnerId) {
        terms.put(termsId, TermsDefinitions.from(Fixtures.terms(termsId, partnerId, "5").build(), Duration.ofDays(90)));
    }
}
