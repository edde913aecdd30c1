package org.promoattribution.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.promoattribution.config.AdjustmentSettings;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.payouts.PayoutLedger;
import org.promoattribution.payouts.PayoutLine;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.AttributionTopology;
import org.promoattribution.deadletter.DeadLetterHeaders;
import org.promoattribution.usage.UsageKey;

/**
 * Runs events through the real attribution topology in a {@link TopologyTestDriver}, with an
 * in-memory schema registry: the offline twin of the pipeline, used by {@code simulate}.
 * All decisions go to one topic here, so they come out in the order they were decided; an
 * adjustment's decision comes out after its conversion's (the ledger decides held adjustments right
 * after their decision).
 */
public final class Simulator implements AutoCloseable {
    private static final String DECISIONS = "decisions";

    private final AttributionConfig config;
    private final AttributionSerdes serdes;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
    private final TestOutputTopic<String, AttributionDecision> decisions;
    private final TestOutputTopic<String, AdjustmentDecision> adjusted;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TestOutputTopic<String, PromoCodeUsage> usageUpdates;
    /** The latest figures per (definition, day), in SPEC's order of usage lines. */
    private final Map<UsageKey, PromoCodeUsage> usage = new TreeMap<>();
    private Instant lastEventTime = Instant.EPOCH;
    /** Every decision and adjustment decision, for SPEC C5's payout lines. */
    private final PayoutLedger payouts = new PayoutLedger();
    private final Instant startedAt;

    /** What one event led to: the decisions it released, and its rejection if it was bad input. */
    public record Step(List<AttributionDecision> decisions, List<AdjustmentDecision> adjustments, String rejection) {
        /** Decisions and adjustment decisions in the order decided: each decision then its conversion's adjustments. */
        public List<SpecificRecord> inDecidedOrder() {
            List<AdjustmentDecision> left = new ArrayList<>(adjustments);
            List<SpecificRecord> ordered = new ArrayList<>();
            for (AttributionDecision decision : decisions) {
                ordered.add(decision);
                left.removeIf(a -> a.getProgramId().equals(decision.getProgramId())
                        && a.getConversionId().equals(decision.getConversionId()) && ordered.add(a));
            }
            ordered.addAll(left);
            return ordered;
        }
    }

    /** @param now the wall clock when the run starts (SPEC "Time"); it moves only at {@link #finish()} */
    public Simulator(Properties settings, AttributionMetrics metrics, Instant now) {
        Properties props = new Properties();
        props.putAll(settings);
        Topics topics = AttributionConfig.from(props).topics();
        props.put(Topics.PREFIX + "credited", DECISIONS);
        props.put(Topics.PREFIX + "invalid", DECISIONS);
        props.put(Topics.PREFIX + "unattributed", DECISIONS);
        try {
            stateDir = Files.createTempDirectory("promo-attribution-simulate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "promo-attribution-simulate");
        // Events arrive here one at a time in input order: nothing is in flight to wait for.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0");
        // Each record is a commit interval of its own: its usage goes to the figures at once, so that
        // usage.retention judges each use against the latest day counted before it (SPEC), as the
        // pipeline judges each interval's.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "0");
        // SPEC A5: held adjustments wait for the end of input; the clock moves only then, past decision.max.wait first.
        AttributionConfig configured = AttributionConfig.from(props);
        props.put(AdjustmentSettings.MAX_WAIT,
                configured.decisionMaxWait().plus(configured.adjustments().maxWait()).plusSeconds(1).toString());
        config = AttributionConfig.from(props);
        startedAt = now;
        serdes = AttributionSerdes.over(new InMemorySchemaRegistryClient(), SerdeOptions.DEFAULT);
        driver = new TopologyTestDriver(AttributionTopology.build(config, serdes, metrics),
                AttributionTopology.settings(config, metrics), now);
        ByteArraySerializer bytes = new ByteArraySerializer();
        for (String input : List.of(topics.clicks(), topics.conversions(), topics.promoCodes(), topics.commissionTerms(),
                topics.adjustments())) {
            inputs.put(input, driver.createInputTopic(input, bytes, bytes));
        }
        adjusted = driver.createOutputTopic(topics.adjusted(), Serdes.String().deserializer(),
                serdes.adjustmentDecision().deserializer());
        decisions = driver.createOutputTopic(DECISIONS, Serdes.String().deserializer(), serdes.decision().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        usageUpdates = driver.createOutputTopic(topics.usage(), Serdes.String().deserializer(),
                serdes.usage().deserializer());
    }

    public Step send(SimEvent event) {
        byte[] key = event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8);
        if (event.recordTimestamp() != null) { // a promo code takes the time of the event before it
            lastEventTime = Instant.ofEpochMilli(event.recordTimestamp());
        }
        String topic = event.topic(config.topics());
        inputs.get(topic).pipeInput(key, event.serialize(serdes, topic), lastEventTime); // a null value is a tombstone
        String rejection = null;
        while (!deadLetters.isEmpty()) {
            rejection = describe(deadLetters.readRecord());
        }
        readUsage();
        return counted(new Step(decisions.readValuesToList(), adjusted.readValuesToList(), rejection));
    }

    /**
     * The end of the input: conversions still waiting for their decision time are decided as a
     * silent partition would decide them after decision.max.wait, with their held adjustments;
     * then adjustments still held are rejected (SPEC A5).
     */
    public Step finish() {
        if (config.delaysDecisions()) {
            driver.advanceWallClockTime(config.decisionMaxWait().plus(Duration.ofSeconds(1)));
        }
        List<AttributionDecision> decided = decisions.readValuesToList();
        List<AdjustmentDecision> adjustedNow = new ArrayList<>(adjusted.readValuesToList());
        driver.advanceWallClockTime(config.adjustmentWait());
        adjustedNow.addAll(adjusted.readValuesToList());
        readUsage();
        return counted(new Step(decided, adjustedNow, null));
    }

    private Step counted(Step step) {
        step.decisions().forEach(payouts::decided);
        step.adjustments().forEach(payouts::adjusted);
        return step;
    }

    /**
     * SPEC C5: the payout figures of every decision so far, ordered by programId, partnerId, month;
     * "now" for locking is the wall clock the run started at ({@code --now}).
     */
    public List<PayoutLine> payouts() {
        return payouts.lines(config.adjustments()::lockPeriod, startedAt);
    }

    /** The latest figures of each (definition, day) so far, ordered by promoCodeId, then day. */
    public List<PromoCodeUsage> usage() {
        return List.copyOf(usage.values());
    }

    private void readUsage() {
        while (!usageUpdates.isEmpty()) {
            PromoCodeUsage figures = usageUpdates.readValue();
            usage.put(new UsageKey(figures.getPromoCodeId(), figures.getDay()), figures);
        }
    }

    private static String describe(TestRecord<byte[], byte[]> deadLetter) {
        Header reason = deadLetter.headers().lastHeader(DeadLetterHeaders.REASON);
        Header error = deadLetter.headers().lastHeader(DeadLetterHeaders.ERROR);
        return new String(reason.value(), StandardCharsets.UTF_8) + ": " + new String(error.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
