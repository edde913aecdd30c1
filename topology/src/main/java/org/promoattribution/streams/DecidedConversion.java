package org.promoattribution.streams;

import java.math.BigDecimal;
import java.util.List;
import org.promoattribution.explain.Explanation;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.usage.UsageContribution;

/**
 * What deciding a conversion gives, and the attribution processor sends to the ledger (as a
 * {@link DecisionTransfer}): the decision, for its outcome's topic; the inputs that made it, for
 * explain; and what it adds to the figures of the codes it matched, for promo-code-usage; and the
 * flat part of its commission (SPEC C2's f, null without commission), which the ledger keeps for
 * the adjustments (C4).
 */
record DecidedConversion(AttributionDecision decision, Explanation.Inputs explanation, List<UsageContribution> usage,
                         BigDecimal commissionFlat) {
}
