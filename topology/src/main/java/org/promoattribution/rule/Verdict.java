package org.promoattribution.rule;

import org.promoattribution.codes.CodeMatch;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/**
 * What the credit rule decided for one conversion.
 *
 * @param partnerId the credited partner, for INVALID the partner whose sale is invalid, else null
 * @param code      the code behind a PROMO_CODE credit, or the first matched code otherwise; may be null
 * @param click     the click recorded with the decision; may be null
 */
public record Verdict(Outcome outcome, Reason reason, String partnerId, Basis basis, CodeMatch code, TrackedClick click) {
}
