package org.promoattribution.usage;

/**
 * What decided conversions add to the figures of one definition on one UTC day (SPEC "Promo-code
 * usage and leaks"): one conversion adds one use and one of each count whose condition holds;
 * contributions to the same (definition, day) add up, so many orders can travel as one.
 *
 * @param programId    the definition's program, as the latest contribution knew it
 * @param partnerId    the definition's partner, as the latest contribution knew it
 * @param alwaysPolicy whether the definition had the ALWAYS policy at the latest contribution (such codes never leak)
 */
public record UsageContribution(UsageKey key, String programId, String partnerId, boolean alwaysPolicy, long uses,
                                long credited, long invalid, long withoutOwnerClick) {

    /** What one decided conversion adds. */
    public static UsageContribution oneUse(UsageKey key, String programId, String partnerId, boolean credited,
                                           boolean invalid, boolean withoutOwnerClick, boolean alwaysPolicy) {
        return new UsageContribution(key, programId, partnerId, alwaysPolicy, 1, credited ? 1 : 0, invalid ? 1 : 0,
                withoutOwnerClick ? 1 : 0);
    }

    /** This and a later contribution to the same (definition, day): the counts summed, the definition's as it was later. */
    public UsageContribution plus(UsageContribution later) {
        if (!key.equals(later.key)) {
            throw new IllegalArgumentException("contributions to " + key + " and " + later.key + " do not add up");
        }
        return new UsageContribution(key, later.programId, later.partnerId, later.alwaysPolicy, uses + later.uses,
                credited + later.credited, invalid + later.invalid, withoutOwnerClick + later.withoutOwnerClick);
    }
}
