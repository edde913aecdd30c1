package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;

/** SPEC "Time": plausible event times and schedule bounds, to the millisecond, against the wall clock. */
class EventTimeTopologyTest {
    private static final Instant NOW = AttributionDriver.NOW;
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private String rejectedAs(String reason) {
        List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
        assertThat(deadLetters).hasSize(1);
        assertThat(AttributionDriver.reason(deadLetters.get(0))).isEqualTo(reason);
        assertThat(pipeline.decisions()).isEmpty();
        return AttributionDriver.header(deadLetters.get(0), DeadLetterHeaders.ERROR);
    }

    private static Click clickAt(Instant t) {
        Click click = click("c-" + t.toEpochMilli(), "s1", "blog", "2026-06-01T10:00:00Z");
        click.setTimestamp(t);
        return click;
    }

    private static Conversion conversionAt(Instant t) {
        Conversion conversion = conversion("o-" + t.toEpochMilli(), "s1", "2026-06-01T10:00:00Z");
        conversion.setTimestamp(t);
        return conversion;
    }

    @Nested
    class PlausibleEventTimes {
        @Test
        void aClickOneMillisecondBefore1970IsAnInvalidTimestamp() {
            pipeline.clicks(clickAt(Instant.EPOCH.minusMillis(1)));
            assertThat(rejectedAs("INVALID_TIMESTAMP")).contains("before 1970");
        }

        @Test
        void aConversionAtTheEpochIsDecided() {
            pipeline.conversions(conversionAt(Instant.EPOCH));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decision().getTimestamp()).isEqualTo(Instant.EPOCH);
        }

        @Test
        void aConversionOneHourAheadOfNowIsDecided_oneMillisecondMoreIsAnInvalidTimestamp() {
            pipeline.conversions(conversionAt(NOW.plus(Duration.ofHours(1))));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decisions()).hasSize(1);

            pipeline.conversions(conversionAt(NOW.plus(Duration.ofHours(1)).plusMillis(1)));
            assertThat(rejectedAs("INVALID_TIMESTAMP")).contains("event.time.max.ahead");
        }

        @Test
        void theExtremesOfALongAreInvalidTimestamps() {
            pipeline.clicks(clickAt(Instant.ofEpochMilli(Long.MIN_VALUE)));
            rejectedAs("INVALID_TIMESTAMP");
            pipeline.clicks(clickAt(Instant.ofEpochMilli(Long.MAX_VALUE)));
            rejectedAs("INVALID_TIMESTAMP");
            pipeline.conversions(conversionAt(Instant.ofEpochMilli(Long.MIN_VALUE)));
            rejectedAs("INVALID_TIMESTAMP");
            pipeline.conversions(conversionAt(Instant.ofEpochMilli(Long.MAX_VALUE)));
            rejectedAs("INVALID_TIMESTAMP");
        }

        @Test
        void nowIsTheWallClockWhenTheRecordIsProcessed() {
            Instant inTwoHours = NOW.plus(Duration.ofHours(2));
            pipeline.conversions(conversionAt(inTwoHours));
            rejectedAs("INVALID_TIMESTAMP");
            pipeline.advanceWallClock(Duration.ofHours(1));
            pipeline.conversions(conversionAt(inTwoHours));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decisions()).hasSize(1);
        }

        @Test
        void howFarAheadIsConfigurable() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings("event.time.max.ahead", "PT0S"));
            pipeline.conversions(conversionAt(NOW));
            assertThat(pipeline.decisions()).hasSize(1);
            pipeline.conversions(conversionAt(NOW.plusMillis(1)));
            rejectedAs("INVALID_TIMESTAMP");
        }

        @Test
        void aLimitBeyondAnyInstantIsNoLimit_notAnError() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings("event.time.max.ahead", "PT2562047788015215H"));
            pipeline.conversions(conversionAt(Instant.ofEpochMilli(Long.MAX_VALUE)));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decisions()).hasSize(1);
        }

        @Test
        void aClickFromABrokenClockDoesNotMakeLaterClicksTooOld() {
            pipeline.clicks(clickAt(Instant.parse("2030-01-01T00:00:00Z")));
            rejectedAs("INVALID_TIMESTAMP");
            pipeline.clicks(click("c-real", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c-real");
        }
    }

    @Nested
    class ScheduleBounds {
        @Test
        void aValidFromBefore1970IsAnInvalidSchedule() {
            pipeline.codes(scheduled(exact("pc-1", "A", "blog", CreditPolicy.ALWAYS), "1969-12-31T23:59:59.999Z", null));
            assertThat(rejectedAs("INVALID_SCHEDULE")).contains("validFrom");
        }

        @Test
        void aValidToAfter9999IsAnInvalidSchedule() {
            pipeline.codes(scheduled(exact("pc-1", "A", "blog", CreditPolicy.ALWAYS), null, "+10000-01-01T00:00:00Z"));
            assertThat(rejectedAs("INVALID_SCHEDULE")).contains("validTo");
        }

        @Test
        void boundsAtTheEpochAndTheLastMillisecondOf9999AreLive() {
            pipeline.codes(scheduled(exact("pc-1", "A", "blog", CreditPolicy.ALWAYS),
                    "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"));
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "A"));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.PROMO_CODE_ALWAYS);
        }
    }
}
