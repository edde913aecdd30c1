package org.promoattribution.rule;

import java.math.BigDecimal;
import java.time.Instant;
import org.promoattribution.schemas.Outcome;

/**
 * What SPEC "Adjustments" (A2–A4) needs to know of a decided conversion.
 *
 * @param outcome        the outcome of the conversion's decision
 * @param partnerId      the decision's partner; never changes (A2); may be null
 * @param conversionTime t, the conversion's event time (A3 locks from it)
 * @param amount         the order's current amount; null when the order had none
 * @param reversed       whether a REVERSAL closed the conversion (A2)
 * @param commission     its current commission (C4, A7); null when the decision has none
 * @param flat           f, the flat part of the decision's commission (C2); null when it has none
 */
public record ConversionBalance(Outcome outcome, String partnerId, Instant conversionTime, BigDecimal amount,
                                boolean reversed, BigDecimal commission, BigDecimal flat) {
}
