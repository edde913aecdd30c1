package org.promoattribution.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/** SPEC C5, figure by figure. */
class PayoutLedgerTest {
    private static final Duration LOCK = Duration.ofDays(60);
    private final PayoutLedger ledger = new PayoutLedger();

    @Test
    void c5OneLinePerProgramPartnerAndMonthOrderedSoWithSumsOfAmountAndCommission() {
        ledger.decided(credited("o3", "zeta", "blog", "2026-06-02T00:00:00Z", "10", "1"));
        ledger.decided(credited("o1", "acme", "blog", "2026-06-30T23:59:59.999Z", "59.90", "4.792"));
        ledger.decided(credited("o2", "acme", "blog", "2026-07-01T00:00:00Z", "20", "2"));
        ledger.decided(credited("o4", "acme", "blog", "2026-06-01T00:00:00Z", "0.10", "0.0080"));
        ledger.decided(credited("o5", "acme", "coupons", "2026-06-01T00:00:00Z", "5", "0.5"));

        List<PayoutLine> lines = lines("2026-06-15T00:00:00Z");

        assertThat(lines).extracting(l -> l.programId() + "/" + l.partnerId() + "/" + l.month())
                .containsExactly("acme/blog/2026-06", "acme/blog/2026-07", "acme/coupons/2026-06", "zeta/blog/2026-06");
        PayoutLine june = lines.get(0);
        assertThat(june.credited()).isEqualTo(2);
        assertThat(june.amount()).isEqualByComparingTo("60.00");
        assertThat(june.commission()).isEqualByComparingTo("4.8");
        assertThat(june.reversed()).isZero();
        assertThat(june.locked()).isEqualByComparingTo("0");
    }

    @Test
    void c5OnlyCreditedDecisionsMakeLines() {
        ledger.decided(decision("o1", "acme", "blog", "2026-06-01T00:00:00Z", Outcome.INVALID, "10", null));
        ledger.decided(decision("o2", "acme", null, "2026-06-01T00:00:00Z", Outcome.UNATTRIBUTED, "10", null));

        assertThat(lines("2026-06-15T00:00:00Z")).isEmpty();
    }

    @Test
    void c5DecisionsWithoutCommissionCountInCreditedAndAmountOnly() {
        ledger.decided(credited("o1", "acme", "blog", "2026-06-01T00:00:00Z", "10", null));
        ledger.decided(credited("o2", "acme", "blog", "2026-06-02T00:00:00Z", null, null));

        PayoutLine line = lines("2026-09-15T00:00:00Z").get(0);

        assertThat(line.credited()).isEqualTo(2);
        assertThat(line.amount()).isEqualByComparingTo("10");
        assertThat(line.commission()).isEqualByComparingTo("0");
        assertThat(line.locked()).isEqualByComparingTo("0");
    }

    @Test
    void c5SumsAreAfterEveryAppliedAdjustmentAndReversedOnesStillCountAsCredited() {
        ledger.decided(credited("o1", "acme", "blog", "2026-06-01T00:00:00Z", "100", "9"));
        ledger.decided(credited("o2", "acme", "blog", "2026-06-01T00:00:00Z", "50", "5"));
        ledger.adjusted(adjustment("a1", "o1", AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "50", "5"));
        ledger.adjusted(adjustment("a2", "o1", AdjustmentStatus.REJECTED, AdjustmentReason.LOCKED, "50", "5"));
        ledger.adjusted(adjustment("a3", "o2", AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED, "0", "0"));

        PayoutLine line = lines("2026-06-15T00:00:00Z").get(0);

        assertThat(line.credited()).isEqualTo(2);
        assertThat(line.reversed()).isEqualTo(1);
        assertThat(line.amount()).isEqualByComparingTo("50");
        assertThat(line.commission()).isEqualByComparingTo("5");
    }

    @Test
    void anAdjustmentReadBeforeItsDecisionCountsOnceTheDecisionComesAndADecisionReadTwiceCountsOnce() {
        ledger.adjusted(adjustment("a1", "o1", AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED, "0", "0"));
        ledger.adjusted(adjustment("a2", "o1", AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED, "7", "1"));
        ledger.decided(credited("o1", "acme", "blog", "2026-06-01T00:00:00Z", "100", "9"));
        ledger.decided(credited("o1", "acme", "blog", "2026-06-01T00:00:00Z", "100", "9"));

        PayoutLine line = lines("2026-06-15T00:00:00Z").get(0);

        assertThat(line.credited()).isEqualTo(1);
        assertThat(line.reversed()).isEqualTo(1);
        assertThat(line.commission()).isEqualByComparingTo("0");
    }

    @Test
    void c5LockedIsTheCommissionOfConversionsWhoseLockPeriodEndedBeforeNow() {
        ledger.decided(credited("o1", "acme", "blog", "2026-06-01T00:00:00Z", "100", "9"));
        ledger.decided(credited("o2", "acme", "blog", "2026-06-10T00:00:00Z", "100", "3"));

        // o1 locks at 2026-07-31T00:00:00Z: not before that instant itself.
        assertThat(lines("2026-07-31T00:00:00Z").get(0).locked()).isEqualByComparingTo("0");
        assertThat(lines("2026-07-31T00:00:00.001Z").get(0).locked()).isEqualByComparingTo("9");
        assertThat(lines("2026-07-31T00:00:00.001Z").get(0).pending()).isEqualByComparingTo("3");
        assertThat(ledger.lines(program -> Duration.ofDays(1), Instant.parse("2026-07-01T00:00:00Z")).get(0).locked())
                .isEqualByComparingTo("12");
    }

    private List<PayoutLine> lines(String now) {
        return ledger.lines(program -> LOCK, Instant.parse(now));
    }

    private static AttributionDecision credited(String conversionId, String program, String partner, String time,
                                                String amount, String commission) {
        return decision(conversionId, program, partner, time, Outcome.CREDITED, amount, commission);
    }

    private static AttributionDecision decision(String conversionId, String program, String partner, String time,
                                                Outcome outcome, String amount, String commission) {
        return AttributionDecision.newBuilder().setConversionId(conversionId).setProgramId(program)
                .setTimestamp(Instant.parse(time)).setAmount(decimal(amount)).setOutcome(outcome)
                .setReason(outcome == Outcome.CREDITED ? Reason.LAST_CLICK : Reason.NO_CLICK_NO_CODE)
                .setPartnerId(partner).setBasis(outcome == Outcome.CREDITED ? Basis.CLICK : null)
                .setCommission(decimal(commission)).setTermsId(commission == null ? null : "t-1")
                .setDecidedAt(Instant.parse(time)).build();
    }

    private static AdjustmentDecision adjustment(String adjustmentId, String conversionId, AdjustmentStatus status,
                                                 AdjustmentReason reason, String amount, String commission) {
        return AdjustmentDecision.newBuilder().setAdjustmentId(adjustmentId).setConversionId(conversionId)
                .setProgramId("acme").setStatus(status).setReason(reason).setOutcome(Outcome.CREDITED)
                .setPartnerId("blog").setAmount(decimal(amount)).setCommission(decimal(commission))
                .setDecidedAt(Instant.parse("2026-06-20T00:00:00Z")).build();
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value).setScale(4);
    }
}
