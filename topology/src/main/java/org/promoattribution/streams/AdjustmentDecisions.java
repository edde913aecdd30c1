package org.promoattribution.streams;

import java.math.BigDecimal;
import java.time.Instant;
import org.promoattribution.rule.AdjustmentVerdict;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.ConversionAdjustment;

/** Writes an adjustment's outcome as the {@link AdjustmentDecision} record SPEC "Records" describes. */
final class AdjustmentDecisions {
    /** Amounts travel as decimal(20,4). */
    private static final int SCALE = 4;

    private AdjustmentDecisions() {
    }

    /** The decision of an adjustment whose conversion's decision is known (A2–A4). */
    static AdjustmentDecision of(ConversionAdjustment adjustment, AdjustmentVerdict verdict, Instant now) {
        return base(adjustment, verdict.status(), verdict.reason(), now)
                .setOutcome(verdict.before().outcome())
                .setPartnerId(verdict.before().partnerId())
                .setPreviousAmount(scaled(verdict.before().amount()))
                .setAmount(scaled(verdict.after().amount()))
                .setPreviousCommission(scaled(verdict.before().commission())) // A7
                .setCommission(scaled(verdict.after().commission()))
                .build();
    }

    /** A5: no decision is remembered for the adjustment's conversion. */
    static AdjustmentDecision unknownConversion(ConversionAdjustment adjustment, Instant now) {
        return base(adjustment, AdjustmentStatus.REJECTED, AdjustmentReason.UNKNOWN_CONVERSION, now).build();
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
