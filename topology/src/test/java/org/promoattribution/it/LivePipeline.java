package org.promoattribution.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.promoattribution.app.AttributionApp;
import org.promoattribution.app.StreamsHooks;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.local.LocalStack;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.AvroSerdes;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;

/**
 * The pipeline on a real broker and registry, as users run it: producers write Avro through
 * the registry, the app runs in this JVM, consumers read decisions with read_committed.
 */
final class LivePipeline implements AutoCloseable {
    final LocalStack stack;
    final Properties settings = new Properties();
    final SchemaRegistryClient registry;
    final AttributionSerdes serdes;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Path stateDir;
    private AttributionApp app;

    LivePipeline(Path stateDir) throws Exception {
        this(stateDir, 2);
    }

    /** With the pipeline's topics created with {@code partitions} partitions each. */
    LivePipeline(Path stateDir, int partitions) throws Exception {
        this.stateDir = stateDir;
        stack = LocalStack.temporary().start();
        settings.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.setProperty("schema.registry.url", stack.schemaRegistryUrl());
        settings.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "it-" + UUID.randomUUID());
        settings.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        AttributionConfig config = config();
        try (Admin admin = Admin.create(config.streams())) {
            TopicSetup.ensure(admin, config.topics(), partitions, (short) 1);
        }
        registry = SchemaRegistryClients.fromConfig(config.registry());
        serdes = AttributionSerdes.over(registry, SerdeOptions.DEFAULT);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    AttributionConfig config() {
        return AttributionConfig.from(settings);
    }

    Topics topics() {
        return config().topics();
    }

    void startApp() {
        startApp(Set.of());
    }

    /** Starts the app reading {@code previousRerouting} too, the previous version's rerouting topics. */
    void startApp(Set<String> previousRerouting) {
        AttributionMetrics metrics = new AttributionMetrics(new SimpleMeterRegistry());
        app = new AttributionApp(config(), registry, metrics, StreamsHooks.defaults(config(), metrics),
                previousRerouting);
        app.start();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
    }

    void stopApp() {
        app.close();
    }

    void send(PromoCode code) {
        send(topics().promoCodes(), code.getPromoCodeId(), serdes.promoCode().serializer()
                .serialize(topics().promoCodes(), code));
    }

    /** Sends a definition and waits until the running app has read it (SPEC rule 9). */
    void sendAndAwait(PromoCode code) {
        send(code);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> app.codes().get(code.getPromoCodeId()).isPresent());
    }

    void send(Click click) {
        send(topics().clicks(), click.getSessionId(), serdes.click().serializer().serialize(topics().clicks(), click));
    }

    void send(Conversion conversion) {
        send(topics().conversions(), conversion.getSessionId(),
                serdes.conversion().serializer().serialize(topics().conversions(), conversion));
    }

    void send(ConversionAdjustment adjustment) {
        send(topics().adjustments(), adjustment.getConversionId(),
                serdes.adjustment().serializer().serialize(topics().adjustments(), adjustment));
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The committed records of the given topics, from the beginning, polled until {@code done}
     * holds for them (or a minute passed), and a little longer so that a record too many shows.
     */
    List<ConsumerRecord<byte[], byte[]>> readCommitted(Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                       String... topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topics));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }

    /** Every decision written so far, once decisions for all of {@code conversionIds} are among them. */
    List<AttributionDecision> decisionsOnceDecided(String... conversionIds) {
        Topics topics = topics();
        Set<String> wanted = Set.of(conversionIds);
        return readCommitted(records -> records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet()).containsAll(wanted),
                topics.credited(), topics.invalid(), topics.unattributed()).stream()
                .map(r -> serdes.decision().deserializer().deserialize(r.topic(), r.value()))
                .toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A consumer of decisions that knows only the schemas jar: what payout and reporting services use. */
    static AttributionDecision readAsDownstreamConsumer(SchemaRegistryClient registry, String topic, byte[] value) {
        return AvroSerdes.serde(AttributionDecision.class, registry, SerdeOptions.DEFAULT, false)
                .deserializer().deserialize(topic, value);
    }

    @Override
    public void close() {
        try {
            if (app != null) {
                app.close();
            }
            producer.close();
        } finally {
            stack.close();
        }
    }
}
