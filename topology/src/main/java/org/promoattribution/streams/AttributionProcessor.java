package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.explain.ExplanationCodec;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.state.ClickHistoryStore;
import org.promoattribution.state.PendingConversions;
import org.promoattribution.state.PreviousSeenConversions;
import org.promoattribution.state.SeenConversionIds;
import org.promoattribution.state.SessionKey;
import org.promoattribution.state.StoreNames;

/**
 * The stateful heart of the topology: clicks and conversions of the sessions of one
 * partition, in arrival order. Clicks enter the history (SPEC rules 3 and 7); conversions are
 * de-duplicated (rule 7), held back by decision.delay (rule 8), and decided.
 */
final class AttributionProcessor implements Processor<String, SpecificRecord, String, LedgerInput.Decided> {
    private final AttributionConfig config;
    private final PromoCodeIndex codes;
    private final CommissionTermsIndex terms;
    private final Function<DecidedConversion, LedgerInput.Decided> transfer;
    private final AttributionMetrics metrics;
    private final EventClock clock = new EventClock();
    private ProcessorContext<String, LedgerInput.Decided> context;
    private ClickHistoryStore history;
    private SeenConversionIds seenConversions;
    private PendingConversions pending;
    private ConversionDecider decider;
    private WindowStore<String, byte[]> explanations;
    private long lastArrivalWallMs;

    /** @param transfer each decision as it travels to the ledger ({@link DecisionTransfer#encoder}) */
    AttributionProcessor(AttributionConfig config, PromoCodeIndex codes, CommissionTermsIndex terms,
                         Function<DecidedConversion, LedgerInput.Decided> transfer, AttributionMetrics metrics) {
        this.config = config;
        this.codes = codes;
        this.terms = terms;
        this.transfer = transfer;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, LedgerInput.Decided> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> clicks = context.getStateStore(StoreNames.CLICK_HISTORY);
        KeyValueStore<Bytes, byte[]> sessions = context.getStateStore(StoreNames.CLICK_SESSIONS);
        history = new ClickHistoryStore(clicks, sessions, config.inlineClicksPerSession());
        long dedupRetentionMs = config.dedupRetention().toMillis();
        seenConversions = new SeenConversionIds(context.getStateStore(StoreNames.SEEN_CONVERSION_IDS),
                PreviousSeenConversions.open(context.getStateStore(StoreNames.SEEN_CONVERSIONS), dedupRetentionMs,
                        context.currentSystemTimeMs()), dedupRetentionMs);
        pending = new PendingConversions(context.getStateStore(StoreNames.PENDING_CONVERSIONS));
        decider = new ConversionDecider(codes, terms, history, config);
        explanations = context.getStateStore(StoreNames.EXPLANATIONS);
        lastArrivalWallMs = context.currentSystemTimeMs();
        context.schedule(config.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
        if (config.delaysDecisions()) {
            Duration idle = config.decisionMaxWait();
            Duration every = idle.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofMillis(100) : Duration.ofSeconds(1);
            context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::decideWhenIdle);
        }
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        lastArrivalWallMs = context.currentSystemTimeMs();
        if (record.value() instanceof Click click) {
            clock.advanceTo(click.getTimestamp().toEpochMilli());
            // Conversions its time has made due are decided first: the click is later than each of
            // them, and storing it may forget the session's clicks they are decided with.
            pending.drainDue(clock.now(), this::decide);
            track(click);
        } else if (record.value() instanceof Conversion conversion) {
            clock.advanceTo(conversion.getTimestamp().toEpochMilli());
            pending.drainDue(clock.now(), this::decide); // SPEC rule 8: before the record that made them due
            accept(conversion);
        }
    }

    private void track(Click click) {
        String program = click.getProgramId();
        Instant timestamp = click.getTimestamp();
        if (codes.partnerHoldsAlwaysCode(program, click.getPartnerId(), timestamp)) {
            metrics.untrackedClick(); // SPEC rule 3: the partner's code earns credit without clicks
            return;
        }
        ClickHistoryStore.Appended appended = history.append(SessionKey.of(click.getSessionId(), program),
                click.getClickId(), click.getPartnerId(), timestamp, config.clickRetention(),
                config.maxClicksPerSession(), context.currentSystemTimeMs());
        if (appended.duplicate()) {
            metrics.duplicateClick(); // SPEC rule 7
            return;
        }
        metrics.evictedClicks("window", appended.stored() ? appended.evictedByWindow() : 1);
        metrics.evictedClicks("bound", appended.evictedByBound());
    }

    private void accept(Conversion conversion) {
        // SPEC rule 7 names an order by program and id, whatever its session: one order is paid once.
        byte[] session = RoutingKey.of(conversion).getBytes(StandardCharsets.UTF_8);
        byte[] earlier = seenConversions.earlierSighting(conversion.getProgramId(), conversion.getConversionId(),
                session, context.currentSystemTimeMs());
        if (earlier != null) {
            metrics.duplicateConversion(!Arrays.equals(earlier, session));
            return;
        }
        long due = conversion.getTimestamp().plus(config.decisionDelay()).toEpochMilli();
        if (config.delaysDecisions() && due >= clock.now()) {
            pending.add(conversion, due);
        } else {
            decide(conversion); // without a delay, or arriving once stream time is past its t + D
        }
    }

    private void decide(Conversion conversion) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DecidedConversion decided = decider.decide(conversion, now);
        AttributionDecision decision = decided.decision();
        metrics.decision(decision.getOutcome(), decision.getReason(), decision.getPartnerId(),
                Duration.between(conversion.getTimestamp(), now), now.toEpochMilli());
        // Stamped with the decision's wall-clock time: explain.retention counts from when it was decided.
        explanations.put(decision.getConversionId(), ExplanationCodec.encode(decision, decided.explanation()), now.toEpochMilli());
        // Stamped with the decision time, not the order's: the broker refuses a record more than an
        // hour ahead (log.message.timestamp.after.max.ms: an order clock running fast would stop the
        // partition) and deletes records older than retention.ms (a late order's decision would go).
        context.forward(new Record<>(decision.getConversionId(), transfer.apply(decided), now.toEpochMilli()));
    }

    /** A partition that falls silent would hold its waiting conversions forever: decide them. */
    private void decideWhenIdle(long wallNowMs) {
        if (!pending.isEmpty() && wallNowMs - lastArrivalWallMs >= config.decisionMaxWait().toMillis()) {
            pending.drainAll(this::decide);
        }
    }

    private void sweep(long wallNowMs) {
        metrics.evictedClicks("window",
                history.sweep(config.sweepBatch(), program -> config.clickRetention(), wallNowMs));
        seenConversions.sweep(config.sweepBatch(), wallNowMs);
    }
}
