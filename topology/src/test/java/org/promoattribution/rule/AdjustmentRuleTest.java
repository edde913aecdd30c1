package org.promoattribution.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.Outcome;

/** SPEC "Adjustments", A2–A4, on the pure rule without Kafka. */
class AdjustmentRuleTest {
    private static final Instant T = Instant.parse("2026-06-01T10:05:00Z");
    private static final Duration LOCK = Duration.ofDays(60);
    private static final ConversionBalance CREDITED =
            new ConversionBalance(Outcome.CREDITED, "blog", T, new BigDecimal("59.9000"), false, null, null);

    private static AdjustmentVerdict change(String amount, Instant at, ConversionBalance conversion) {
        return AdjustmentRule.apply(AdjustmentKind.AMOUNT_CHANGE, new BigDecimal(amount), at, conversion, LOCK);
    }

    private static AdjustmentVerdict reversal(Instant at, ConversionBalance conversion) {
        return AdjustmentRule.apply(AdjustmentKind.REVERSAL, null, at, conversion, LOCK);
    }

    @Test
    void a2_amountChangeSetsTheAmount_andKeepsOutcomeAndPartner() {
        AdjustmentVerdict verdict = change("40.00", T.plusSeconds(60), CREDITED);

        assertThat(verdict.status()).isEqualTo(AdjustmentStatus.APPLIED);
        assertThat(verdict.reason()).isEqualTo(AdjustmentReason.AMOUNT_CHANGED);
        assertThat(verdict.before()).isEqualTo(CREDITED);
        assertThat(verdict.after()).isEqualTo(
                new ConversionBalance(Outcome.CREDITED, "blog", T, new BigDecimal("40.0000"), false, null, null));
    }

    @Test
    void a2_reversalSetsTheAmountToZero_andClosesTheConversion() {
        AdjustmentVerdict verdict = reversal(T.plusSeconds(60), CREDITED);

        assertThat(verdict.reason()).isEqualTo(AdjustmentReason.REVERSED);
        assertThat(verdict.after().amount()).isEqualByComparingTo("0");
        assertThat(verdict.after().reversed()).isTrue();
        assertThat(verdict.after().partnerId()).isEqualTo("blog");
    }

    @Test
    void a2_anAdjustmentAfterAReversal_isRejectedAlreadyReversed() {
        ConversionBalance reversed = reversal(T.plusSeconds(60), CREDITED).after();

        AdjustmentVerdict verdict = change("10", T.plusSeconds(120), reversed);

        assertThat(verdict.status()).isEqualTo(AdjustmentStatus.REJECTED);
        assertThat(verdict.reason()).isEqualTo(AdjustmentReason.ALREADY_REVERSED);
    }

    @Test
    void a2_anAmountChangeToZero_doesNotCloseTheConversion() {
        ConversionBalance zero = change("0", T.plusSeconds(60), CREDITED).after();
        assertThat(zero.reversed()).isFalse();

        AdjustmentVerdict later = change("25.00", T.plusSeconds(120), zero);

        assertThat(later.status()).isEqualTo(AdjustmentStatus.APPLIED);
        assertThat(later.after().amount()).isEqualByComparingTo("25");
        assertThat(reversal(T.plusSeconds(180), zero).reason()).isEqualTo(AdjustmentReason.REVERSED);
    }

    @Test
    void a2_anAdjustmentDatedBeforeItsConversion_applies() {
        AdjustmentVerdict verdict = change("40.00", T.minus(Duration.ofDays(3)), CREDITED);

        assertThat(verdict.status()).isEqualTo(AdjustmentStatus.APPLIED);
    }

    @Test
    void a3_lockBoundaryIsInclusive_oneMillisecondLaterIsLocked() {
        assertThat(change("40", T.plus(LOCK), CREDITED).status()).isEqualTo(AdjustmentStatus.APPLIED);

        AdjustmentVerdict late = change("40", T.plus(LOCK).plusMillis(1), CREDITED);
        assertThat(late.status()).isEqualTo(AdjustmentStatus.REJECTED);
        assertThat(late.reason()).isEqualTo(AdjustmentReason.LOCKED);
    }

    @Test
    void a4_alreadyReversedIsCheckedBeforeLocked() {
        ConversionBalance reversed = reversal(T.plusSeconds(60), CREDITED).after();

        assertThat(change("10", T.plus(LOCK).plusSeconds(1), reversed).reason())
                .isEqualTo(AdjustmentReason.ALREADY_REVERSED);
    }

    @Test
    void a4_aRejectedAdjustmentCarriesTheCurrentAmount() {
        ConversionBalance changed = change("40.00", T.plusSeconds(60), CREDITED).after();

        AdjustmentVerdict locked = change("10", T.plus(LOCK).plusSeconds(1), changed);

        assertThat(locked.before()).isEqualTo(changed);
        assertThat(locked.after()).isEqualTo(changed);
    }

    @Test
    void a2_aConversionWithoutAmount_getsOneFromAnAmountChange() {
        ConversionBalance noAmount = new ConversionBalance(Outcome.UNATTRIBUTED, null, T, null, false, null, null);

        AdjustmentVerdict verdict = change("12.5", T, noAmount);

        assertThat(verdict.before().amount()).isNull();
        assertThat(verdict.after().amount()).isEqualByComparingTo("12.5");
        assertThat(verdict.after().outcome()).isEqualTo(Outcome.UNATTRIBUTED);
    }
}
