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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionMetrics;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.AttributionTopology;
import org.promoattribution.streams.DeadLetterHeaders;
import org.promoattribution.usage.UsageKey;

/**
 * Runs events through the real attribution topology in a {@link TopologyTestDriver}, with an
 * in-memory schema registry: the offline twin of the pipeline, used by {@code simulate}.
 * All decisions go to one topic here, so they come out in the order they were decided.
 */
public final class Simulator implements AutoCloseable {
    private static final String DECISIONS = "decisions";

    private final AttributionConfig config;
    private final AttributionSerdes serdes;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> clicks;
    private final TestInputTopic<byte[], byte[]> conversions;
    private final TestInputTopic<byte[], byte[]> promoCodes;
    private final TestOutputTopic<String, AttributionDecision> decisions;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TestOutputTopic<String, PromoCodeUsage> usageUpdates;
    /** The latest figures per (definition, day), in SPEC's order of usage lines. */
    private final Map<UsageKey, PromoCodeUsage> usage = new TreeMap<>();
    private Instant lastEventTime = Instant.EPOCH;

    /** What one event led to: the decisions it released, and its rejection if it was bad input. */
    public record Step(List<AttributionDecision> decisions, String rejection) {
    }

    /** @param now the wall clock when the run starts (SPEC "Time"); it moves only at {@link #finish()} */
    public Simulator(Properties settings, AttributionMetrics metrics, Instant now) {
        Properties props = new Properties();
        props.putAll(settings);
        Topics topics = AttributionConfig.from(props).topics();
        props.put(AttributionConfig.TOPIC_PREFIX + "credited", DECISIONS);
        props.put(AttributionConfig.TOPIC_PREFIX + "invalid", DECISIONS);
        props.put(AttributionConfig.TOPIC_PREFIX + "unattributed", DECISIONS);
        try {
            stateDir = Files.createTempDirectory("promo-attribution-simulate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "promo-attribution-simulate");
        // Events arrive here one at a time in input order: nothing is in flight to wait for.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0");
        config = AttributionConfig.from(props);
        serdes = AttributionSerdes.over(new InMemorySchemaRegistryClient(), SerdeOptions.DEFAULT);
        driver = new TopologyTestDriver(AttributionTopology.build(config, serdes, metrics),
                AttributionTopology.settings(config, metrics), now);
        ByteArraySerializer bytes = new ByteArraySerializer();
        clicks = driver.createInputTopic(topics.clicks(), bytes, bytes);
        conversions = driver.createInputTopic(topics.conversions(), bytes, bytes);
        promoCodes = driver.createInputTopic(topics.promoCodes(), bytes, bytes);
        decisions = driver.createOutputTopic(DECISIONS, Serdes.String().deserializer(), serdes.decision().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        usageUpdates = driver.createOutputTopic(topics.usage(), Serdes.String().deserializer(),
                serdes.usage().deserializer());
    }

    public Step send(SimEvent event) {
        byte[] key = event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8);
        Topics topics = config.topics();
        if (event.recordTimestamp() != null) { // a promo code takes the time of the event before it
            lastEventTime = Instant.ofEpochMilli(event.recordTimestamp());
        }
        switch (event.kind()) {
            case CLICK -> clicks.pipeInput(key,
                    serdes.click().serializer().serialize(topics.clicks(), (Click) event.value()), lastEventTime);
            case CONVERSION -> conversions.pipeInput(key,
                    serdes.conversion().serializer().serialize(topics.conversions(), (Conversion) event.value()),
                    lastEventTime);
            case PROMO_CODE -> promoCodes.pipeInput(key, // a null value is a tombstone
                    serdes.promoCode().serializer().serialize(topics.promoCodes(), (PromoCode) event.value()),
                    lastEventTime);
        }
        String rejection = null;
        while (!deadLetters.isEmpty()) {
            rejection = describe(deadLetters.readRecord());
        }
        readUsage();
        return new Step(decisions.readValuesToList(), rejection);
    }

    /**
     * The end of the input: conversions still waiting for their decision time are decided as a
     * silent partition would decide them after decision.max.wait.
     */
    public List<AttributionDecision> finish() {
        if (config.delaysDecisions()) {
            driver.advanceWallClockTime(config.decisionMaxWait().plus(Duration.ofSeconds(1)));
        }
        readUsage();
        return decisions.readValuesToList();
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
