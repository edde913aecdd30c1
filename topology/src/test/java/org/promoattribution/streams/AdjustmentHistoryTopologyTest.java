package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.reversal;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.explain.AdjustmentHistory;
import org.promoattribution.explain.ConversionStanding;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.testing.Fixtures;

/** Explain's view of SPEC "Adjustments": a conversion's current amount, reversal and adjustments, in the order decided. */
class AdjustmentHistoryTopologyTest {
    private static final String ADJUSTED_AT = "2026-06-20T09:00:00Z";
    private final AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void creditedOrder() {
        pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
    }

    private ConversionStanding standing() {
        return pipeline.standing(Fixtures.PROGRAM, "o1").orElseThrow();
    }

    @Test
    void aConversionWithoutAdjustmentsStandsAsDecided() {
        creditedOrder();
        ConversionStanding standing = standing();
        assertThat(standing.currentAmount()).isEqualByComparingTo(pipeline.decision().getAmount());
        assertThat(standing.reversed()).isFalse();
        assertThat(standing.adjustments()).isEmpty();
    }

    @Test
    void theHistoryHoldsEachAdjustmentDecisionInTheOrderDecided() {
        creditedOrder();
        pipeline.adjustments(amountChange("a1", "o1", ADJUSTED_AT, "40"), reversal("a2", "o1", ADJUSTED_AT),
                amountChange("a3", "o1", ADJUSTED_AT, "30"));

        ConversionStanding standing = standing();
        assertThat(standing.currentAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(standing.reversed()).isTrue();
        assertThat(standing.adjustments()).extracting(AdjustmentHistory.Entry::adjustmentId)
                .containsExactly("a1", "a2", "a3");
        assertThat(standing.adjustments()).extracting(AdjustmentHistory.Entry::kind)
                .containsExactly(AdjustmentKind.AMOUNT_CHANGE, AdjustmentKind.REVERSAL, AdjustmentKind.AMOUNT_CHANGE);
        assertThat(standing.adjustments()).extracting(AdjustmentHistory.Entry::status)
                .containsExactly(AdjustmentStatus.APPLIED, AdjustmentStatus.APPLIED, AdjustmentStatus.REJECTED);
        assertThat(standing.adjustments()).extracting(AdjustmentHistory.Entry::reason)
                .containsExactly(AdjustmentReason.AMOUNT_CHANGED, AdjustmentReason.REVERSED,
                        AdjustmentReason.ALREADY_REVERSED);
        AdjustmentHistory.Entry first = standing.adjustments().get(0);
        assertThat(first.previousAmount()).isEqualByComparingTo(pipeline.decision().getAmount());
        assertThat(first.amount()).isEqualByComparingTo("40");
        assertThat(first.decidedAt()).isEqualTo(AttributionDriver.NOW);
    }

    @Test
    void theHistoryKeepsTheLatestTwentyAdjustmentsOfAConversion() {
        creditedOrder();
        int count = AdjustmentHistory.MAX_ENTRIES + 5;
        pipeline.adjustments(IntStream.rangeClosed(1, count)
                .mapToObj(i -> amountChange("a" + i, "o1", ADJUSTED_AT, String.valueOf(100 + i)))
                .toArray(ConversionAdjustment[]::new));

        ConversionStanding standing = standing();
        assertThat(standing.adjustments()).extracting(AdjustmentHistory.Entry::adjustmentId)
                .containsExactlyElementsOf(IntStream.rangeClosed(6, count).mapToObj(i -> "a" + i).toList());
        assertThat(standing.currentAmount()).isEqualByComparingTo(String.valueOf(100 + count));
    }

    @Test
    void aReDeliveredAdjustmentAndAnotherProgramsAdjustmentAreNotInTheHistory() {
        creditedOrder();
        ConversionAdjustment other = reversal("b1", "o1", ADJUSTED_AT);
        other.setProgramId("other-program");
        pipeline.adjustments(amountChange("a1", "o1", ADJUSTED_AT, "40"), other,
                amountChange("a1", "o1", ADJUSTED_AT, "40"));

        assertThat(standing().adjustments()).extracting(AdjustmentHistory.Entry::adjustmentId).containsExactly("a1");
    }

    @Test
    void aConversionTheLedgerDoesNotKnowHasNoStanding() {
        assertThat(pipeline.standing(Fixtures.PROGRAM, "never-decided")).isEmpty();
    }
}
