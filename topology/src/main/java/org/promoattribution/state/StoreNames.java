package org.promoattribution.state;

/** The state stores of the attribution topology. */
public final class StoreNames {
    /** Tracked clicks, one entry per click: session, program, timestamp, arrival. */
    public static final String CLICK_HISTORY = "click-history";
    /**
     * Per session and program: next arrival number, click count, oldest and latest click time, and
     * the hashes of the held clicks' ids (for duplicate deliveries).
     */
    public static final String CLICK_SESSIONS = "click-sessions";
    /**
     * Conversion ids decided (or waiting), per (programId, conversionId), for duplicate deliveries:
     * a key-value store, as a conversion looks its id up once and a point lookup costs less than a
     * window store's fetch across its segments.
     */
    public static final String SEEN_CONVERSION_IDS = "seen-conversion-ids";
    /**
     * The ids {@link #SEEN_CONVERSION_IDS} holds now, as versions before it kept them: a window store,
     * still declared so that its changelog is restored, and read until its ids are past dedup.retention.
     */
    public static final String SEEN_CONVERSIONS = "seen-conversions";
    /**
     * The decision ledger: per (programId, conversionId), on the conversion's own partition, what
     * the adjustments of its decision need (SPEC A1), kept for adjustment.retention of processing time.
     */
    public static final String DECISION_LEDGER = "decision-ledger";
    /** The adjustments decided, per (programId, conversionId, adjustmentId), for re-deliveries (SPEC A6). */
    public static final String SEEN_ADJUSTMENTS = "seen-adjustments";
    /**
     * The adjustment decisions of each (programId, conversionId), the last {@link org.promoattribution.explain.AdjustmentHistory#MAX_ENTRIES},
     * kept for explain.retention (explain), beside the decision ledger.
     */
    public static final String ADJUSTMENT_HISTORY = "adjustment-history";
    /** Adjustments waiting for their conversion's decision (SPEC A5). */
    public static final String HELD_ADJUSTMENTS = "held-adjustments";
    /** Conversions waiting for their decision time when decision.delay is set. */
    public static final String PENDING_CONVERSIONS = "pending-conversions";
    /** Decisions with the inputs that made them, by conversionId, kept for explain.retention (explain). */
    public static final String EXPLANATIONS = "decision-explanations";
    /** Usage contributions summed per (definition, day) since the last hand-over to the figures. */
    public static final String USAGE_BATCH = "promo-code-usage-batch";
    /** Usage figures per day and definition ("yyyy-MM-dd|promoCodeId"), kept for usage.retention. */
    public static final String CODE_USAGE = "promo-code-usage-figures";
    /** The promo-code definitions, a global store read from the promo-codes topic. */
    public static final String PROMO_CODES = "promo-codes";
    /** The commission terms, a global store read from the checked commission-terms topic. */
    public static final String COMMISSION_TERMS = "commission-terms";

    private StoreNames() {
    }
}
