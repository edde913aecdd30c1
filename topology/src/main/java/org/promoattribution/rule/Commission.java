package org.promoattribution.rule;

import java.math.BigDecimal;

/**
 * A decision's commission (SPEC C2) and what its adjustments need of it (C4).
 *
 * @param termsId the terms in force that made it
 * @param value   the commission, exact at 4 decimals; null when it would not fit decimal(20,4)
 * @param flat    f, the flat part: T.flat, or the code rate's flat when one applied
 */
public record Commission(String termsId, BigDecimal value, BigDecimal flat) {
}
