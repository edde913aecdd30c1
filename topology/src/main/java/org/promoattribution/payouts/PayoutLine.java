package org.promoattribution.payouts;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * SPEC C5: the figures of one (programId, partnerId, month of the conversions' event time, UTC).
 *
 * @param credited   CREDITED decisions, reversed ones included
 * @param amount     their amounts after every APPLIED adjustment (0 when none is summed)
 * @param commission their commissions after every APPLIED adjustment; decisions without one add nothing
 * @param reversed   of them, the reversed ones
 * @param locked     the commission of those whose event time + the program's lock.period is before now
 */
public record PayoutLine(String programId, String partnerId, YearMonth month, long credited, BigDecimal amount,
                         BigDecimal commission, long reversed, BigDecimal locked) {

    /** The commission still open to adjustments. */
    public BigDecimal pending() {
        return commission.subtract(locked);
    }
}
