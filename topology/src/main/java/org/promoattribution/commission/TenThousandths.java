package org.promoattribution.commission;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A terms' rates and flats (SPEC "Commission": at most 4 decimals, rates 0 to 100, flats
 * decimal(20,4), not negative) as whole ten-thousandths, the same values without a BigDecimal
 * each: a rate fits an int (at most 1,000,000); a flat's may not fit a long (10^20 of them), so
 * it is kept as its whole part (16 digits) and its ten-thousandths (at most 9,999).
 */
final class TenThousandths {
    private static final int SCALE = 4;

    private TenThousandths() {
    }

    static int ofRate(BigDecimal rate) {
        return rate.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().intValueExact();
    }

    static BigDecimal rate(int tenThousandths) {
        return BigDecimal.valueOf(tenThousandths, SCALE);
    }

    static long wholeOf(BigDecimal flat) {
        return flat.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    static short fractionOf(BigDecimal flat) {
        return flat.remainder(BigDecimal.ONE).movePointRight(SCALE).setScale(0, RoundingMode.UNNECESSARY)
                .shortValueExact();
    }

    static BigDecimal flat(long whole, short fraction) {
        return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(fraction, SCALE));
    }
}
