package org.promoattribution.streams;

import org.promoattribution.deadletter.ProcessingErrorDeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
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
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.validation.RecordChecks;
import org.promoattribution.validation.TermsDefinitions;

/**
 * Builds the attribution topology from configuration:
 * <pre>
 * clicks, conversions ─ decode + check ─┬─ bad ────────────────────────────────────────────────▶ attribution-dlq
 *                                       ├─ keyed by session ───────────────────────────────┐
 *                                       └─ keyed otherwise ─ tagged with its kind ─┐       │
 *   previous version's two rerouting topics, if any ─ tagged with its kind ────────┤       │
 *   ┌─ misrouted-by-session (one topic for both) ◀─────────────────────────────────┘       │
 *   └─ untag, decode + check ─┬─ bad ─▶ attribution-dlq                                    │
 *                             └─ good ─────────────────────────────────────────────────────┴─▶ AttributionProcessor ─┐
 *   ┌────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 *   └─ repartition by conversionId ──────────────────────────┐
 * conversion-adjustments ─ decode + check ─┬─ bad ─▶ attribution-dlq               │
 *                                          ├─ keyed by conversionId ──────────────┤
 *                                          └─ keyed otherwise ─ repartition ──────┴─▶ LedgerProcessor ─┬─▶ conversions-{credited,invalid,unattributed}, conversions-adjusted
 *     usage contributions ─ summed per interval ─ repartition by (code, day) ─▶ UsageProcessor ◀───┘ ─▶ promo-code-usage
 * promo-codes ─ decode + check ─┬─ bad ──────────────────────────────────────▶ attribution-dlq
 *                               └─ good, tombstones ─▶ promo-codes-validated ─▶ global store + PromoCodeIndex
 * commission-terms ─ decode + check ─┬─ bad ─────────────────────────────────▶ attribution-dlq
 *                                    └─ good, tombstones ─▶ commission-terms-validated ─▶ global store + CommissionTermsIndex
 * </pre>
 */
public final class AttributionTopology {
    /** The rerouting topic of clicks and conversions not keyed by their session (its name, less the application id). */
    static final String MISROUTED_BY_SESSION = "misrouted-by-session";

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
        RecordDecoder<Click> clicks = new RecordDecoder<>(serdes.click().deserializer(), checks::check);
        RecordDecoder<Conversion> conversions = new RecordDecoder<>(serdes.conversion().deserializer(),
                checks::check);
        Routes clickRoutes = route(builder, topics.clicks(), "clicks", clicks, RoutingKey::of, topics, metrics);
        Routes conversionRoutes = route(builder, topics.conversions(), "conversions", conversions, RoutingKey::of,
                topics, metrics);
        // One rerouting topic for both, each record tagged with its kind: the session task reads three
        // partitions, not four (see ReroutedEvent).
        Map<String, KStream<byte[], byte[]>> atSession = clickRoutes.misrouted()
                .mapValues(ReroutedEvent.CLICK::tag, Named.as("clicks-tag"))
                .merge(conversionRoutes.misrouted().mapValues(ReroutedEvent.CONVERSION::tag,
                        Named.as("conversions-tag")), Named.as("misrouted"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), limit.guard(Serdes.ByteArray()))
                        .withName(MISROUTED_BY_SESSION))
                .split(Named.as("misrouted-"))
                .branch((key, tagged) -> ReroutedEvent.CLICK.marks(tagged), Branched.as("clicks"))
                // only this topology writes the topic: what is not a click is a conversion
                .defaultBranch(Branched.as("conversions"));
        KStream<String, SpecificRecord> sessionEvents = clickRoutes.keyed()
                .merge(conversionRoutes.keyed(), Named.as("session-events"))
                .merge(rerouted(untagged(atSession, "clicks"), "clicks", clicks, RoutingKey::of, topics, metrics),
                        Named.as("clicks-by-session-merge"))
                .merge(rerouted(untagged(atSession, "conversions"), "conversions", conversions, RoutingKey::of,
                        topics, metrics), Named.as("conversions-by-session-merge"));

        addSessionStores(builder, config);
        // Decisions are encoded here, once, for their outcome topic, and travel to the ledger as
        // bytes with their usage contributions: only the ledger's accepted decisions are counted.
        boolean usageFigures = config.usage().figures();
        KStream<String, LedgerInput> decided = sessionEvents
                .process(() -> new AttributionProcessor(config, index, terms, metrics), Named.as("attribution"),
                        StoreNames.CLICK_HISTORY, StoreNames.CLICK_SESSIONS,
                        StoreNames.SEEN_CONVERSIONS, StoreNames.PENDING_CONVERSIONS, StoreNames.EXPLANATIONS)
                .mapValues(DecisionTransfer.encoder(serdes.decision().serializer(), topics, usageFigures),
                        Named.as("decisions-encode"))
                .repartition(Repartitioned.with(Serdes.String(), limit.guard(Serdes.ByteArray()))
                        .withName("decisions-by-conversion"))
                .mapValues(LedgerInput.Decided::new, Named.as("decisions-to-ledger"));
        RecordDecoder<ConversionAdjustment> adjustmentDecoder = new RecordDecoder<>(serdes.adjustment().deserializer(),
                checks::check);
        Routes adjustmentRoutes = route(builder, topics.adjustments(), "adjustments", adjustmentDecoder,
                RoutingKey::of, topics, metrics);
        KStream<byte[], byte[]> adjustmentsAtConversion = adjustmentRoutes.misrouted()
                .repartition(Repartitioned.with(Serdes.ByteArray(), limit.guard(Serdes.ByteArray()))
                        .withName("adjustments-by-conversion"));
        KStream<String, LedgerInput> adjustments = adjustmentRoutes.keyed()
                .merge(rerouted(adjustmentsAtConversion, "adjustments", adjustmentDecoder, RoutingKey::of, topics,
                        metrics), Named.as("adjustments-by-conversion-merge"))
                .mapValues(a -> new LedgerInput.Adjusted((ConversionAdjustment) a), Named.as("adjustments-to-ledger"));

        addLedgerStores(builder, config);
        KStream<String, LedgerOutput> written = decided.merge(adjustments, Named.as("ledger-inputs"))
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
        decode(definitions.get(name + "-definitions"), name, decoder, d -> null, true, topics, metrics)
                .mapValues(Decoded::raw, Named.as(name + "-valid-bytes"))
                .to(validated, Produced.with(Serdes.ByteArray(), limit.guard(Serdes.ByteArray()))
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
     * One input's good records: those keyed by their routing key (a session, or a conversion for
     * adjustments), already on its partition, and the others as the bytes received (nothing is
     * re-encoded), keyed by it for a rerouting topic.
     */
    private record Routes(KStream<String, SpecificRecord> keyed, KStream<byte[], byte[]> misrouted) {
    }

    /** Decodes one input topic, sends bad records to the dead-letter topic, and routes the good ones. */
    private static <T extends SpecificRecord> Routes route(
            StreamsBuilder builder, String topic, String name, RecordDecoder<T> decoder,
            Function<T, String> routingKey, Topics topics, AttributionMetrics metrics) {
        Consumed<byte[], byte[]> raw = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
        KStream<byte[], Decoded> decoded = decode(builder.stream(topic, raw.withName(name + "-source")), name,
                decoder, routingKey, false, topics, metrics);
        Map<String, KStream<byte[], Decoded>> routes = decoded.split(Named.as(name + "-"))
                .branch((key, d) -> d.keyedBy(key), Branched.as("keyed"))
                .defaultBranch(Branched.as("rekeyed"));
        KStream<String, SpecificRecord> keyed = routes.get(name + "-keyed")
                .map((key, d) -> KeyValue.pair(d.routingKey(), d.value()), Named.as(name + "-keyed-value"));
        KStream<byte[], byte[]> misrouted = routes.get(name + "-rekeyed")
                .map((key, d) -> KeyValue.pair(d.routingKey().getBytes(StandardCharsets.UTF_8), d.raw()),
                        Named.as(name + "-to-routing-key"));
        return new Routes(keyed, misrouted);
    }

    /**
     * Rerouted records, on their routing key's partition now, decoded again from the bytes received:
     * one that fails now (a schema id the registry no longer has, a check against the clock) goes to
     * the dead-letter topic as on the first read.
     */
    private static <T extends SpecificRecord> KStream<String, SpecificRecord> rerouted(
            KStream<byte[], byte[]> rerouted, String name, RecordDecoder<T> decoder, Function<T, String> routingKey,
            Topics topics, AttributionMetrics metrics) {
        return decode(rerouted, name + "-rerouted", decoder, routingKey, false, topics, metrics)
                .map((key, d) -> KeyValue.pair(d.routingKey(), d.value()), Named.as(name + "-rekeyed-value"));
    }

    /** The rerouted records of one kind ({@code clicks} or {@code conversions}), as the bytes received. */
    private static KStream<byte[], byte[]> untagged(Map<String, KStream<byte[], byte[]>> atSession, String name) {
        return atSession.get("misrouted-" + name).mapValues(ReroutedEvent::received, Named.as(name + "-untag"));
    }

    private static <T extends SpecificRecord> KStream<byte[], Decoded> decode(
            KStream<byte[], byte[]> input, String name, RecordDecoder<T> decoder, Function<T, String> routingKey,
            boolean requireKey, Topics topics, AttributionMetrics metrics) {
        KStream<byte[], Decoded> decoded = input.processValues(
                () -> new DecodeProcessor<>(decoder, routingKey, metrics, requireKey), Named.as(name + "-decode"));
        decoded.filter((key, d) -> d.failed(), Named.as(name + "-bad"))
                .mapValues(Decoded::raw, Named.as(name + "-bad-bytes"))
                .to(topics.deadLetter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(name + "-dlq-sink"));
        return decoded.filterNot((key, d) -> d.failed(), Named.as(name + "-good"));
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
