package org.promoattribution.config;

/** The keys of the credit rule and of when it decides (SPEC rules 1 to 8). */
public final class RuleKeys {
    public static final String REFERRAL_WINDOW = "referral.window";
    public static final String REFERRAL_WINDOW_PROGRAM_PREFIX = "referral.window.program.";
    public static final String REFERRAL_WINDOW_MAX = "referral.window.max";
    public static final String MAX_CLICKS_PER_SESSION = "session.max.clicks";
    public static final String DECISION_DELAY = "decision.delay";
    public static final String DECISION_MAX_WAIT = "decision.max.wait";

    // session.timeout.ms is the consumer's: our prefix is session.max.
    static final OwnedKeys KEYS = OwnedKeys.of("credit rule", "referral.", "session.max.", "decision.")
            .define(REFERRAL_WINDOW, Parsers::positiveDuration, "P30D", "how far back a click counts")
            .define(REFERRAL_WINDOW_MAX, Parsers::positiveDuration, "P90D",
                    "no referral window (configured or in commission terms) may exceed it; clicks are kept this long")
            .definePerProgram(REFERRAL_WINDOW_PROGRAM_PREFIX, Parsers::positiveDuration, "the window of one program")
            .define(MAX_CLICKS_PER_SESSION, Parsers::positiveInt, "1000",
                    "clicks kept per session and program; past it the oldest are dropped")
            .define(DECISION_DELAY, Parsers::nonNegativeDuration, "PT0S",
                    "SPEC rule 8: decide once event time passes t + delay")
            .define(DECISION_MAX_WAIT, Parsers::nonNegativeDuration, null,
                    "a partition with no new record for this long decides its waiting conversions; 2 x delay by default");

    private RuleKeys() {
    }
}
