package org.promoattribution.faults;

import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.core.ConditionTimeoutException;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.RocksDbMemoryKeys;
import org.promoattribution.config.Topics;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.streams.AttributionSerdes;

/**
 * One scenario on a running local stack: its own topics (4 partitions) and application.id,
 * pipeline instances in child JVMs sharing that id (each with its own state dir), a producer as
 * the click tracker, order system and code admin would use, and the decision topics and the
 * adjustment decisions' topic read back with read_committed from the start.
 */
final class Scenario implements AutoCloseable {
    static final int PARTITIONS = 4;

    final String name;
    final Topics topics;
    final AttributionSerdes serdes;
    final CommittedLog decisions;
    final CommittedLog adjustments;
    private final Path dir;
    private final Properties settings = new Properties();
    private final SchemaRegistryClient registry;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<ChildInstance> instances = new ArrayList<>();
    private final List<CommittedLog> logs = new ArrayList<>();
    private final String bootstrapServers;

    /**
     * @param instanceSettings settings of every instance on top of the scenario's, as key, value pairs
     */
    Scenario(LocalStack stack, String name, Path dir, String... instanceSettings) throws Exception {
        this.name = name;
        this.dir = dir;
        this.bootstrapServers = stack.bootstrapServers();
        settings.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.setProperty(RestSchemaRegistryConfig.URL, stack.schemaRegistryUrl());
        settings.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "faults-" + name);
        settings.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        settings.setProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        // A crashed member holds its partitions until its session times out: keep that short.
        settings.setProperty("session.timeout.ms", "6000");
        settings.setProperty("heartbeat.interval.ms", "1500");
        // Slices go out in bursts: the producer's batches of different partitions reach the broker
        // in their own order, so an order can be written before clicks sent before it, and with
        // the default max.task.idle.ms (0) be decided without them. That is what decision.delay
        // is for (docs/reliability.md), not what these tests are about: wait for the other topic.
        settings.setProperty(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "5000");
        settings.setProperty(RocksDbMemoryKeys.MEMORY_BYTES, String.valueOf(16 * 1024 * 1024));
        for (String topic : List.of("clicks", "conversions", "promo-codes", "promo-codes-validated", "credited",
                "invalid", "unattributed", "dlq", "adjustments", "adjusted")) {
            settings.setProperty(Topics.PREFIX + topic, name + "-" + topic);
        }
        for (int i = 0; i < instanceSettings.length; i += 2) {
            settings.setProperty(instanceSettings[i], instanceSettings[i + 1]);
        }
        AttributionConfig config = AttributionConfig.from(settings);
        topics = config.topics();
        try (Admin admin = Admin.create(config.streams())) {
            TopicSetup.ensure(admin, topics, PARTITIONS, (short) 1);
        }
        registry = SchemaRegistryClients.fromConfig(config.registry());
        serdes = AttributionSerdes.over(registry, SerdeOptions.DEFAULT);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer());
        decisions = read(topics.credited(), topics.invalid(), topics.unattributed());
        adjustments = read(topics.adjusted());
    }

    /** A reader of the committed records of {@code topics}, from their beginning, for the whole scenario. */
    CommittedLog read(String... topics) {
        CommittedLog log = new CommittedLog(bootstrapServers, List.of(topics));
        logs.add(log);
        return log;
    }

    /** Starts an instance whose state lives in {@code stateDir} (a name under the scenario's directory). */
    ChildInstance launch(String instance, String stateDir) {
        Properties own = new Properties();
        own.putAll(settings);
        own.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(stateDir).toString());
        ChildInstance child = ChildInstance.launch(name + "-" + instance, own, dir.resolve("instances"));
        instances.add(child);
        return child;
    }

    /**
     * Starts instances, each on a state dir of its name ("state-a" for "a"), sends the promo codes
     * once all run, and waits until each knows them.
     */
    List<ChildInstance> launchWithCodes(List<SimEvent> codes, String... names) {
        List<ChildInstance> launched = new ArrayList<>(names.length);
        for (String instance : names) {
            launched.add(launch(instance, "state-" + instance));
        }
        launched.forEach(i -> i.awaitRunning(0));
        send(codes);
        launched.forEach(i -> i.awaitRunning(codes.size()));
        return launched;
    }

    /** Starts an instance on {@code dataDir} (a name under the scenario's directory), as {@code run --data-dir}. */
    ChildInstance launchOnDataDir(String instance, String dataDir) {
        Properties own = new Properties();
        own.putAll(settings);
        ChildInstance child = ChildInstance.launchOnDataDir(name + "-" + instance, own, dir.resolve("instances"),
                dir.resolve(dataDir));
        instances.add(child);
        return child;
    }

    /**
     * Sends events in order and waits for the broker's acknowledgements, as README asks of
     * producers: before a record goes to another topic than the one before it, what was sent is
     * acknowledged. The input topics take the broker's append time as record timestamp and the
     * pipeline takes a task's clicks and conversions in that order, so the broker's order must be
     * the order sent, which is the order simulate reads (see docs/reliability.md).
     */
    List<RecordMetadata> send(List<SimEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        List<RecordMetadata> acknowledged = new ArrayList<>(events.size());
        String previousTopic = null;
        for (SimEvent event : events) {
            String topic = event.topic(topics);
            if (previousTopic != null && !topic.equals(previousTopic)) {
                acknowledged.addAll(acknowledged(sent));
                sent.clear();
            }
            previousTopic = topic;
            sent.add(producer.send(new ProducerRecord<>(topic, null, event.recordTimestamp(), bytes(event.key()),
                    event.serialize(serdes, topic))));
        }
        acknowledged.addAll(acknowledged(sent));
        return acknowledged;
    }

    /** Sends one record as given: any key, any bytes, null included. */
    RecordMetadata sendRaw(String topic, byte[] key, byte[] value) {
        return sendRaw(topic, key, value, null);
    }

    /** Sends one record as given, with this record timestamp (null: the producer's clock). */
    RecordMetadata sendRaw(String topic, byte[] key, byte[] value, Long timestamp) {
        return acknowledged(List.of(producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)))).get(0);
    }

    /** Distinct conversions decided so far. */
    int decided() {
        return (int) decisions.records().stream().map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .distinct().count();
    }

    /** Waits until at least {@code count} conversions are decided, and tells how many are. */
    int awaitDecided(int count) {
        return awaitDecided(count, Duration.ofSeconds(120));
    }

    /** Waits up to {@code timeout}; on time out, says how many are decided and how each instance's log ends. */
    int awaitDecided(int count, Duration timeout) {
        try {
            decisions.await(count + " decisions", records -> decided() >= count, timeout);
        } catch (ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder(e.getMessage() + "; " + decided() + " decided");
            instances.forEach(i -> logs.append("\n--- end of the log of ").append(i.name).append(":\n")
                    .append(i.logTail()));
            throw new AssertionError(logs.toString(), e);
        }
        return decided();
    }

    AttributionDecision decode(byte[] value) {
        return serdes.decision().deserializer().deserialize(topics.credited(), value);
    }

    AdjustmentDecision decodeAdjustment(byte[] value) {
        return serdes.adjustmentDecision().deserializer().deserialize(topics.adjusted(), value);
    }


    private static List<RecordMetadata> acknowledged(List<Future<RecordMetadata>> sent) {
        List<RecordMetadata> acks = new ArrayList<>(sent.size());
        try {
            for (Future<RecordMetadata> ack : sent) {
                acks.add(ack.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(acks).hasSameSizeAs(sent);
        return acks;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        instances.forEach(ChildInstance::close);
        logs.forEach(CommittedLog::close);
        producer.close();
        registry.close();
    }
}
