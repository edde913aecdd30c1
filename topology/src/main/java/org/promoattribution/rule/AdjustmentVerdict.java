package org.promoattribution.rule;

import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;

/**
 * What the adjustment rule decided for one adjustment of a known conversion.
 *
 * @param before the conversion before the adjustment: its amount is the decision's previousAmount
 * @param after  the conversion after it: its amount is the decision's amount; {@code before} itself when
 *               rejected (A4: a rejected adjustment carries the current amount)
 */
public record AdjustmentVerdict(AdjustmentStatus status, AdjustmentReason reason, ConversionBalance before,
                                ConversionBalance after) {
    public boolean applied() {
        return status == AdjustmentStatus.APPLIED;
    }
}
