package org.promoattribution.streams;

import java.util.List;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.usage.UsageContribution;

/**
 * What the attribution processor emits per decided conversion: the decision, for its outcome's
 * topic, and what it adds to the figures of the codes it matched, for promo-code-usage.
 */
record DecidedConversion(AttributionDecision decision, List<UsageContribution> usage) {
}
