package org.promoattribution.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;

/**
 * SPEC "Adjustments", A2–A4 and A7 (the commission follows C4: {@link CommissionRule#adjusted}), for
 * one adjustment of a conversion whose decision is known (A1 and A5, finding that decision, and A6,
 * repeats, are the ledger's). A pure function: no Kafka, no clock.
 */
public final class AdjustmentRule {
    /** Amounts travel as decimal(20,4). */
    private static final int SCALE = 4;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private AdjustmentRule() {
    }

    /**
     * @param kind           REVERSAL or AMOUNT_CHANGE
     * @param newAmount      AMOUNT_CHANGE: the order's new total; ignored for REVERSAL
     * @param adjustmentTime the adjustment's event time
     * @param conversion     the conversion as its earlier adjustments left it
     * @param lockPeriod     the program's lock.period
     */
    public static AdjustmentVerdict apply(AdjustmentKind kind, BigDecimal newAmount, Instant adjustmentTime,
                                          ConversionBalance conversion, Duration lockPeriod) {
        // A4: ALREADY_REVERSED is checked before LOCKED.
        if (conversion.reversed()) { // A2: a REVERSAL closes the conversion
            return rejected(AdjustmentReason.ALREADY_REVERSED, conversion);
        }
        if (adjustmentTime.isAfter(conversion.conversionTime().plus(lockPeriod))) { // A3
            return rejected(AdjustmentReason.LOCKED, conversion);
        }
        // A2: the partner never changes; only a REVERSAL closes (an AMOUNT_CHANGE to 0 does not).
        boolean reversal = kind == AdjustmentKind.REVERSAL;
        BigDecimal amount = reversal ? ZERO : newAmount.setScale(SCALE);
        BigDecimal commission = CommissionRule.adjusted(conversion.commission(), conversion.flat(),
                conversion.amount(), amount, reversal);
        ConversionBalance after = new ConversionBalance(conversion.outcome(), conversion.partnerId(),
                conversion.conversionTime(), amount, reversal, commission, conversion.flat());
        return new AdjustmentVerdict(AdjustmentStatus.APPLIED,
                reversal ? AdjustmentReason.REVERSED : AdjustmentReason.AMOUNT_CHANGED, conversion, after);
    }

    /** A4: a rejected adjustment leaves the conversion as it was. */
    private static AdjustmentVerdict rejected(AdjustmentReason reason, ConversionBalance conversion) {
        return new AdjustmentVerdict(AdjustmentStatus.REJECTED, reason, conversion, conversion);
    }
}
