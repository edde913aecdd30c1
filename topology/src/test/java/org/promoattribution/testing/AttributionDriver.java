package org.promoattribution.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.explain.ConversionStanding;
import org.promoattribution.explain.Explanation;
import org.promoattribution.explain.ExplanationCodec;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.state.StoreNames;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.AttributionTopology;
import org.promoattribution.deadletter.DeadLetterHeaders;
import org.promoattribution.streams.RoutingKey;
import org.promoattribution.usage.UsageKey;

/**
 * The attribution topology in a {@link TopologyTestDriver}, fed and read through the same
 * registry wire format as in production, with the default topic names.
 */
public final class AttributionDriver implements AutoCloseable {
    /** The driver's wall clock ("now" of SPEC "Time"), after every event time the fixtures use. */
    public static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    public final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AttributionSerdes serdes;
    private final Topics topics;
    private final Path stateDir;
    private final Topology topology;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> clicks;
    private final TestInputTopic<byte[], byte[]> conversions;
    private final TestInputTopic<byte[], byte[]> promoCodes;
    private final TestInputTopic<byte[], byte[]> commissionTerms;
    private final TestInputTopic<byte[], byte[]> adjustments;
    private final TestOutputTopic<String, AdjustmentDecision> adjusted;
    private final List<TestOutputTopic<String, AttributionDecision>> decisionTopics = new ArrayList<>();
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    /** The commit interval unless the settings name one; usage sums are handed on once an interval. */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    private final TestOutputTopic<String, PromoCodeUsage> usage;
    private Instant wallClock;
    /** Settings {@link #replacedBy} keeps. */
    private Properties kept = new Properties();
    private final Properties settings;
    private final TopologyFactory topologyFactory;
    private final Path taskState;

    public AttributionDriver() {
        this(new Properties());
    }

    public AttributionDriver(Properties settings) {
        this(settings, NOW);
    }

    /** @param wallClock the driver's wall clock at start: "now" for the pipeline (SPEC "Time") */
    public AttributionDriver(Properties settings, Instant wallClock) {
        this(settings, wallClock, AttributionTopology::build);
    }

    /** How a test builds the topology under the driver: {@link AttributionTopology#build} but for a part it swaps. */
    @FunctionalInterface
    public interface TopologyFactory {
        Topology build(AttributionConfig config, AttributionSerdes serdes, AttributionMetrics metrics);
    }

    /** @param topology builds the topology to drive, from the driver's configuration, serdes and metrics */
    public AttributionDriver(Properties settings, Instant wallClock, TopologyFactory topology) {
        this(settings, wallClock, topology, newStateDir(), null);
    }

    /** @param taskState where the task keeps its state (see {@link #restartable}), or null: in the state directory */
    private AttributionDriver(Properties settings, Instant wallClock, TopologyFactory topology, Path stateDir,
                              Path taskState) {
        this.settings = settings;
        this.topologyFactory = topology;
        this.wallClock = wallClock;
        this.stateDir = stateDir;
        this.taskState = taskState;
        Properties props = new Properties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(settings);
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0"); // records are piped one at a time, in order
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(COMMIT_INTERVAL.toMillis()));
        AttributionConfig config = AttributionConfig.from(props);
        if (taskState != null) {
            try {
                Path appDir = Files.createDirectories(stateDir.resolve(
                        config.streams().getProperty(StreamsConfig.APPLICATION_ID_CONFIG)));
                Files.createSymbolicLink(appDir.resolve("0_0"), taskState); // the driver's one task
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        topics = config.topics();
        serdes = AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
        AttributionMetrics metrics = new AttributionMetrics(meters);
        this.topology = topology.build(config, serdes, metrics);
        driver = new TopologyTestDriver(this.topology, AttributionTopology.settings(config, metrics), wallClock);
        ByteArraySerializer bytes = new ByteArraySerializer();
        clicks = driver.createInputTopic(topics.clicks(), bytes, bytes);
        conversions = driver.createInputTopic(topics.conversions(), bytes, bytes);
        promoCodes = driver.createInputTopic(topics.promoCodes(), bytes, bytes);
        commissionTerms = driver.createInputTopic(topics.commissionTerms(), bytes, bytes);
        adjustments = driver.createInputTopic(topics.adjustments(), bytes, bytes);
        adjusted = driver.createOutputTopic(topics.adjusted(), Serdes.String().deserializer(),
                serdes.adjustmentDecision().deserializer());
        for (String topic : List.of(topics.credited(), topics.invalid(), topics.unattributed())) {
            decisionTopics.add(driver.createOutputTopic(topic, Serdes.String().deserializer(),
                    serdes.decision().deserializer()));
        }
        deadLetters = driver.createOutputTopic(topics.deadLetter(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        usage = driver.createOutputTopic(topics.usage(), Serdes.String().deserializer(),
                serdes.usage().deserializer());
    }

    public static Properties settings(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    /**
     * Closes this driver and returns a new, empty one under {@code settings} (key, value, ...): for a
     * test whose settings differ from those its class starts with.
     */
    public AttributionDriver replacedBy(String... settings) {
        close();
        Properties merged = new Properties();
        merged.putAll(kept);
        merged.putAll(settings(settings));
        AttributionDriver next = new AttributionDriver(merged);
        next.kept = kept;
        return next;
    }

    /**
     * A new driver under {@code settings} (key, value, ...) that its {@link #replacedBy} replacements
     * keep: for running a class's tests again under one more setting.
     */
    public static AttributionDriver keeping(String... settings) {
        AttributionDriver driver = new AttributionDriver(settings(settings));
        driver.kept = settings(settings);
        return driver;
    }

    /**
     * A driver, under {@code settings} (key, value, ...), that can be {@link #restarted}. Its task
     * keeps its state in a directory of its own, linked from the state directory: TopologyTestDriver
     * deletes the task directories when it closes, and deletes only the link. At least once: under
     * exactly-once Kafka Streams wipes a window store it finds without a checkpoint, to restore it
     * from its changelog, which the test driver does not do.
     */
    public static AttributionDriver restartable(String... settings) {
        Properties props = settings(settings);
        props.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return new AttributionDriver(props, NOW, AttributionTopology::build, newStateDir(), newStateDir());
    }

    /**
     * Closes this {@link #restartable} driver and returns one over the state its task leaves, at the
     * same wall clock: an instance restarted, or upgraded, on its state directory.
     */
    public AttributionDriver restarted() {
        if (taskState == null) {
            throw new IllegalStateException("not a restartable driver");
        }
        driver.close();
        deleteQuietly(stateDir);
        return new AttributionDriver(settings, wallClock, topologyFactory, newStateDir(), taskState);
    }

    private static Path newStateDir() {
        try {
            return Files.createTempDirectory("attribution-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public AttributionDriver codes(PromoCode... definitions) {
        for (PromoCode definition : definitions) {
            promoCodes.pipeInput(bytes(definition.getPromoCodeId()),
                    serdes.promoCode().serializer().serialize(topics.promoCodes(), definition));
        }
        return this;
    }

    public AttributionDriver deleteCode(String promoCodeId) {
        promoCodes.pipeInput(bytes(promoCodeId), (byte[]) null);
        return this;
    }

    public AttributionDriver terms(CommissionTerms... terms) {
        for (CommissionTerms t : terms) {
            commissionTerms.pipeInput(bytes(t.getTermsId()),
                    serdes.commissionTerms().serializer().serialize(topics.commissionTerms(), t));
        }
        return this;
    }

    public AttributionDriver deleteTerms(String termsId) {
        commissionTerms.pipeInput(bytes(termsId), (byte[]) null);
        return this;
    }

    public AttributionDriver clicks(Click... events) {
        for (Click click : events) {
            clickKeyed(click.getSessionId(), click);
        }
        return this;
    }

    public AttributionDriver clickKeyed(String key, Click click) {
        clicks.pipeInput(bytes(key), serdes.click().serializer().serialize(topics.clicks(), click),
                click.getTimestamp());
        return this;
    }

    public AttributionDriver conversions(Conversion... events) {
        for (Conversion conversion : events) {
            conversionKeyed(RoutingKey.of(conversion), conversion);
        }
        return this;
    }

    public AttributionDriver conversionKeyed(String key, Conversion conversion) {
        conversions.pipeInput(bytes(key), serdes.conversion().serializer().serialize(topics.conversions(), conversion),
                conversion.getTimestamp());
        return this;
    }

    public AttributionDriver adjustments(ConversionAdjustment... events) {
        for (ConversionAdjustment adjustment : events) {
            adjustmentKeyed(adjustment.getConversionId(), adjustment);
        }
        return this;
    }

    public AttributionDriver adjustmentKeyed(String key, ConversionAdjustment adjustment) {
        adjustments.pipeInput(bytes(key), serialize(adjustment), adjustment.getTimestamp());
        return this;
    }

    public AttributionDriver rawAdjustment(byte[] key, byte[] value) {
        adjustments.pipeInput(key, value);
        return this;
    }

    /** Every adjustment decision written since the last read, each keyed by its conversionId. */
    public List<AdjustmentDecision> adjustmentDecisions() {
        List<AdjustmentDecision> all = new ArrayList<>();
        for (TestRecord<String, AdjustmentDecision> record : adjusted.readRecordsToList()) {
            assertThat(record.key()).isEqualTo(record.value().getConversionId());
            all.add(record.value());
        }
        return all;
    }

    /** The one adjustment decision written since the last read. */
    public AdjustmentDecision adjustmentDecision() {
        List<AdjustmentDecision> all = adjustmentDecisions();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    public AttributionDriver rawClick(byte[] key, byte[] value) {
        clicks.pipeInput(key, value);
        return this;
    }

    public AttributionDriver rawConversion(byte[] key, byte[] value) {
        conversions.pipeInput(key, value);
        return this;
    }

    public AttributionDriver rawTerms(byte[] key, byte[] value) {
        commissionTerms.pipeInput(key, value);
        return this;
    }

    public AttributionDriver rawPromoCode(byte[] key, byte[] value) {
        promoCodes.pipeInput(key, value);
        return this;
    }

    public AttributionDriver advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
        wallClock = wallClock.plus(duration);
        return this;
    }

    /** The driver's wall clock: "now" for the records piped next. */
    public Instant now() {
        return wallClock;
    }

    /** Every decision written so far, checking each sits on its outcome's topic. */
    public List<AttributionDecision> decisions() {
        List<AttributionDecision> all = new ArrayList<>();
        List<String> names = List.of(topics.credited(), topics.invalid(), topics.unattributed());
        for (int i = 0; i < decisionTopics.size(); i++) {
            for (TestRecord<String, AttributionDecision> record : decisionTopics.get(i).readRecordsToList()) {
                assertThat(topics.forOutcome(record.value().getOutcome())).isEqualTo(names.get(i));
                assertThat(record.key()).isEqualTo(record.value().getConversionId());
                all.add(record.value());
            }
        }
        return all;
    }

    /** The one decision written since the last read. */
    public AttributionDecision decision() {
        List<AttributionDecision> all = decisions();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /**
     * Every promo-code-usage record written since the last read, in order, checking each one's key.
     * The wall clock moves one commit interval first: the usage sums of the records piped so far are
     * handed on to the figures then.
     */
    public List<PromoCodeUsage> usageUpdates() {
        advanceWallClock(COMMIT_INTERVAL);
        return usageUpdatesWithoutWaiting();
    }

    /** Every promo-code-usage record written since the last read, the wall clock left where it is. */
    public List<PromoCodeUsage> usageUpdatesWithoutWaiting() {
        List<PromoCodeUsage> all = new ArrayList<>();
        for (TestRecord<String, PromoCodeUsage> record : usage.readRecordsToList()) {
            assertThat(record.key()).isEqualTo(record.value().getPromoCodeId() + "|" + record.value().getDay());
            all.add(record.value());
        }
        return all;
    }

    /** The latest figures per key written since the last read, ordered by promoCodeId, then day. */
    public List<PromoCodeUsage> usage() {
        Map<UsageKey, PromoCodeUsage> latest = new TreeMap<>();
        usageUpdates().forEach(u -> latest.put(new UsageKey(u.getPromoCodeId(), u.getDay()), u));
        return List.copyOf(latest.values());
    }

    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    public static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String reason(TestRecord<byte[], byte[]> deadLetter) {
        return header(deadLetter, DeadLetterHeaders.REASON);
    }

    public byte[] serialize(Click click) {
        return serdes.click().serializer().serialize(topics.clicks(), click);
    }

    public byte[] serialize(Conversion conversion) {
        return serdes.conversion().serializer().serialize(topics.conversions(), conversion);
    }

    public byte[] serialize(ConversionAdjustment adjustment) {
        return serdes.adjustment().serializer().serialize(topics.adjustments(), adjustment);
    }

    public byte[] serialize(PromoCode code) {
        return serdes.promoCode().serializer().serialize(topics.promoCodes(), code);
    }

    /** {@code record} in the wire format under {@code writer}, registered as a new version of {@code subject}: what another producer could write. */
    public byte[] written(String subject, Schema writer, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(registry.register(subject, writer)).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The latest explanation kept for a conversion, or null. */
    public Explanation explanation(String conversionId) {
        try (var it = driver.<String, byte[]>getWindowStore(StoreNames.EXPLANATIONS)
                .backwardFetch(conversionId, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return it.hasNext() ? ExplanationCodec.decode(it.next().value) : null;
        }
    }

    /** Where a decided conversion stands in the decision ledger, with its adjustment history, as explain reads it. */
    public java.util.Optional<ConversionStanding> standing(String programId, String conversionId) {
        return ConversionStanding.find(driver.getWindowStore(StoreNames.DECISION_LEDGER),
                driver.getWindowStore(StoreNames.ADJUSTMENT_HISTORY), programId, conversionId);
    }

    public String topologyDescription() {
        return topology.describe().toString();
    }

    public TopologyDescription describe() {
        return topology.describe();
    }

    /** The topics the sub-topology of processor {@code processorName} reads: those its task reads a partition of. */
    public java.util.Set<String> topicsReadWith(String processorName) {
        return topology.describe().subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(node -> node.name().equals(processorName)))
                .flatMap(sub -> sub.nodes().stream())
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(source -> ((TopologyDescription.Source) source).topicSet().stream())
                .collect(java.util.stream.Collectors.toSet());
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
        deleteQuietly(stateDir);
        if (taskState != null) {
            deleteQuietly(taskState);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            org.apache.kafka.common.utils.Utils.delete(dir.toFile());
        } catch (java.io.IOException ignored) {
            // a temp dir left behind does no harm
        }
    }
}
