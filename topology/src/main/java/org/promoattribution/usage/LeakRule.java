package org.promoattribution.usage;

/**
 * SPEC "Promo-code usage and leaks": a code leaks on a day when withoutOwnerClick ≥ minUses and
 * withoutOwnerClick ≥ ratio × uses. ALWAYS codes never leak: their partner's clicks are not
 * tracked (rule 3), so every use of them is "without an owner click".
 */
public record LeakRule(int minUses, double ratio) {

    public boolean leaking(long uses, long withoutOwnerClick, boolean alwaysPolicy) {
        return !alwaysPolicy && withoutOwnerClick >= minUses && withoutOwnerClick >= ratio * uses;
    }
}
