package org.promoattribution.streams;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.promoattribution.rule.CommissionRule;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.state.LedgerEntry;

/**
 * SPEC A2–A4 and A7 as one pure function: an adjustment against what the ledger knows of its
 * conversion, giving the adjustment's decision and what the ledger knows afterwards. The
 * commission follows {@link CommissionRule#adjusted} (C4).
 */
final class AdjustmentRule {
    /** Amounts travel as decimal(20,4). */
    private static final int SCALE = 4;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    /** @param after the conversion's ledger entry after the adjustment (the same entry when rejected) */
    record Applied(AdjustmentDecision decision, LedgerEntry after) {
    }

    private AdjustmentRule() {
    }

    static Applied apply(ConversionAdjustment adjustment, LedgerEntry conversion, Duration lockPeriod, Instant now) {
        if (conversion.reversed()) { // A4: ALREADY_REVERSED is checked first
            return rejected(adjustment, conversion, AdjustmentReason.ALREADY_REVERSED, now);
        }
        Instant lockedAfter = Instant.ofEpochMilli(conversion.conversionTimeMs()).plus(lockPeriod);
        if (adjustment.getTimestamp().isAfter(lockedAfter)) {
            return rejected(adjustment, conversion, AdjustmentReason.LOCKED, now);
        }
        boolean reversal = adjustment.getKind() == AdjustmentKind.REVERSAL;
        BigDecimal amount = reversal ? ZERO : adjustment.getAmount().setScale(SCALE);
        BigDecimal commission = CommissionRule.adjusted(conversion.commission(), conversion.flat(),
                conversion.amount(), amount, reversal);
        LedgerEntry after = conversion.adjusted(amount, reversal, commission);
        return new Applied(decision(adjustment, conversion, AdjustmentStatus.APPLIED,
                reversal ? AdjustmentReason.REVERSED : AdjustmentReason.AMOUNT_CHANGED, amount, commission, now), after);
    }

    /** A5: no decision is remembered for the adjustment's conversion. */
    static AdjustmentDecision unknownConversion(ConversionAdjustment adjustment, Instant now) {
        return base(adjustment, AdjustmentStatus.REJECTED, AdjustmentReason.UNKNOWN_CONVERSION, now).build();
    }

    private static Applied rejected(ConversionAdjustment adjustment, LedgerEntry conversion, AdjustmentReason reason,
                                    Instant now) {
        return new Applied(decision(adjustment, conversion, AdjustmentStatus.REJECTED, reason, conversion.amount(),
                conversion.commission(), now), conversion);
    }

    private static AdjustmentDecision decision(ConversionAdjustment adjustment, LedgerEntry conversion,
                                               AdjustmentStatus status, AdjustmentReason reason, BigDecimal amount,
                                               BigDecimal commission, Instant now) {
        return base(adjustment, status, reason, now)
                .setOutcome(conversion.outcome())
                .setPartnerId(conversion.partnerId())
                .setPreviousAmount(scaled(conversion.amount()))
                .setAmount(scaled(amount))
                .setPreviousCommission(scaled(conversion.commission()))
                .setCommission(scaled(commission))
                .build();
    }

    private static AdjustmentDecision.Builder base(ConversionAdjustment adjustment, AdjustmentStatus status,
                                                   AdjustmentReason reason, Instant now) {
        return AdjustmentDecision.newBuilder()
                .setAdjustmentId(adjustment.getAdjustmentId())
                .setConversionId(adjustment.getConversionId())
                .setProgramId(adjustment.getProgramId())
                .setStatus(status)
                .setReason(reason)
                .setDecidedAt(now);
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE);
    }
}
