package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.testing.Fixtures;

/**
 * SPEC rule 7 across partitions: decisions made on two session partitions for one order meet at
 * the decision ledger, on the order's own partition, and only the first is written. Decisions are
 * piped here straight into the ledger's repartition topic, as two session partitions would write them.
 */
class DecisionLedgerTopologyTest {
    private static final String LEDGER_INPUT = "promo-attribution-decisions-by-conversion-repartition";
    private final AttributionDriver pipeline = new AttributionDriver();
    private final Serde<AttributionDecision> internal = InternalAvro.serde(AttributionDecision.class);
    private final TestInputTopic<String, AttributionDecision> ledger = pipeline.driver()
            .createInputTopic(LEDGER_INPUT, new StringSerializer(), internal.serializer());

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static AttributionDecision decided(String program, String conversionId, String session) {
        return AttributionDecision.newBuilder()
                .setConversionId(conversionId).setProgramId(program).setSessionId(session)
                .setTimestamp(Instant.parse("2026-06-01T10:05:00Z"))
                .setOutcome(Outcome.UNATTRIBUTED).setReason(Reason.NO_CLICK_NO_CODE)
                .setUnmatchedCodes(List.of()).setDecidedAt(AttributionDriver.NOW)
                .build();
    }

    @Test
    void theFirstDecisionOfAnOrderIsWritten_oneMadeUnderAnotherSessionIsNot() {
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", "s1"));
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", "s2"));
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", null));

        assertThat(pipeline.decisions()).extracting(AttributionDecision::getSessionId).containsExactly("s1");
        assertThat(pipeline.counter("attribution.conversions.resent.other.session")).isEqualTo(2.0);
    }

    @Test
    void anOrderOfAnotherProgramWithTheSameIdIsWritten() {
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", "s1"));
        ledger.pipeInput("o1", decided("other-program", "o1", "s1"));
        assertThat(pipeline.decisions()).hasSize(2);
    }

    @Test
    void theLedgerRemembersAnOrderForTheDedupRetentionInProcessingTime() {
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", "s1"));
        pipeline.advanceWallClock(Duration.ofDays(29));
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", "s2"));
        assertThat(pipeline.decisions()).hasSize(1);
        pipeline.advanceWallClock(Duration.ofDays(2));
        ledger.pipeInput("o2", decided(Fixtures.PROGRAM, "o2", "s3"));
        ledger.pipeInput("o1", decided(Fixtures.PROGRAM, "o1", "s2"));
        assertThat(pipeline.decisions()).extracting(AttributionDecision::getConversionId)
                .containsExactly("o2", "o1");
    }
}
