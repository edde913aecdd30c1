package org.promoattribution.commission;

import java.math.BigDecimal;

/**
 * A rate (percent of the order, 0 to 100) and a flat amount per order, as SPEC C2's (r, f).
 * Both exact, at most 4 decimals, never null (an absent one is 0).
 */
public record Rate(BigDecimal rate, BigDecimal flat) {
    public static final Rate NONE = new Rate(BigDecimal.ZERO, BigDecimal.ZERO);
}
