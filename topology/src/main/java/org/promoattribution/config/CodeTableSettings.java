package org.promoattribution.config;

import java.util.Map;

/**
 * SPEC "Limits", matching is linear and bounded: how large a REGEX definition's automaton may be,
 * and how much heap the instance's code table may take before it reports DEGRADED.
 */
public record CodeTableSettings(int regexMaxStates, long memoryBytes) {
    public static final String REGEX_MAX_STATES = "regex.max.states";
    public static final String MEMORY_BYTES = "codes.memory.bytes";
    public static final int DEFAULT_REGEX_MAX_STATES = 10_000;
    public static final long DEFAULT_MEMORY_BYTES = 32L << 20;
    public static final CodeTableSettings DEFAULTS = new CodeTableSettings(DEFAULT_REGEX_MAX_STATES,
            DEFAULT_MEMORY_BYTES);

    static final OwnedKeys KEYS = OwnedKeys.of("promo-code matching", "regex.", "codes.")
            .define(REGEX_MAX_STATES, Parsers::positiveInt, String.valueOf(DEFAULT_REGEX_MAX_STATES),
                    "a REGEX definition whose deterministic automaton needs more states is INVALID_PATTERN")
            .define(MEMORY_BYTES, Parsers::wholeNumber, String.valueOf(DEFAULT_MEMORY_BYTES),
                    "heap for the code table's automata; past it definitions match by their program, more slowly,"
                            + " and health says DEGRADED");

    static CodeTableSettings from(Map<String, String> values) {
        return new CodeTableSettings(KEYS.value(REGEX_MAX_STATES, values), KEYS.value(MEMORY_BYTES, values));
    }
}
