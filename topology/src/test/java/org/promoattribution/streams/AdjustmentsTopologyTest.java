package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.reversal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.state.LedgerEntry;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.testing.Fixtures;

/** SPEC "Adjustments" A1–A6, and rule 7 across partitions at the decision ledger. */
class AdjustmentsTopologyTest {
    private static final String ORDER_TIME = "2026-06-01T10:05:00Z";
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    /** o1 of session s1, credited to "blog" by its last click, for 59.90. */
    private void creditedOrder() {
        pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                .conversions(conversion("o1", "s1", ORDER_TIME));
        assertThat(pipeline.decision().getOutcome()).isEqualTo(Outcome.CREDITED);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private static void assertDecided(AdjustmentDecision d, AdjustmentStatus status, AdjustmentReason reason,
                                      String previousAmount, String amount) {
        assertThat(d.getStatus()).isEqualTo(status);
        assertThat(d.getReason()).isEqualTo(reason);
        assertThat(d.getPreviousAmount()).isEqualByComparingTo(amount(previousAmount));
        assertThat(d.getAmount()).isEqualByComparingTo(amount(amount));
    }

    @Nested
    class A1AnAdjustmentRefersToTheOneDecisionOfItsOrder {
        @Test
        void anAdjustmentCarriesTheOutcomeAndPartnerOfItsConversionsDecision() {
            creditedOrder();
            pipeline.adjustments(reversal("a1", "o1", "2026-06-20T09:00:00Z"));
            AdjustmentDecision d = pipeline.adjustmentDecision();
            assertThat(d.getAdjustmentId()).isEqualTo("a1");
            assertThat(d.getConversionId()).isEqualTo("o1");
            assertThat(d.getProgramId()).isEqualTo(Fixtures.PROGRAM);
            assertThat(d.getOutcome()).isEqualTo(Outcome.CREDITED);
            assertThat(d.getPartnerId()).isEqualTo("blog");
            assertThat(d.getDecidedAt()).isEqualTo(AttributionDriver.NOW);
        }

        @Test
        void anAdjustmentOfTheSameConversionIdInAnotherProgramDoesNotTouchTheOrder() {
            creditedOrder();
            ConversionAdjustment other = reversal("a1", "o1", "2026-06-20T09:00:00Z");
            other.setProgramId("other-program");
            pipeline.adjustments(other);
            pipeline.advanceWallClock(Duration.ofHours(2));
            assertDecidedUnknown(pipeline.adjustmentDecision());
            pipeline.adjustments(amountChange("a2", "o1", "2026-06-20T09:00:00Z", "10"));
            assertDecided(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED,
                    "59.90", "10");
        }

        @Test
        void decisionsAreRememberedForTheAdjustmentRetentionInProcessingTime() {
            pipeline = pipeline.replacedBy("adjustment.retention", "P10D", "lock.period", "P365D");
            creditedOrder();
            pipeline.advanceWallClock(Duration.ofDays(9));
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-20T09:00:00Z", "40"));
            assertThat(pipeline.adjustmentDecision().getStatus()).isEqualTo(AdjustmentStatus.APPLIED);
            pipeline.advanceWallClock(Duration.ofDays(2));
            pipeline.adjustments(amountChange("a2", "o1", "2026-06-21T09:00:00Z", "30"));
            pipeline.advanceWallClock(Duration.ofHours(2));
            assertDecidedUnknown(pipeline.adjustmentDecision());
        }
    }

    @Nested
    class A2ArrivalOrder {
        @Test
        void anAmountChangeSetsTheAmountWithThePreviousOne() {
            creditedOrder();
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "40.00"),
                    amountChange("a2", "o1", "2026-06-05T09:00:00Z", "45.5"));
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            assertDecided(decided.get(0), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "59.90", "40");
            // arrival order, not event time: a2 happened earlier but arrived later
            assertDecided(decided.get(1), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "40", "45.5");
        }

        @Test
        void aReversalSetsTheAmountToZeroAndClosesTheConversion() {
            creditedOrder();
            pipeline.adjustments(reversal("a1", "o1", "2026-06-20T09:00:00Z"),
                    amountChange("a2", "o1", "2026-06-21T09:00:00Z", "10"),
                    reversal("a3", "o1", "2026-06-22T09:00:00Z"));
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            assertDecided(decided.get(0), AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED, "59.90", "0");
            assertDecided(decided.get(1), AdjustmentStatus.REJECTED, AdjustmentReason.ALREADY_REVERSED, "0", "0");
            assertDecided(decided.get(2), AdjustmentStatus.REJECTED, AdjustmentReason.ALREADY_REVERSED, "0", "0");
        }

        @Test
        void theCreditedPartnerNeverChanges() {
            creditedOrder();
            pipeline.clicks(click("c2", "s1", "coupons", "2026-06-02T10:00:00Z"));
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "40"),
                    reversal("a2", "o1", "2026-06-11T09:00:00Z"));
            assertThat(pipeline.adjustmentDecisions()).extracting(AdjustmentDecision::getPartnerId)
                    .containsExactly("blog", "blog");
            assertThat(pipeline.decisions()).isEmpty();
        }

        @Test
        void amountsAreExactDecimalsComparedByValue() {
            creditedOrder();
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "0.1"),
                    amountChange("a2", "o1", "2026-06-10T09:00:01Z", "0.3000"));
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            assertThat(decided.get(1).getPreviousAmount()).isEqualByComparingTo("0.10");
            assertThat(decided.get(1).getAmount()).isEqualByComparingTo("0.3");
        }

        @Test
        void anOrderWithoutAnAmountHasNoPreviousAmountBeforeItsFirstChange() {
            var order = conversion("o1", "s1", ORDER_TIME);
            order.setAmount(null);
            pipeline.conversions(order).decisions();
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "12.5"));
            AdjustmentDecision d = pipeline.adjustmentDecision();
            assertThat(d.getPreviousAmount()).isNull();
            assertThat(d.getAmount()).isEqualByComparingTo("12.5");
        }
        @Test
        void anAmountChangeToZeroDoesNotCloseTheConversion() {
            creditedOrder();
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "0"),
                    amountChange("a2", "o1", "2026-06-11T09:00:00Z", "25"),
                    reversal("a3", "o1", "2026-06-12T09:00:00Z"));
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            assertDecided(decided.get(0), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "59.90", "0");
            assertDecided(decided.get(1), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "0", "25");
            assertDecided(decided.get(2), AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED, "25", "0");
        }

        @Test
        void anAdjustmentDatedBeforeItsConversionApplies() {
            creditedOrder();
            pipeline.adjustments(amountChange("a1", "o1", "2026-05-20T09:00:00Z", "40"));
            assertDecided(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED,
                    "59.90", "40");
        }

        @Test
        void anAdjustmentDoesNotMoveStreamTime() {
            pipeline = pipeline.replacedBy("decision.delay", "PT1H");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", ORDER_TIME));
            // dated past o1's decision time, and before it: neither decides o1
            pipeline.adjustments(reversal("a1", "o1", "2026-06-01T12:00:00Z"),
                    amountChange("a2", "o1", "2026-05-01T12:00:00Z", "10"));
            assertThat(pipeline.decisions()).isEmpty();
            assertThat(pipeline.adjustmentDecisions()).isEmpty();
            // a click later than t + D moves stream time: o1 is decided, then its held adjustments
            pipeline.clicks(click("c2", "s2", "news", "2026-06-01T11:05:00.001Z"));
            assertThat(pipeline.decision().getConversionId()).isEqualTo("o1");
            assertThat(pipeline.adjustmentDecisions()).extracting(AdjustmentDecision::getReason)
                    .containsExactly(AdjustmentReason.REVERSED, AdjustmentReason.ALREADY_REVERSED);
        }
    }

    @Nested
    class A3Locking {
        @Test
        void anAdjustmentLaterThanTheLockPeriodAfterTheConversionIsLocked() {
            creditedOrder();
            Instant lockEnd = Instant.parse(ORDER_TIME).plus(Duration.ofDays(60));
            pipeline.adjustments(amountChange("a1", "o1", lockEnd.toString(), "30"),
                    reversal("a2", "o1", lockEnd.plusMillis(1).toString()));
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            assertDecided(decided.get(0), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "59.90", "30");
            assertDecided(decided.get(1), AdjustmentStatus.REJECTED, AdjustmentReason.LOCKED, "30", "30");
        }

        @Test
        void aProgramCanSetItsOwnLockPeriod() {
            pipeline = pipeline.replacedBy("lock.period.program." + Fixtures.PROGRAM, "P7D", "lock.period", "P1D");
            creditedOrder();
            pipeline.adjustments(reversal("a1", "o1", "2026-06-08T10:05:00Z"),
                    reversal("a2", "o1", "2026-06-08T10:05:00.001Z"));
            assertThat(pipeline.adjustmentDecisions()).extracting(AdjustmentDecision::getReason)
                    .containsExactly(AdjustmentReason.REVERSED, AdjustmentReason.ALREADY_REVERSED);
        }
    }

    @Nested
    class A4CheckOrder {
        @Test
        void alreadyReversedIsCheckedBeforeLocked() {
            creditedOrder();
            pipeline.adjustments(reversal("a1", "o1", "2026-06-20T09:00:00Z"),
                    amountChange("a2", "o1", "2026-10-01T00:00:00Z", "10")); // past the lock period too
            assertThat(pipeline.adjustmentDecisions().get(1).getReason()).isEqualTo(AdjustmentReason.ALREADY_REVERSED);
        }

        @Test
        void aRejectedAdjustmentCarriesTheCurrentAmountAsPreviousAndNewAmount() {
            creditedOrder();
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "20"),
                    amountChange("a2", "o1", "2026-10-01T00:00:00Z", "10"));
            assertDecided(pipeline.adjustmentDecisions().get(1), AdjustmentStatus.REJECTED, AdjustmentReason.LOCKED,
                    "20", "20");
        }
    }

    @Nested
    class A5AdjustmentsWaitForTheirDecision {
        @Test
        void anAdjustmentArrivingBeforeItsDecisionIsDecidedRightAfterIt() {
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-10T09:00:00Z", "20"),
                    reversal("a2", "o1", "2026-06-11T09:00:00Z"));
            assertThat(pipeline.adjustmentDecisions()).isEmpty();
            pipeline.advanceWallClock(Duration.ofMinutes(59));
            creditedOrder();
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            assertDecided(decided.get(0), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "59.90", "20");
            assertDecided(decided.get(1), AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED, "20", "0");
            assertThat(pipeline.counter("attribution.adjustments.held")).isEqualTo(2.0);
        }

        @Test
        void anAdjustmentWhoseDecisionDoesNotComeWithinTheMaxWaitIsUnknownConversion() {
            pipeline.adjustments(reversal("a1", "o1", "2026-06-10T09:00:00Z"));
            pipeline.advanceWallClock(Duration.ofMinutes(59));
            assertThat(pipeline.adjustmentDecisions()).isEmpty();
            pipeline.advanceWallClock(Duration.ofMinutes(2));
            AdjustmentDecision d = pipeline.adjustmentDecision();
            assertDecidedUnknown(d);
            assertThat(d.getDecidedAt()).isEqualTo(pipeline.now());
            creditedOrder();
            assertThat(pipeline.adjustmentDecisions()).isEmpty();
        }

        @Test
        void adjustmentsRejectedTogetherAreRejectedInTheOrderTheyArrived() {
            // held within the same millisecond, for conversions whose keys sort otherwise
            pipeline.adjustments(reversal("first", "o9", "2026-06-10T09:00:00Z"),
                    reversal("second", "o1", "2026-06-10T09:00:00Z"),
                    amountChange("third", "o9", "2026-06-10T09:00:00Z", "10"),
                    reversal("fourth", "o5", "2026-06-10T09:00:00Z"));
            pipeline.advanceWallClock(Duration.ofMinutes(61));
            List<AdjustmentDecision> decided = pipeline.adjustmentDecisions();
            decided.forEach(AdjustmentsTopologyTest::assertDecidedUnknown);
            assertThat(decided).extracting(AdjustmentDecision::getAdjustmentId)
                    .containsExactly("first", "second", "third", "fourth");
        }

        @Test
        void anAdjustmentWaitsForTheDecisionDelayPlusTheMaxWait() {
            pipeline = pipeline.replacedBy("decision.delay", "PT2H");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", ORDER_TIME))
                    .adjustments(reversal("a1", "o1", "2026-06-01T10:06:00Z"));
            pipeline.advanceWallClock(Duration.ofMinutes(2 * 60 + 59));
            assertThat(pipeline.adjustmentDecisions()).isEmpty();
            // stream time passes t + D: o1 is decided, and its refund applied
            pipeline.clicks(click("c2", "s2", "news", "2026-06-01T12:05:00.001Z"));
            assertThat(pipeline.decision().getConversionId()).isEqualTo("o1");
            assertDecided(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED,
                    "59.90", "0");
        }

        @Test
        void withADecisionDelayAnAdjustmentIsUnknownAfterTheDelayPlusTheMaxWait() {
            pipeline = pipeline.replacedBy("decision.delay", "PT2H", "decision.max.wait", "PT10H");
            pipeline.adjustments(reversal("a1", "o1", "2026-06-01T10:06:00Z"));
            pipeline.advanceWallClock(Duration.ofMinutes(2 * 60 + 59));
            assertThat(pipeline.adjustmentDecisions()).isEmpty();
            pipeline.advanceWallClock(Duration.ofMinutes(2));
            assertDecidedUnknown(pipeline.adjustmentDecision());
        }

        @Test
        void theMaxWaitIsConfigurable() {
            pipeline = pipeline.replacedBy("adjustment.max.wait", "PT5S");
            pipeline.adjustments(reversal("a1", "o1", "2026-06-10T09:00:00Z"));
            pipeline.advanceWallClock(Duration.ofSeconds(6));
            assertDecidedUnknown(pipeline.adjustmentDecision());
        }
    }

    @Nested
    class A6AdjustmentsDeliveredAgain {
        @Test
        void anAdjustmentDeliveredAgainYieldsNoSecondDecision() {
            creditedOrder();
            ConversionAdjustment change = amountChange("a1", "o1", "2026-06-10T09:00:00Z", "20");
            pipeline.adjustments(change, change);
            assertThat(pipeline.adjustmentDecisions()).hasSize(1);
            assertThat(pipeline.counter("attribution.adjustments.duplicate")).isEqualTo(1.0);
        }

        @Test
        void aHeldAdjustmentDeliveredAgainIsDecidedOnce() {
            ConversionAdjustment refund = reversal("a1", "o1", "2026-06-10T09:00:00Z");
            pipeline.adjustments(refund, refund);
            creditedOrder();
            pipeline.adjustments(refund);
            assertThat(pipeline.adjustmentDecisions()).hasSize(1);
        }

        @Test
        void theSameAdjustmentIdOnAnotherConversionIsAnotherAdjustment() {
            creditedOrder();
            pipeline.clicks(click("c2", "s2", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o2", "s2", ORDER_TIME)).decisions();
            pipeline.adjustments(reversal("a1", "o1", "2026-06-10T09:00:00Z"), reversal("a1", "o2", "2026-06-10T09:00:00Z"));
            assertThat(pipeline.adjustmentDecisions()).extracting(AdjustmentDecision::getReason)
                    .containsExactly(AdjustmentReason.REVERSED, AdjustmentReason.REVERSED);
        }
    }

    @Nested
    class Metrics {
        @Test
        void adjustmentsAreCountedByStatusAndReason() {
            creditedOrder();
            pipeline.adjustments(reversal("a1", "o1", "2026-06-10T09:00:00Z"), reversal("a2", "o1", "2026-06-10T09:00:00Z"));
            assertThat(pipeline.counter("attribution.adjustments", "status", "APPLIED", "reason", "REVERSED")).isEqualTo(1.0);
            assertThat(pipeline.counter("attribution.adjustments", "status", "REJECTED", "reason", "ALREADY_REVERSED"))
                    .isEqualTo(1.0);
        }
    }

    @Nested
    class RoutingByConversion {
        @Test
        void anAdjustmentKeyedByAnythingButItsConversionIdIsStillApplied() {
            creditedOrder();
            pipeline.adjustmentKeyed("not-the-order", reversal("a1", "o1", "2026-06-10T09:00:00Z"));
            pipeline.adjustmentKeyed(null, amountChange("a2", "o1", "2026-06-10T09:00:00Z", "3"));
            assertThat(pipeline.adjustmentDecisions()).extracting(AdjustmentDecision::getReason)
                    .containsExactly(AdjustmentReason.REVERSED, AdjustmentReason.ALREADY_REVERSED);
        }

        @Test
        void decisionsReachTheLedgerThroughARepartitionTopicByConversionId() {
            assertThat(pipeline.topologyDescription()).contains("decisions-by-conversion-repartition",
                    "adjustments-by-conversion-repartition");
        }
    }

    /**
     * SPEC rule 7 whatever the session: decisions made on two session partitions for one order meet
     * at the ledger, on the order's partition, and only the first is written. The driver has one
     * partition, so the second session's decision is piped straight into the ledger's topic, as
     * another partition's task would write it.
     */
    @Nested
    class Rule7AcrossPartitions {
        private static final String LEDGER_TOPIC = "promo-attribution-decisions-by-conversion-repartition";

        private void decidedOnAnotherPartition(String session) {
            AttributionDecision decision = AttributionDecision.newBuilder()
                    .setConversionId("o1").setProgramId(Fixtures.PROGRAM).setSessionId(session)
                    .setTimestamp(Instant.parse(ORDER_TIME)).setAmount(new BigDecimal("59.9000"))
                    .setOutcome(Outcome.UNATTRIBUTED).setReason(org.promoattribution.schemas.Reason.NO_CLICK_NO_CODE)
                    .setUnmatchedCodes(List.of()).setDecidedAt(AttributionDriver.NOW)
                    .build();
            TestInputTopic<String, byte[]> ledger = pipeline.driver().createInputTopic(LEDGER_TOPIC,
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            byte[] wire = {0}; // never written: the ledger drops it
            ledger.pipeInput("o1", DecisionTransfer.encode(Fixtures.PROGRAM, LedgerEntry.of(decision, null), List.of(), wire));
        }

        @Test
        void anOrderDecidedUnderASessionOfAnotherPartitionIsWrittenOnce() {
            creditedOrder();
            decidedOnAnotherPartition("s9");
            decidedOnAnotherPartition(null);
            assertThat(pipeline.decisions()).isEmpty();
            assertThat(pipeline.counter("attribution.conversions.resent.other.session")).isEqualTo(2.0);
        }

        @Test
        void anOrderDeliveredAgainAfterTheDedupRetentionIsStillNotWrittenAgainWithinTheAdjustmentRetention() {
            pipeline = pipeline.replacedBy("dedup.retention", "P1D");
            creditedOrder();
            pipeline.advanceWallClock(Duration.ofDays(2));
            pipeline.conversions(conversion("o1", "s1", ORDER_TIME));
            assertThat(pipeline.decisions()).isEmpty();
        }

        @Test
        void theFirstDecisionToReachTheLedgerIsTheOneAdjusted() {
            creditedOrder();
            decidedOnAnotherPartition("s9");
            pipeline.adjustments(reversal("a1", "o1", "2026-06-10T09:00:00Z"));
            assertThat(pipeline.adjustmentDecision().getOutcome()).isEqualTo(Outcome.CREDITED);
        }
    }

    private static void assertDecidedUnknown(AdjustmentDecision d) {
        assertThat(d.getStatus()).isEqualTo(AdjustmentStatus.REJECTED);
        assertThat(d.getReason()).isEqualTo(AdjustmentReason.UNKNOWN_CONVERSION);
        assertThat(d.getOutcome()).isNull();
        assertThat(d.getPartnerId()).isNull();
        assertThat(d.getPreviousAmount()).isNull();
        assertThat(d.getAmount()).isNull();
    }
}
