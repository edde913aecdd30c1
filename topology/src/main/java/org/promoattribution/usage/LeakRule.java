package org.promoattribution.usage;

import java.math.BigDecimal;

/**
 * SPEC "Promo-code usage and leaks": a code leaks on a day when withoutOwnerClick ≥ minUses and
 * withoutOwnerClick ≥ ratio × uses. ALWAYS codes never leak: their partner's clicks are not
 * tracked (rule 3), so every use of them is "without an owner click". The ratio is exact, as
 * configured: 7 of 25 uses reach a ratio of 0.28, which in binary floating point they would miss.
 */
public record LeakRule(int minUses, BigDecimal ratio) {

    public boolean leaking(long uses, long withoutOwnerClick, boolean alwaysPolicy) {
        return !alwaysPolicy && withoutOwnerClick >= minUses
                && BigDecimal.valueOf(withoutOwnerClick).compareTo(ratio.multiply(BigDecimal.valueOf(uses))) >= 0;
    }
}
