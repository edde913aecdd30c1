package org.promoattribution.config;

/** The keys of how long state is kept and how it is swept. */
public final class StateKeys {
    public static final String CLICK_RETENTION_GRACE = "click.retention.grace";
    public static final String CLICK_INLINE_MAX = "click.inline.max";
    static final int MAX_INLINE_CLICKS = 128;
    public static final String DEDUP_RETENTION = "dedup.retention";
    public static final String SWEEP_INTERVAL = "state.sweep.interval";
    public static final String SWEEP_BATCH = "state.sweep.batch";
    public static final String EXPLAIN_RETENTION = "explain.retention";

    // state.dir and state.cleanup.delay.ms are Kafka Streams': our prefix is state.sweep.
    static final OwnedKeys KEYS = OwnedKeys.of("state retention", "click.", "dedup.", "state.sweep.", "explain.")
            .define(CLICK_RETENTION_GRACE, Parsers::nonNegativeDuration, "P1D",
                    "how long past the referral window (and decision delay) clicks are kept")
            // At most 128: the entry is written whole on every click, and 128 clicks of the longest ids
            // are about a quarter of a megabyte, well under a changelog record's default size limit.
            .define(CLICK_INLINE_MAX, Parsers.intBetween(0, MAX_INLINE_CLICKS), "32",
                    "the most clicks (0 to 128) a session keeps in its own entry, one write per click; a longer "
                            + "session keeps one store entry per click")
            .define(DEDUP_RETENTION, Parsers::positiveDuration, "P30D",
                    "how long (processing time) a conversion's programId and id are remembered")
            .define(SWEEP_INTERVAL, Parsers::positiveDuration, "PT1M",
                    "how often sessions idle for their retention, and conversion ids past dedup.retention, are deleted")
            .define(SWEEP_BATCH, Parsers::positiveInt, "10000", "sessions, and conversion ids, visited per sweep")
            .define(EXPLAIN_RETENTION, Parsers::positiveDuration, "P7D", "how long a decision's explanation is kept");

    private StateKeys() {
    }
}
