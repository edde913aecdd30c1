package org.promoattribution.config;

import java.util.Map;

/**
 * SPEC "Limits" bounds each commission terms, not their number: how much heap the instance's
 * terms index may take before it reports DEGRADED. Past it every terms is still applied.
 */
public record TermsTableSettings(long memoryBytes) {
    public static final String MEMORY_BYTES = "terms.memory.bytes";
    public static final long DEFAULT_MEMORY_BYTES = 64L << 20;
    public static final TermsTableSettings DEFAULTS = new TermsTableSettings(DEFAULT_MEMORY_BYTES);

    static final OwnedKeys KEYS = OwnedKeys.of("commission terms", "terms.")
            .define(MEMORY_BYTES, Parsers::wholeNumber, String.valueOf(DEFAULT_MEMORY_BYTES),
                    "heap for the live commission terms; past it every terms still applies, and health says DEGRADED");

    static TermsTableSettings from(Map<String, String> values) {
        return new TermsTableSettings(KEYS.value(MEMORY_BYTES, values));
    }
}
