package org.promoattribution.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.promoattribution.config.AdjustmentSettings;
import org.promoattribution.config.Topics;
import org.promoattribution.explain.AdjustmentHistory;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.rule.AdjustmentRule;
import org.promoattribution.rule.AdjustmentVerdict;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.state.HeldAdjustments;
import org.promoattribution.state.LedgerEntry;
import org.promoattribution.state.SeenIds;
import org.promoattribution.state.StoreNames;

/**
 * The decision ledger, on the partition of each conversionId, where decisions and adjustments of
 * one order meet. A decision is written once per (programId, conversionId) within
 * adjustment.retention of processing time (SPEC rule 7 whatever the session: an order re-sent
 * under a session of another partition was decided there too, and stops here), and remembered
 * for the order's adjustments (A1). Adjustments are de-duplicated (A6), decided in arrival order
 * (A2–A4), or wait for their decision up to decision.delay + adjustment.max.wait (A5). State and outputs change in
 * one transaction under exactly-once.
 */
final class LedgerProcessor implements Processor<String, LedgerInput, String, LedgerOutput> {
    private static final byte[] SEEN = new byte[0];
    private final AdjustmentSettings settings;
    /** A5: decision.delay + adjustment.max.wait. */
    private final Duration adjustmentWait;
    private final Topics topics;
    private final Serializer<AdjustmentDecision> adjustmentSerializer;
    private final AttributionMetrics metrics;
    private ProcessorContext<String, LedgerOutput> context;
    private SeenIds ledger;
    private SeenIds seenAdjustments;
    private HeldAdjustments held;
    private AdjustmentHistory history;

    LedgerProcessor(AdjustmentSettings settings, Duration adjustmentWait, Topics topics, Serializer<AdjustmentDecision> adjustmentSerializer,
                    AttributionMetrics metrics) {
        this.settings = settings;
        this.adjustmentWait = adjustmentWait;
        this.topics = topics;
        this.adjustmentSerializer = adjustmentSerializer;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, LedgerOutput> context) {
        this.context = context;
        long retentionMs = settings.retention().toMillis();
        ledger = new SeenIds(context.getStateStore(StoreNames.DECISION_LEDGER), retentionMs);
        seenAdjustments = new SeenIds(context.getStateStore(StoreNames.SEEN_ADJUSTMENTS), retentionMs);
        held = new HeldAdjustments(context.getStateStore(StoreNames.HELD_ADJUSTMENTS));
        history = new AdjustmentHistory(context.getStateStore(StoreNames.ADJUSTMENT_HISTORY));
        Duration every = adjustmentWait.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofMillis(100) : Duration.ofSeconds(1);
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::rejectOverdue);
    }

    @Override
    public void process(Record<String, LedgerInput> record) {
        if (record.value() instanceof LedgerInput.Decided decided) {
            write(record, DecisionTransfer.decode(decided.transfer()));
        } else if (record.value() instanceof LedgerInput.Adjusted adjusted) {
            adjust(adjusted.adjustment());
        }
    }

    private void write(Record<String, LedgerInput> record, DecisionTransfer decision) {
        Bytes conversion = SeenIds.key(decision.programId(), record.key());
        long now = context.currentSystemTimeMs();
        if (ledger.earlierSighting(conversion, decision.entry().encode(), now) != null) {
            metrics.duplicateConversion(true); // same-session re-deliveries never get here
            return;
        }
        context.forward(record.withValue(new LedgerOutput(topics.forOutcome(decision.entry().outcome()),
                decision.wire(), decision.usage())));
        held.release(conversion, this::decide); // A5: right after their decision
    }

    private void adjust(ConversionAdjustment adjustment) {
        long now = context.currentSystemTimeMs();
        Bytes seen = SeenIds.key(adjustment.getProgramId(), adjustment.getConversionId(), adjustment.getAdjustmentId());
        if (seenAdjustments.earlierSighting(seen, SEEN, now) != null) {
            metrics.duplicateAdjustment(); // A6
            return;
        }
        Bytes conversion = SeenIds.key(adjustment.getProgramId(), adjustment.getConversionId());
        if (ledger.find(conversion, now) == null) {
            metrics.heldAdjustment();
            held.hold(conversion, adjustment, now);
        } else {
            decide(adjustment);
        }
    }

    private void decide(ConversionAdjustment adjustment) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Bytes conversion = SeenIds.key(adjustment.getProgramId(), adjustment.getConversionId());
        SeenIds.Sighting sighting = ledger.find(conversion, now.toEpochMilli());
        AdjustmentVerdict verdict = AdjustmentRule.apply(adjustment.getKind(), adjustment.getAmount(),
                adjustment.getTimestamp(), LedgerEntry.decode(sighting.detail()).balance(),
                settings.lockPeriod(adjustment.getProgramId()));
        if (verdict.applied()) { // a rejection leaves the entry as it was
            ledger.replace(conversion, sighting, LedgerEntry.of(verdict.after()).encode());
        }
        emit(adjustment, AdjustmentDecisions.of(adjustment, verdict, now));
    }

    /** A5: an adjustment whose decision did not come within decision.delay + adjustment.max.wait. */
    private void rejectOverdue(long wallNowMs) {
        held.releaseArrivedBy(wallNowMs - adjustmentWait.toMillis(),
                a -> emit(a, AdjustmentDecisions.unknownConversion(a, Instant.ofEpochMilli(wallNowMs))));
    }

    private void emit(ConversionAdjustment adjustment, AdjustmentDecision decision) {
        metrics.adjustment(decision.getStatus(), decision.getReason());
        history.add(adjustment, decision, context.currentSystemTimeMs());
        String topic = topics.adjusted();
        long decidedAt = decision.getDecidedAt().toEpochMilli();
        context.forward(new Record<>(decision.getConversionId(),
                new LedgerOutput(topic, adjustmentSerializer.serialize(topic, decision), List.of()), decidedAt));
    }
}
