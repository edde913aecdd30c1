package org.promoattribution.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.promoattribution.schemas.serde.SchemaRegistryKeys;
import org.promoattribution.validation.EventTimes;
import org.promoattribution.validation.RecordChecks;
import org.promoattribution.validation.RecordLimits;

/**
 * The pipeline's settings, read from one flat set of properties. The registry client's keys, as
 * it declares them ({@link SchemaRegistryKeys}), go to {@link #registry()}; keys this class does
 * not own either are Kafka Streams and client settings and pass through untouched.
 */
public record AttributionConfig(
        Topics topics,
        Duration referralWindow,
        Map<String, Duration> referralWindowByProgram,
        int maxClicksPerSession,
        Duration clickRetentionGrace,
        Duration dedupRetention,
        Duration decisionDelay,
        Duration decisionMaxWait,
        Duration sweepInterval,
        int sweepBatch,
        Duration explainRetention,
        int maxCodesPerConversion,
        Duration eventTimeMaxAhead,
        HttpSettings http,
        HealthSettings health,
        AdjustmentSettings adjustments,
        Map<String, String> registry,
        Properties streams) {

    public static final String TOPIC_PREFIX = "topic.";
    public static final String REFERRAL_WINDOW = "referral.window";
    public static final String REFERRAL_WINDOW_PROGRAM_PREFIX = "referral.window.program.";
    public static final String MAX_CLICKS_PER_SESSION = "session.max.clicks";
    public static final String CLICK_RETENTION_GRACE = "click.retention.grace";
    public static final String DEDUP_RETENTION = "dedup.retention";
    public static final String DECISION_DELAY = "decision.delay";
    public static final String DECISION_MAX_WAIT = "decision.max.wait";
    public static final String SWEEP_INTERVAL = "state.sweep.interval";
    public static final String SWEEP_BATCH = "state.sweep.batch";
    /** Read by app.BoundedRocksDbMemory from the Kafka Streams settings, so they pass through. */
    public static final String ROCKSDB_MEMORY_BYTES = "rocksdb.memory.bytes";
    public static final String ROCKSDB_WRITE_BUFFER_RATIO = "rocksdb.write.buffer.ratio";
    public static final String EXPLAIN_RETENTION = "explain.retention";
    public static final String HTTP_HOST = HttpSettings.HOST;
    public static final String HTTP_PORT = HttpSettings.PORT;
    public static final String HTTP_ADVERTISED_HOST = HttpSettings.ADVERTISED_HOST;
    public static final String HEALTH_FAILURE_QUIET_PERIOD = "health.failure.quiet.period";
    public static final String HEALTH_CRASH_LOOP_FAILURES = "health.crash.loop.failures";
    public static final String HEALTH_CRASH_LOOP_WINDOW = "health.crash.loop.window";

    private static final Set<String> OWN_KEYS = Set.of(REFERRAL_WINDOW, MAX_CLICKS_PER_SESSION,
            CLICK_RETENTION_GRACE, DEDUP_RETENTION, DECISION_DELAY, DECISION_MAX_WAIT, SWEEP_INTERVAL, SWEEP_BATCH,
            EXPLAIN_RETENTION, RecordLimits.MAX_CODES,
            EventTimes.MAX_AHEAD, HEALTH_FAILURE_QUIET_PERIOD, HEALTH_CRASH_LOOP_FAILURES, HEALTH_CRASH_LOOP_WINDOW);

    public static AttributionConfig from(Properties props) {
        Map<String, String> values = new HashMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));

        Topics d = Topics.DEFAULTS;
        Topics topics = new Topics(
                values.getOrDefault(TOPIC_PREFIX + "clicks", d.clicks()),
                values.getOrDefault(TOPIC_PREFIX + "conversions", d.conversions()),
                values.getOrDefault(TOPIC_PREFIX + "promo-codes", d.promoCodes()),
                values.getOrDefault(TOPIC_PREFIX + "promo-codes-validated", d.validatedPromoCodes()),
                values.getOrDefault(TOPIC_PREFIX + "credited", d.credited()),
                values.getOrDefault(TOPIC_PREFIX + "invalid", d.invalid()),
                values.getOrDefault(TOPIC_PREFIX + "unattributed", d.unattributed()),
                values.getOrDefault(TOPIC_PREFIX + "dlq", d.deadLetter()),
                values.getOrDefault(TOPIC_PREFIX + "adjustments", d.adjustments()),
                values.getOrDefault(TOPIC_PREFIX + "adjusted", d.adjusted()));

        Map<String, Duration> byProgram = new HashMap<>();
        Map<String, String> registry = new HashMap<>();
        Properties streams = new Properties();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "promo-attribution");
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streams.put("processing.exception.handler.global.enabled", "true"); // the 5.0 default, without a warning
        values.forEach((key, value) -> {
            if (key.startsWith(REFERRAL_WINDOW_PROGRAM_PREFIX)) {
                byProgram.put(key.substring(REFERRAL_WINDOW_PROGRAM_PREFIX.length()), positive(key, value));
            } else if (SchemaRegistryKeys.owns(key)) {
                registry.put(key, value);
            } else if (!OWN_KEYS.contains(key) && !HttpSettings.KEYS.contains(key) && !AdjustmentSettings.owns(key)
                    && !key.startsWith(TOPIC_PREFIX)) {
                streams.put(key, value);
            }
        });

        SchemaRegistryKeys.requireKnown(registry.keySet());

        Duration delay = duration(values, DECISION_DELAY, Duration.ZERO);
        return new AttributionConfig(
                topics,
                positive(REFERRAL_WINDOW, values.getOrDefault(REFERRAL_WINDOW, "P30D")),
                Map.copyOf(byProgram),
                integer(values, MAX_CLICKS_PER_SESSION, 1000),
                duration(values, CLICK_RETENTION_GRACE, Duration.ofDays(1)),
                positive(DEDUP_RETENTION, values.getOrDefault(DEDUP_RETENTION, "P30D")),
                delay,
                duration(values, DECISION_MAX_WAIT, delay.multipliedBy(2)),
                positive(SWEEP_INTERVAL, values.getOrDefault(SWEEP_INTERVAL, "PT1M")),
                integer(values, SWEEP_BATCH, 10_000),
                positive(EXPLAIN_RETENTION, values.getOrDefault(EXPLAIN_RETENTION, "P7D")),
                integer(values, RecordLimits.MAX_CODES, RecordLimits.DEFAULT_MAX_CODES),
                duration(values, EventTimes.MAX_AHEAD, EventTimes.DEFAULT_MAX_AHEAD),
                HttpSettings.from(values),
                new HealthSettings(positive(HEALTH_FAILURE_QUIET_PERIOD,
                        values.getOrDefault(HEALTH_FAILURE_QUIET_PERIOD, "PT30S")),
                        integer(values, HEALTH_CRASH_LOOP_FAILURES, 5),
                        positive(HEALTH_CRASH_LOOP_WINDOW, values.getOrDefault(HEALTH_CRASH_LOOP_WINDOW, "PT10M"))),
                AdjustmentSettings.from(values),
                Map.copyOf(registry),
                streams);
    }

    /**
     * A copy with one more Kafka Streams setting, unless the settings already name it: what the
     * runner derives (e.g. application.server from the HTTP address) yields to what was configured.
     */
    public AttributionConfig withStreamsDefault(String key, String value) {
        Properties copy = new Properties();
        copy.putAll(streams);
        copy.putIfAbsent(key, value);
        return new AttributionConfig(topics, referralWindow, referralWindowByProgram, maxClicksPerSession,
                clickRetentionGrace, dedupRetention, decisionDelay, decisionMaxWait, sweepInterval, sweepBatch,
                explainRetention, maxCodesPerConversion, eventTimeMaxAhead, http, health, adjustments, registry, copy);
    }

    /** The checks of SPEC "Records", "Time" and "Limits" with this configuration's limits. */
    public RecordChecks recordChecks() {
        return new RecordChecks(new RecordLimits(maxCodesPerConversion), new EventTimes(eventTimeMaxAhead));
    }

    /** SPEC rule 8: with a delay, conversions wait for late clicks; without, they are decided on arrival. */
    public boolean delaysDecisions() {
        return !decisionDelay.isZero();
    }

    public Duration referralWindow(String programId) {
        return referralWindowByProgram.getOrDefault(programId, referralWindow);
    }

    private static Duration duration(Map<String, String> values, String key, Duration fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Duration parsed = parse(key, value);
        if (parsed.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative: " + value);
        }
        return parsed;
    }

    static Duration positive(String key, String value) {
        Duration parsed = parse(key, value);
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration: " + value);
        }
        return parsed;
    }

    private static Duration parse(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P30D or PT10M: " + value);
        }
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive integer: " + value);
        }
    }
}
