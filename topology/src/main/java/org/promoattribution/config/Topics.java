package org.promoattribution.config;

import org.promoattribution.schemas.Outcome;

/**
 * The topic names the pipeline reads and writes (SPEC "Topics"); every one configurable.
 * {@code validatedPromoCodes} is the pipeline's own compacted topic of checked definitions,
 * the source of the global promo-code store.
 */
public record Topics(
        String clicks,
        String conversions,
        String promoCodes,
        String validatedPromoCodes,
        String credited,
        String invalid,
        String unattributed,
        String deadLetter,
        String adjustments,
        String adjusted) {

    public static final Topics DEFAULTS = new Topics("clicks", "conversions", "promo-codes", "promo-codes-validated",
            "conversions-credited", "conversions-invalid", "conversions-unattributed", "attribution-dlq",
            "conversion-adjustments", "conversions-adjusted");

    public String forOutcome(Outcome outcome) {
        return switch (outcome) {
            case CREDITED -> credited;
            case INVALID -> invalid;
            case UNATTRIBUTED -> unattributed;
        };
    }
}
