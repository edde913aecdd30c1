package org.promoattribution.simulate;

import java.math.BigDecimal;

/**
 * One partner's commission in a what-if: under the terms in force, and under the new terms.
 *
 * @param creditedNow      the partner's credited orders under the terms in force
 * @param creditedProposed the same under the new terms (their referral windows may move credit)
 */
public record PartnerCommission(String programId, String partnerId, long creditedNow, long creditedProposed,
                                BigDecimal now, BigDecimal proposed) {
    public BigDecimal difference() {
        return proposed.subtract(now);
    }
}
