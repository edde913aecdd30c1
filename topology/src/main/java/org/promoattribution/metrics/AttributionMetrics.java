package org.promoattribution.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.deadletter.DeadLetterReason;

/** The pipeline's own meters; Kafka Streams' metrics are bound beside them by the runner. */
public final class AttributionMetrics {
    private static final Duration LONGEST_LAG = Duration.ofNanos(Long.MAX_VALUE);
    private static final int REASONS = Reason.values().length;
    private final MeterRegistry registry;
    private final Timer decisionLag;
    private final RecentActivity recent = new RecentActivity();
    /**
     * The decision counters by outcome and reason, looked up once each: the registry builds and
     * sorts the tags on every lookup, which cost a few per cent of a decision.
     */
    private final AtomicReferenceArray<Counter> decisionCounters =
            new AtomicReferenceArray<>(Outcome.values().length * REASONS);

    public AttributionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decisionLag = Timer.builder("attribution.decision.lag")
                .description("Wall-clock time from a conversion's event time to its decision")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The last hours of this instance's decisions and dead letters, for the overview page. */
    public RecentActivity recent() {
        return recent;
    }

    public void decision(Outcome outcome, Reason reason, String partnerId, Duration lag, long wallMs) {
        int slot = outcome.ordinal() * REASONS + reason.ordinal();
        Counter decisions = decisionCounters.get(slot);
        if (decisions == null) {
            decisions = registry.counter("attribution.decisions", "outcome", outcome.name(), "reason", reason.name());
            decisionCounters.set(slot, decisions); // a race registers nothing twice: the registry gives the same meter
        }
        decisions.increment();
        recent.decision(outcome, partnerId, wallMs);
        if (!lag.isNegative()) {
            // A timer counts nanoseconds: a lag past 292 years (a clock set centuries ahead) counts as that.
            decisionLag.record(lag.compareTo(LONGEST_LAG) > 0 ? LONGEST_LAG : lag);
        }
    }

    public void deadLetter(String topic, DeadLetterReason reason) {
        registry.counter("attribution.dead.letters", "topic", topic, "reason", reason.name()).increment();
        recent.deadLetter(topic, reason, System.currentTimeMillis());
    }

    /** A promo code on the validated topic that could not be applied: the definition before it stays live. */
    public void promoCodeNotApplied() {
        registry.counter("attribution.promo.codes.not.applied").increment();
    }

    /** Commission terms on the validated topic that could not be applied: the terms before them stay live. */
    public void commissionTermsNotApplied() {
        registry.counter("attribution.commission.terms.not.applied").increment();
    }

    public void untrackedClick() {
        registry.counter("attribution.clicks.untracked").increment();
    }

    public void duplicateClick() {
        registry.counter("attribution.clicks.duplicate").increment();
    }

    /** @param underAnotherSession whether the order was re-sent under another session (or without one) */
    public void duplicateConversion(boolean underAnotherSession) {
        registry.counter("attribution.conversions.duplicate").increment();
        if (underAnotherSession) {
            registry.counter("attribution.conversions.resent.other.session").increment();
        }
    }

    public void adjustment(AdjustmentStatus status, AdjustmentReason reason) {
        registry.counter("attribution.adjustments", "status", status.name(), "reason", reason.name()).increment();
    }

    /** An adjustment delivered again (SPEC A6): no second decision. */
    public void duplicateAdjustment() {
        registry.counter("attribution.adjustments.duplicate").increment();
    }

    /** An adjustment that arrived before its conversion's decision and waits for it (SPEC A5). */
    public void heldAdjustment() {
        registry.counter("attribution.adjustments.held").increment();
    }

    /** A code's figures of one day became leaking; counted per program (bounded), never per code (unbounded). */
    public void codeLeaking(String programId) {
        registry.counter("attribution.codes.leaking", "programId", programId).increment();
    }

    /** A use of a code on a day past usage.retention, not counted. */
    /** Uses of a day past usage.retention, not counted: orders, whether they came one by one or summed. */
    public void expiredUsage(long uses) {
        registry.counter("attribution.usage.expired").increment(uses);
    }

    /** A stream thread died of an uncaught exception (its innermost cause's class) and was replaced. */
    public void streamThreadReplaced(String exception) {
        registry.counter("attribution.stream.threads.replaced", "exception", exception).increment();
    }

    /** Input records (counted by offsets) deleted before the pipeline read them. */
    public void inputRecordsLost(String topic, long offsets) {
        registry.counter("attribution.input.records.lost", "topic", topic).increment(offsets);
    }

    /** The code table's automata (SPEC "Limits": matching is bounded), and the definitions past its budget. */
    public void codeTable(LongSupplier memoryBytes, IntSupplier withoutAutomaton) {
        Gauge.builder("attribution.codes.memory", memoryBytes::getAsLong).baseUnit("bytes")
                .description("heap of the promo-code automata, against codes.memory.bytes").register(registry);
        Gauge.builder("attribution.codes.without.automaton", withoutAutomaton::getAsInt)
                .description("REGEX definitions past codes.memory.bytes, matched by their program, more slowly")
                .register(registry);
    }

    /** The live commission terms' heap (SPEC "Limits" bounds each terms, not their number). */
    public void termsTable(LongSupplier memoryBytes) {
        Gauge.builder("attribution.terms.memory", memoryBytes::getAsLong).baseUnit("bytes")
                .description("heap of the live commission terms, against terms.memory.bytes").register(registry);
    }

    /** 1 while {@code up} holds, else 0: the answer of /health/{probe}. */
    public void health(String probe, BooleanSupplier up) {
        Gauge.builder("attribution.health", () -> up.getAsBoolean() ? 1 : 0)
                .description("1 when /health/{probe} answers UP, else 0")
                .tag("probe", probe)
                .register(registry);
    }

    /** @param cause "window" (older than the referral window and grace) or "bound" (too many in the session) */
    public void evictedClicks(String cause, long count) {
        if (count > 0) {
            registry.counter("attribution.clicks.evicted", "cause", cause).increment(count);
        }
    }
}
