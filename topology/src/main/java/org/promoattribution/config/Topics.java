package org.promoattribution.config;

import java.util.Map;
import java.util.Set;
import org.promoattribution.schemas.Outcome;

/**
 * The topic names the pipeline reads and writes (SPEC "Topics"); every one configurable.
 * {@code validatedPromoCodes} is the pipeline's own compacted topic of checked definitions,
 * the source of the global promo-code store; {@code validatedCommissionTerms} likewise for the
 * commission terms. {@code usage} is the compacted topic of each code's
 * figures per day (SPEC "Promo-code usage and leaks").
 */
public record Topics(
        String clicks,
        String conversions,
        String promoCodes,
        String validatedPromoCodes,
        String commissionTerms,
        String validatedCommissionTerms,
        String credited,
        String invalid,
        String unattributed,
        String deadLetter,
        String adjustments,
        String adjusted,
        String usage) {

    public static final String PREFIX = "topic.";
    public static final Topics DEFAULTS = new Topics("clicks", "conversions", "promo-codes", "promo-codes-validated",
            "commission-terms", "commission-terms-validated",
            "conversions-credited", "conversions-invalid", "conversions-unattributed", "attribution-dlq",
            "conversion-adjustments", "conversions-adjusted", "promo-code-usage");

    static final OwnedKeys KEYS = OwnedKeys.of("topics", PREFIX)
            .define(PREFIX + "clicks", Parsers::text, DEFAULTS.clicks, "the clicks topic")
            .define(PREFIX + "conversions", Parsers::text, DEFAULTS.conversions, "the conversions topic")
            .define(PREFIX + "promo-codes", Parsers::text, DEFAULTS.promoCodes, "the promo code definitions")
            .define(PREFIX + "promo-codes-validated", Parsers::text, DEFAULTS.validatedPromoCodes,
                    "the checked definitions (compacted; the global promo-code store's source)")
            .define(PREFIX + "commission-terms", Parsers::text, DEFAULTS.commissionTerms, "the commission terms")
            .define(PREFIX + "commission-terms-validated", Parsers::text, DEFAULTS.validatedCommissionTerms,
                    "the checked terms (compacted; the global commission-terms store's source)")
            .define(PREFIX + "credited", Parsers::text, DEFAULTS.credited, "credited conversions")
            .define(PREFIX + "invalid", Parsers::text, DEFAULTS.invalid, "invalid conversions")
            .define(PREFIX + "unattributed", Parsers::text, DEFAULTS.unattributed, "unattributed conversions")
            .define(PREFIX + "dlq", Parsers::text, DEFAULTS.deadLetter, "the dead-letter topic")
            .define(PREFIX + "adjustments", Parsers::text, DEFAULTS.adjustments, "conversion adjustments")
            .define(PREFIX + "adjusted", Parsers::text, DEFAULTS.adjusted, "decided adjustments")
            .define(PREFIX + "promo-code-usage", Parsers::text, DEFAULTS.usage, "each code's figures per day (compacted)");

    static Topics from(Map<String, String> values) {
        return new Topics(KEYS.value(PREFIX + "clicks", values), KEYS.value(PREFIX + "conversions", values),
                KEYS.value(PREFIX + "promo-codes", values), KEYS.value(PREFIX + "promo-codes-validated", values),
                KEYS.value(PREFIX + "commission-terms", values),
                KEYS.value(PREFIX + "commission-terms-validated", values),
                KEYS.value(PREFIX + "credited", values), KEYS.value(PREFIX + "invalid", values),
                KEYS.value(PREFIX + "unattributed", values), KEYS.value(PREFIX + "dlq", values),
                KEYS.value(PREFIX + "adjustments", values), KEYS.value(PREFIX + "adjusted", values),
                KEYS.value(PREFIX + "promo-code-usage", values));
    }

    /**
     * The definition tables (promo codes, commission terms, and our checked copies): small, compacted,
     * read whole by every instance through a global store, so one partition each. More would add
     * only tasks that sit idle, each costing the stream thread a turn.
     */
    public Set<String> definitionTables() {
        return Set.of(promoCodes, validatedPromoCodes, commissionTerms, validatedCommissionTerms);
    }

    public String forOutcome(Outcome outcome) {
        return switch (outcome) {
            case CREDITED -> credited;
            case INVALID -> invalid;
            case UNATTRIBUTED -> unattributed;
        };
    }
}
