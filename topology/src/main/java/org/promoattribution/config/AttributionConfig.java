package org.promoattribution.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.promoattribution.schemas.serde.SchemaRegistryKeys;
import org.promoattribution.validation.EventTimes;
import org.promoattribution.validation.RecordChecks;
import org.promoattribution.validation.RecordLimits;

/**
 * The pipeline's settings, read from one flat set of properties. Each key goes to the owner that
 * declares it ({@link #OWNERS}); the registry client's keys, as it declares them
 * ({@link SchemaRegistryKeys}), go to {@link #registry()}. A key under one of the owners' prefixes
 * that none declares, or one Kafka does not know a slip away from one of ours, is a typo and stops
 * the start ({@link UnknownKeys}); any other key is a Kafka Streams or client setting and passes
 * through untouched.
 */
public record AttributionConfig(
        Topics topics,
        Duration referralWindow,
        Map<String, Duration> referralWindowByProgram,
        Duration referralWindowMax,
        int maxClicksPerSession,
        int inlineClicksPerSession,
        Duration clickRetentionGrace,
        Duration dedupRetention,
        Duration decisionDelay,
        Duration decisionMaxWait,
        Duration sweepInterval,
        int sweepBatch,
        Duration explainRetention,
        int maxCodesPerConversion,
        int maxItemsPerConversion,
        Duration eventTimeMaxAhead,
        HttpSettings http,
        HealthSettings health,
        AdjustmentSettings adjustments,
        UsageSettings usage,
        CodeTableSettings codeTable,
        TermsTableSettings termsTable,
        Map<String, String> registry,
        Properties streams) {

    /** Every owner of keys of ours. */
    public static final List<OwnedKeys> OWNERS = List.of(Topics.KEYS, RuleKeys.KEYS, StateKeys.KEYS,
            RecordLimits.KEYS, EventTimes.KEYS, HttpSettings.KEYS, HealthSettings.KEYS, AdjustmentSettings.KEYS,
            UsageSettings.KEYS, RocksDbMemoryKeys.KEYS, CodeTableSettings.KEYS, TermsTableSettings.KEYS);

    /** The producer retry backoffs set by default, in ms (see {@link #producerRetryBackoffDefaults}). */
    private static final Map<String, String> PRODUCER_RETRY_BACKOFFS = Map.of(
            ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "20",
            ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "100");

    public static AttributionConfig from(Properties props) {
        Map<String, String> values = new HashMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));

        Map<String, String> registry = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        Properties streams = new Properties();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "promo-attribution");
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streams.put("processing.exception.handler.global.enabled", "true"); // the 5.0 default, without a warning
        values.forEach((key, value) -> {
            if (SchemaRegistryKeys.owns(key)) {
                registry.put(key, value);
                return;
            }
            Optional<OwnedKeys> owner = OWNERS.stream().filter(o -> o.declares(key)).findFirst();
            if (owner.isEmpty() && UnknownKeys.isTypo(key, OWNERS)) {
                unknown.add(key);
            } else if (owner.map(OwnedKeys::passesToKafkaStreams).orElse(true)) {
                streams.put(key, value);
            }
        });

        producerRetryBackoffDefaults(values, streams);
        UnknownKeys.reject(unknown, OWNERS);
        SchemaRegistryKeys.requireKnown(registry.keySet());

        OwnedKeys rule = RuleKeys.KEYS;
        OwnedKeys state = StateKeys.KEYS;
        Duration delay = rule.value(RuleKeys.DECISION_DELAY, values);
        Duration maxWait = rule.value(RuleKeys.DECISION_MAX_WAIT, values);
        Duration window = rule.value(RuleKeys.REFERRAL_WINDOW, values);
        Map<String, Duration> windowByProgram = rule.perProgram(RuleKeys.REFERRAL_WINDOW_PROGRAM_PREFIX, values);
        Duration windowMax = rule.value(RuleKeys.REFERRAL_WINDOW_MAX, values);
        requireWithin(windowMax, RuleKeys.REFERRAL_WINDOW, window);
        windowByProgram.forEach((program, w) ->
                requireWithin(windowMax, RuleKeys.REFERRAL_WINDOW_PROGRAM_PREFIX + program, w));
        return new AttributionConfig(
                Topics.from(values),
                window,
                windowByProgram,
                windowMax,
                rule.value(RuleKeys.MAX_CLICKS_PER_SESSION, values),
                state.value(StateKeys.CLICK_INLINE_MAX, values),
                state.value(StateKeys.CLICK_RETENTION_GRACE, values),
                state.value(StateKeys.DEDUP_RETENTION, values),
                delay,
                maxWait == null ? delay.multipliedBy(2) : maxWait,
                state.value(StateKeys.SWEEP_INTERVAL, values),
                state.value(StateKeys.SWEEP_BATCH, values),
                state.value(StateKeys.EXPLAIN_RETENTION, values),
                RecordLimits.KEYS.value(RecordLimits.MAX_CODES, values),
                RecordLimits.KEYS.value(RecordLimits.MAX_ITEMS, values),
                EventTimes.KEYS.value(EventTimes.MAX_AHEAD, values),
                HttpSettings.from(values),
                HealthSettings.from(values),
                AdjustmentSettings.from(values),
                UsageSettings.from(values),
                CodeTableSettings.from(values),
                TermsTableSettings.from(values),
                Map.copyOf(registry),
                streams);
    }

    /**
     * Short producer retry backoffs, unless retry.backoff.ms or retry.backoff.max.ms is configured
     * (plain or {@code producer.}-prefixed). Under exactly-once (transaction version 2) a
     * transaction's first produce to a partition races the previous commit's markers: the broker
     * waits for them up to {@code add.partitions.to.txn.retry.backoff.max.ms} (100 ms by default),
     * then answers CONCURRENT_TRANSACTIONS, and the batches in flight behind it fail
     * OUT_OF_ORDER_SEQUENCE_NUMBER. The client's default backoff (100 ms, doubling per attempt to
     * 1 s) turns that into commits stalled for up to seconds; 20 ms (what the client itself waits
     * on the same race under transaction version 1) growing to 100 ms (every client's flat backoff
     * before Kafka 3.7) retries soon after the markers are written (docs/decisions.md).
     */
    private static void producerRetryBackoffDefaults(Map<String, String> values, Properties streams) {
        for (Map.Entry<String, String> backoff : PRODUCER_RETRY_BACKOFFS.entrySet()) {
            String key = backoff.getKey();
            if (!values.containsKey(key) && !values.containsKey(StreamsConfig.producerPrefix(key))) {
                streams.put(StreamsConfig.producerPrefix(key), backoff.getValue());
            }
        }
    }

    /**
     * A copy with one more Kafka Streams setting, unless the settings already name it: what the
     * runner derives (e.g. application.server from the HTTP address) yields to what was configured.
     */
    public AttributionConfig withStreamsDefault(String key, String value) {
        Properties copy = new Properties();
        copy.putAll(streams);
        copy.putIfAbsent(key, value);
        return new AttributionConfig(topics, referralWindow, referralWindowByProgram, referralWindowMax,
                maxClicksPerSession, inlineClicksPerSession, clickRetentionGrace, dedupRetention, decisionDelay, decisionMaxWait, sweepInterval,
                sweepBatch, explainRetention, maxCodesPerConversion, maxItemsPerConversion, eventTimeMaxAhead, http,
                health, adjustments, usage, codeTable, termsTable, registry, copy);
    }

    /** The checks of SPEC "Records", "Time" and "Limits" with this configuration's limits. */
    public RecordChecks recordChecks() {
        return new RecordChecks(new RecordLimits(maxCodesPerConversion, maxItemsPerConversion),
                new EventTimes(eventTimeMaxAhead));
    }

    /** SPEC rule 8: with a delay, conversions wait for late clicks; without, they are decided on arrival. */
    public boolean delaysDecisions() {
        return !decisionDelay.isZero();
    }

    /**
     * SPEC A5: how long (processing time) an adjustment waits for its conversion's decision: the
     * conversion itself may wait decision.delay for its decision (rule 8).
     */
    public Duration adjustmentWait() {
        return decisionDelay.plus(adjustments.maxWait());
    }

    /** The program's configured referral window; commission terms may set another (SPEC rule 1). */
    public Duration referralWindow(String programId) {
        return referralWindowByProgram.getOrDefault(programId, referralWindow);
    }

    /** SPEC "Time": a click is kept until its session's latest event time passes it by this much. */
    public Duration clickRetention() {
        return referralWindowMax.plus(decisionDelay).plus(clickRetentionGrace);
    }

    /** referral.window.max bounds every window, the configured ones too. */
    private static void requireWithin(Duration max, String key, Duration window) {
        if (window.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " (" + window + ") must not exceed "
                    + RuleKeys.REFERRAL_WINDOW_MAX + " (" + max + ")");
        }
    }
}
