package org.promoattribution.usage;

import org.promoattribution.schemas.PromoCodeUsage;

/**
 * Adds a contribution (one order's, or several summed) to a code's figures of one day, the leak
 * flag following (SPEC "Promo-code usage and leaks").
 */
public final class UsageFigures {

    private UsageFigures() {
    }

    /**
     * @param before the figures so far, or null for the day's first use; the definition's program, partner and
     *               policy come from the contribution, the latest known
     */
    public static PromoCodeUsage add(PromoCodeUsage before, UsageContribution c, LeakRule leakRule) {
        long uses = (before == null ? 0 : before.getUses()) + c.uses();
        long credited = (before == null ? 0 : before.getCredited()) + c.credited();
        long invalid = (before == null ? 0 : before.getInvalid()) + c.invalid();
        long withoutOwnerClick = (before == null ? 0 : before.getWithoutOwnerClick()) + c.withoutOwnerClick();
        return PromoCodeUsage.newBuilder()
                .setPromoCodeId(c.key().promoCodeId())
                .setProgramId(c.programId())
                .setPartnerId(c.partnerId())
                .setDay(c.key().day())
                .setUses(uses)
                .setCredited(credited)
                .setInvalid(invalid)
                .setWithoutOwnerClick(withoutOwnerClick)
                .setLeaking(leakRule.leaking(uses, withoutOwnerClick, c.alwaysPolicy()))
                .build();
    }
}
