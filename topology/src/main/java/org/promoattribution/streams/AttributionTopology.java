package org.promoattribution.streams;

import org.promoattribution.deadletter.ProcessingErrorDeadLetters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.state.StoreNames;
import org.promoattribution.streams.RouteProcessor.Intake;
import org.promoattribution.streams.RouteProcessor.Route;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.validation.RecordChecks;
import org.promoattribution.validation.TermsDefinitions;

/**
 * Builds the attribution topology from configuration. Each input record takes one step (a
 * {@link RouteProcessor}: decode, check, route) that forwards it by name straight to the node that
 * takes it, a dead-letter sink, a rerouting topic or (through the merge with the rerouted ones) its
 * processor:
 * <pre>
 * clicks + conversions (one source) ─ route ─┬─ bad ───────────────────────────────────▶ attribution-dlq
 *                                            ├─ keyed by session ──────────────────────────┐
 *                                            └─ keyed otherwise, tagged with its kind ─┐   │
 *   previous version's two rerouting topics, if any ─ tagged with its kind ────────────┤   │
 *   ┌─ misrouted-by-session (one topic for both) ◀─────────────────────────────────────┘   │
 *   └─ route (untag, decode + check) ─┬─ bad ─▶ attribution-dlq                            │
 *                                     └─ good ─────────────────────────────────────────────┴─ merge ─▶ AttributionProcessor ─┐
 *   ┌─ decisions, encoded for the ledger in the rule processor's forward ◀───────────────────────────────────────────────────┘
 *   └─ repartition by conversionId ───────────────────────────────────────────────────┐
 * conversion-adjustments ─ route ─┬─ bad ─▶ attribution-dlq                           │
 *                                 ├─ keyed by conversionId ───────────────── merge ── merge ─▶ LedgerProcessor ─┬─▶ conversions-{credited,invalid,unattributed}, conversions-adjusted
 *                                 └─ keyed otherwise ─ repartition ─ route ──┘                                  │
 *     usage contributions ─ summed per interval ─ repartition by (code, day) ─▶ UsageProcessor ◀────────────────┘ ─▶ promo-code-usage
 * promo-codes ─┬─ tombstones ─────────────────────────────────────────────────▶ promo-codes-validated
 *              └─ route ─┬─ bad ──────────────────────────────────────────────▶ attribution-dlq
 *                        └─ good, as received ─▶ promo-codes-validated ─▶ global store + PromoCodeIndex
 * commission-terms ─ likewise ─▶ commission-terms-validated ─▶ global store + CommissionTermsIndex
 * </pre>
 */
public final class AttributionTopology {
    /** The rerouting topic of clicks and conversions not keyed by their session (its name, less the application id). */
    static final String MISROUTED_BY_SESSION = "misrouted-by-session";
    /** The rerouting topic of adjustments not keyed by their conversion (its name, less the application id and suffix). */
    private static final String ADJUSTMENTS_BY_CONVERSION = "adjustments-by-conversion";
    /** Where clicks and conversions, on their session's partition, meet before the rule processor. */
    private static final String SESSION_EVENTS = "session-events";
    /** Where adjustments, on their conversion's partition, meet before the decisions join them. */
    private static final String ADJUSTMENTS_AT_CONVERSION = "adjustments-by-conversion-merge";

    private AttributionTopology() {
    }

    public static Topology build(AttributionConfig config, AttributionSerdes serdes, AttributionMetrics metrics) {
        return build(config, serdes, metrics, new PromoCodeIndex(config.codeTable()),
                new CommissionTermsIndex(config.termsTable()));
    }

    /** With the live tables' indexes given, so that their owner can report their memory (health, metrics). */
    public static Topology build(AttributionConfig config, AttributionSerdes serdes, AttributionMetrics metrics,
                                 PromoCodeIndex index, CommissionTermsIndex terms) {
        return build(config, serdes, metrics, index, terms, Set.of());
    }

    /**
     * @param previousRerouting the {@link PreviousRerouting#topics previous version's rerouting topics}
     *                          that exist: their records are read and rerouted again
     */
    public static Topology build(AttributionConfig config, AttributionSerdes serdes, AttributionMetrics metrics,
                                 PromoCodeIndex index, CommissionTermsIndex terms, Set<String> previousRerouting) {
        return build(config, serdes, metrics, index, terms, PromoCodeApplier.of(config.codeTable()),
                previousRerouting);
    }

    static Topology build(AttributionConfig config, AttributionSerdes serdes, AttributionMetrics metrics,
                          PromoCodeIndex index, CommissionTermsIndex terms, PromoCodeApplier applier,
                          Set<String> previousRerouting) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        ProducerLimit limit = ProducerLimit.from(Utils.propsToMap(config.streams()));
        Consumed<byte[], byte[]> raw = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());

        // Promo codes and commission terms are checked (codes tried out) once, on the partitioned stream
        // that can reach the dead-letter topic; only valid ones and tombstones reach the global stores,
        // via topics of ours.
        RecordDecoder<PromoCode> promoCodes = new RecordDecoder<>(serdes.promoCode().deserializer(),
                (p, now) -> applier.tryOut(p));
        addCheckedTable(builder, "promo-codes", topics.promoCodes(), topics.validatedPromoCodes(), promoCodes,
                StoreNames.PROMO_CODES,
                () -> new ValidatedTableUpdater<>(new RecordDecoder<>(serdes.promoCode().deserializer(), (p, now) -> p),
                        topics.validatedPromoCodes(), StoreNames.PROMO_CODES,
                        (key, code) -> applier.apply(index, key, code), index::remove, metrics::promoCodeNotApplied),
                topics, metrics, limit);
        Duration windowMax = config.referralWindowMax();
        RecordDecoder<CommissionTerms> commissionTerms = new RecordDecoder<>(serdes.commissionTerms().deserializer(),
                (t, now) -> {
                    TermsDefinitions.from(t, windowMax);
                    return t;
                });
        addCheckedTable(builder, "commission-terms", topics.commissionTerms(), topics.validatedCommissionTerms(),
                commissionTerms, StoreNames.COMMISSION_TERMS,
                () -> new ValidatedTableUpdater<>(commissionTerms, topics.validatedCommissionTerms(),
                        StoreNames.COMMISSION_TERMS, (key, t) -> terms.put(key, TermsDefinitions.from(t, windowMax)),
                        terms::remove, metrics::commissionTermsNotApplied),
                topics, metrics, limit);

        RecordChecks checks = config.recordChecks();
        InputKind<Click> clicks = InputKind.event(new RecordDecoder<>(serdes.click().deserializer(), checks::check),
                RoutingKey::of, ReroutedEvent.CLICK);
        InputKind<Conversion> conversions = InputKind.event(
                new RecordDecoder<>(serdes.conversion().deserializer(), checks::check), RoutingKey::of,
                ReroutedEvent.CONVERSION);
        // One source and one step for clicks and conversions: each goes from it straight to the rule,
        // the dead-letter topic or the rerouting topic.
        KStream<Object, Object> sessionInputs = route(
                builder.stream(List.of(topics.clicks(), topics.conversions()), raw.withName("session-inputs-source")),
                "session-inputs", Intake.byTopic(Map.of(topics.clicks(), clicks, topics.conversions(),
                        conversions)), Route.BY_KEY, SESSION_EVENTS, MISROUTED_BY_SESSION, topics,
                metrics);
        // One rerouting topic for both, each record tagged with its kind: the session task reads three
        // partitions, not four (see ReroutedEvent).
        KStream<Object, Object> reroutedSessionInputs = route(
                rerouted(sessionInputs, MISROUTED_BY_SESSION, limit), "session-rerouted",
                Intake.byTag(clicks, conversions), Route.TO_PROCESSOR, SESSION_EVENTS,
                null, topics, metrics);
        KStream<String, SpecificRecord> sessionEvents = forwardedAs(sessionInputs.merge(reroutedSessionInputs,
                Named.as(SESSION_EVENTS)));

        addSessionStores(builder, config);
        // Decisions are encoded by the rule processor, once, for their outcome topic, and travel to the
        // ledger as bytes with their usage contributions: only the ledger's accepted decisions are counted.
        boolean usageFigures = config.usage().figures();
        KStream<String, LedgerInput.Decided> decided = sessionEvents
                .process(() -> new AttributionProcessor(config, index, terms,
                                DecisionTransfer.encoder(serdes.decision().serializer(), topics, usageFigures), metrics),
                        Named.as("attribution"), StoreNames.CLICK_HISTORY, StoreNames.CLICK_SESSIONS,
                        StoreNames.SEEN_CONVERSION_IDS, StoreNames.SEEN_CONVERSIONS, StoreNames.PENDING_CONVERSIONS,
                        StoreNames.EXPLANATIONS)
                .repartition(Repartitioned.with(Serdes.String(), limit.guard(LedgerInput.Decided.SERDE))
                        .withName("decisions-by-conversion"));
        InputKind<ConversionAdjustment> adjustment = InputKind.event(
                new RecordDecoder<>(serdes.adjustment().deserializer(), checks::check), RoutingKey::of, null)
                .takenAs(LedgerInput.Adjusted::new);
        KStream<Object, Object> adjustmentInputs = route(
                builder.stream(topics.adjustments(), raw.withName("adjustments-source")), "adjustments",
                Intake.of(adjustment), Route.BY_KEY, ADJUSTMENTS_AT_CONVERSION,
                ADJUSTMENTS_BY_CONVERSION, topics, metrics);
        KStream<Object, Object> reroutedAdjustments = route(
                rerouted(adjustmentInputs, ADJUSTMENTS_BY_CONVERSION, limit), "adjustments-rerouted",
                Intake.of(adjustment), Route.TO_PROCESSOR, ADJUSTMENTS_AT_CONVERSION, null,
                topics, metrics);
        KStream<String, LedgerInput> adjustments = forwardedAs(adjustmentInputs.merge(reroutedAdjustments,
                Named.as(ADJUSTMENTS_AT_CONVERSION)));

        addLedgerStores(builder, config);
        // Decisions merged last: theirs is the busy path, and it passes one merge node, not two.
        KStream<String, LedgerOutput> written = adjustments.merge(forwardedAs(decided), Named.as("ledger-inputs"))
                .process(() -> new LedgerProcessor(config.adjustments(), config.adjustmentWait(), topics,
                        serdes.adjustmentDecision().serializer(), metrics), Named.as("decision-ledger"),
                        StoreNames.DECISION_LEDGER, StoreNames.SEEN_ADJUSTMENTS, StoreNames.HELD_ADJUSTMENTS,
                        StoreNames.ADJUSTMENT_HISTORY);
        written.to((key, output, context) -> output.topic(),
                Produced.with(Serdes.String(), limit.guard(LedgerOutput.SERDE)).withName("ledger-sink"));
        if (usageFigures) {
            addUsage(builder, written.flatMap((key, output) -> output.usage().stream()
                    .map(c -> KeyValue.pair(c.key().topicKey(), c)).toList(), Named.as("usage-contributions")),
                    config, serdes, metrics, limit);
        }
        // Last: Kafka Streams numbers sub-topologies in the order their sources were added, and a task's
        // state directory is named by that number, so the others keep theirs while these come and go.
        String applicationId = config.streams().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        PreviousRerouting.drain(builder, applicationId, previousRerouting,
                applicationId + "-" + MISROUTED_BY_SESSION + "-repartition");
        return builder.build(config.streams());
    }

    /**
     * A compacted topic of definitions: each decoded and checked (bad ones to the dead-letter topic),
     * the valid ones and tombstones passed as received to {@code validated}, the source of a global
     * store kept by {@code updater}.
     */
    private static <T extends SpecificRecord> void addCheckedTable(
            StreamsBuilder builder, String name, String source, String validated, RecordDecoder<T> decoder,
            String storeName, ProcessorSupplier<byte[], byte[], Void, Void> updater, Topics topics,
            AttributionMetrics metrics, ProducerLimit limit) {
        Consumed<byte[], byte[]> raw = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
        Map<String, KStream<byte[], byte[]>> definitions = builder.stream(source, raw.withName(name + "-source"))
                .split(Named.as(name + "-"))
                .branch((key, value) -> key != null && value == null, Branched.as("tombstones"))
                .defaultBranch(Branched.as("definitions"));
        definitions.get(name + "-tombstones").to(validated,
                Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-tombstones-sink"));
        KStream<byte[], byte[]> valid = forwardedAs(route(definitions.get(name + "-definitions"), name,
                Intake.of(InputKind.definition(decoder)), Route.AS_RECEIVED,
                name + "-valid-sink", null, topics, metrics));
        valid.to(validated, Produced.with(Serdes.ByteArray(), limit.guard(Serdes.ByteArray()))
                .withName(name + "-valid-sink"));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName),
                        Serdes.ByteArray(), Serdes.ByteArray()).withLoggingDisabled(),
                validated, raw.withName(name + "-global-source"), updater);
    }

    /**
     * SPEC "Promo-code usage and leaks": the contributions, summed per (definition, day) for a
     * commit interval beside the ledger, meet their figures on the partition of that key, and each
     * new value goes to promo-code-usage.
     */
    private static void addUsage(StreamsBuilder builder, KStream<String, UsageContribution> contributions,
                                 AttributionConfig config, AttributionSerdes serdes, AttributionMetrics metrics,
                                 ProducerLimit limit) {
        // Cached: a busy code's figures change many times a commit interval, and only the last value
        // of each needs to reach RocksDB and the changelog (the topic gets every one, forwarded as made).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CODE_USAGE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        // Cached too: a sum changes many times and is deleted once an interval; RocksDB and the
        // changelog see only its state at each commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.USAGE_BATCH), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        contributions
                .process(UsageBatcher::new, Named.as("usage-batch"), StoreNames.USAGE_BATCH)
                .repartition(Repartitioned.with(Serdes.String(), serdes.usageContribution())
                        .withName("usage-by-code-day"))
                .process(() -> new UsageProcessor(config.usage(), metrics), Named.as("usage"), StoreNames.CODE_USAGE)
                .to(config.topics().usage(), Produced.with(Serdes.String(), limit.guard(serdes.usage()))
                        .withName("usage-sink"));
    }

    /**
     * The Kafka Streams settings to run the topology with: the configured ones, plus the exception
     * handlers that send records failing in processing or production to the dead-letter topic, and
     * a timestamp extractor that does not fail on records without a timestamp.
     */
    public static Properties settings(AttributionConfig config, AttributionMetrics metrics) {
        Properties settings = new Properties();
        settings.putAll(config.streams());
        settings.putIfAbsent(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
                TolerantTimestampExtractor.class.getName());
        ProcessingErrorDeadLetters.addTo(settings, config.topics().deadLetter(), metrics);
        return settings;
    }

    /**
     * One input's decode-and-route step, a {@link RouteProcessor} with its dead-letter sink: its good
     * records go to the node named {@code good}, or to the {@code rerouting} topic (null: none) that
     * the caller makes of the stream returned.
     */
    private static KStream<Object, Object> route(KStream<byte[], byte[]> input, String name,
                                                 Intake intake, Route way, String good,
                                                 String rerouting, Topics topics, AttributionMetrics metrics) {
        // The DSL names a repartition topic's first node so: the step forwards to it by that name.
        RouteProcessor.Children children = new RouteProcessor.Children(name + "-dlq-sink", good,
                rerouting == null ? null : rerouting + "-repartition-filter");
        KStream<Object, Object> routed = input.process(() -> new RouteProcessor(intake, way, children, metrics),
                Named.as(name + "-route"));
        KStream<byte[], byte[]> deadLetters = forwardedAs(routed);
        deadLetters.to(topics.deadLetter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName(children.deadLetters()));
        return routed;
    }

    /**
     * The records a route step sends to its rerouting topic {@code name}, read back on their routing
     * key's partition as the bytes received: the next step decodes and checks them again, and one that
     * fails now (a schema id the registry no longer has, a check against the clock) goes to the
     * dead-letter topic as on the first read.
     */
    private static KStream<byte[], byte[]> rerouted(KStream<Object, Object> routed, String name, ProducerLimit limit) {
        KStream<byte[], byte[]> misrouted = forwardedAs(routed);
        return misrouted.repartition(Repartitioned.with(Serdes.ByteArray(), limit.guard(Serdes.ByteArray()))
                .withName(name));
    }

    /**
     * A stream as the node after it takes it: a route step forwards to each child records of that
     * child's types, and the ledger takes decisions as its inputs, which the DSL's one invariant type
     * per stream cannot say. Nothing is done to the records.
     */
    @SuppressWarnings("unchecked")
    private static <K, V> KStream<K, V> forwardedAs(KStream<?, ?> stream) {
        return (KStream<K, V>) stream;
    }

    private static void addLedgerStores(StreamsBuilder builder, AttributionConfig config) {
        Duration retention = config.adjustments().retention();
        for (String store : new String[] {StoreNames.DECISION_LEDGER, StoreNames.SEEN_ADJUSTMENTS}) {
            builder.addStateStore(Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(store, retention, Duration.ofMillis(1), false),
                    Serdes.Bytes(), Serdes.ByteArray()));
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.HELD_ADJUSTMENTS), Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.ADJUSTMENT_HISTORY, config.explainRetention(),
                        Duration.ofMillis(1), false),
                Serdes.Bytes(), Serdes.ByteArray()));
    }

    private static void addSessionStores(StreamsBuilder builder, AttributionConfig config) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CLICK_HISTORY), Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CLICK_SESSIONS), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        // Not cached: nearly every id is new, so a cache would miss on each lookup and hold each id only
        // to write it once at the commit all the same, pushing out the session entries it does help.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SEEN_CONVERSION_IDS), Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.SEEN_CONVERSIONS, config.dedupRetention(),
                        Duration.ofMillis(1), false),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PENDING_CONVERSIONS), Serdes.Bytes(), Serdes.ByteArray()));
        // Keyed by conversionId, so explain finds a decision with one lookup on each instance.
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.EXPLANATIONS, config.explainRetention(), Duration.ofMillis(1),
                        false),
                Serdes.String(), Serdes.ByteArray()));
    }
}
