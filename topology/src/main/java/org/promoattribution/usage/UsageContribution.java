package org.promoattribution.usage;

/**
 * What one decided conversion adds to the figures of one matched definition on the conversion's
 * UTC day (SPEC "Promo-code usage and leaks"): one use, and one of each flag that is set.
 *
 * @param alwaysPolicy whether the definition had the ALWAYS policy when the conversion was decided (such codes never leak)
 */
public record UsageContribution(UsageKey key, String programId, String partnerId, boolean credited, boolean invalid,
                                boolean withoutOwnerClick, boolean alwaysPolicy) {
}
