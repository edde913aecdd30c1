package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.it.ServedInstances.get;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.HealthSettings;
import org.promoattribution.config.HttpSettings;
import org.promoattribution.local.LocalKafkaBroker;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.registry.RegisteredSchema;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * A record that kills every stream thread that reads it, on a real broker: the pipeline's own
 * KafkaStreams replaces the thread again and again. Readiness must go DOWN at once, liveness once
 * it is a crash loop, the replacements must be counted, and both must come back when the cause
 * passes. An Error, not an Exception, so that no Kafka Streams exception handler resumes it.
 */
class StreamThreadDeathIT {
    private static final int POISON_SCHEMA_ID = 4242;
    private static final Pattern REPLACED = Pattern.compile(
            "attribution_stream_threads_replaced_total\\{exception=\"" + Pattern.quote(PoisonError.class.getName())
                    + "\",?} (\\d+)\\.0");
    private static final Pattern KAFKA_FAILED_THREADS =
            Pattern.compile("kafka_stream_failed_stream_threads(?:_total)?\\{[^}]*} (\\d+)\\.0");

    @Test
    void aRecordKillingEveryThreadMakesTheInstanceUnreadyThenNotLiveUntilItPasses(@TempDir Path dir)
            throws Exception {
        PoisonedRegistry registry = new PoisonedRegistry();
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder().build().start()) {
            Properties settings = settings(broker, dir);
            AttributionConfig config = AttributionConfig.from(settings);
            try (Admin admin = Admin.create(config.streams())) {
                TopicSetup.ensure(admin, config.topics(), 1, (short) 1);
            }
            try (PipelineInstance instance = PipelineInstance.start(config, registry)) {
                awaitStatus(instance, "/health/ready", 200);

                sendPoison(broker, config.topics().clicks());

                HttpResponse<String> unready = awaitStatus(instance, "/health/ready", 503);
                assertThat(unready.body()).contains("\"state\":\"RUNNING\"", "a stream thread failed",
                        PoisonError.class.getName() + ": schema " + POISON_SCHEMA_ID);
                HttpResponse<String> dead = awaitStatus(instance, "/health/live", 503);
                assertThat(dead.body()).contains("stream threads failed 2 times in PT1M", "crash loop");
                // The watch hears of a failure just before the counter does: on a loaded machine a read may fall between.
                Awaitility.await("replacements counted").atMost(Duration.ofSeconds(10)).dontCatchUncaughtExceptions()
                        .untilAsserted(() -> assertThat(replacements(instance)).isGreaterThanOrEqualTo(2));
                assertThat(get(instance, "/metrics").body()).contains("attribution_health{probe=\"ready\"} 0.0");

                registry.cure(); // the record is now merely undecodable: dead-lettered, and the partition moves on

                awaitStatus(instance, "/health/ready", 200);
                assertThat(get(instance, "/health/live").statusCode()).as("out of the loop by itself").isEqualTo(200);
                assertThat(count(instance, KAFKA_FAILED_THREADS)).as("threads Kafka Streams saw die")
                        .isGreaterThanOrEqualTo(replacements(instance));
            }
        }
    }

    /**
     * With static membership a replaced thread's member would stay in the group for a whole session
     * (Kafka Streams closes the dead thread without leaving), and the group could not finish its
     * rebalance: its partitions would stand still. The instance removes it once the thread ended,
     * so the replacement takes the partition well within the session timeout.
     */
    @Test
    void aReplacedThreadsStaticMemberLeavesTheGroupBeforeItsSessionEnds(@TempDir Path dir) throws Exception {
        PoisonedRegistry registry = new PoisonedRegistry();
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder().build().start()) {
            Properties settings = settings(broker, dir);
            settings.setProperty(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "90000");
            settings.setProperty(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "3000");
            settings.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "it-pod-0");
            AttributionConfig config = AttributionConfig.from(settings);
            String group = settings.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
            try (Admin admin = Admin.create(config.streams())) {
                TopicSetup.ensure(admin, config.topics(), 1, (short) 1);
                try (PipelineInstance instance = PipelineInstance.start(config, registry)) {
                    awaitStatus(instance, "/health/ready", 200);
                    assertThat(members(admin, group)).singleElement()
                            .satisfies(m -> assertThat(m.groupInstanceId()).hasValue("it-pod-0-1"));

                    sendPoison(broker, config.topics().clicks());
                    awaitStatus(instance, "/health/ready", 503);
                    registry.cure();
                    long cured = System.nanoTime();

                    // Within a third of the session: the dead members were taken out, not timed out.
                    // (A replacement may also have taken a dead thread's index back: one member all the same.)
                    Awaitility.await("one member, holding the partition").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(250)).dontCatchUncaughtExceptions()
                            .untilAsserted(() -> assertThat(members(admin, group)).singleElement()
                                    .satisfies(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty()));
                    awaitStatus(instance, "/health/ready", 200);
                    System.out.printf("[it] static member of the replaced thread gone %d ms after the cause passed%n",
                            Duration.ofNanos(System.nanoTime() - cured).toMillis());
                }
            }
        }
    }

    /** The group's members, dead ones included until they are removed or their session ends. */
    private static Collection<MemberDescription> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members();
    }

    private static Properties settings(LocalKafkaBroker broker, Path dir) {
        Properties settings = new Properties();
        settings.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "it-" + UUID.randomUUID());
        settings.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        settings.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        // A replacement joins once the dead thread's session expires: the broker's least, to loop fast.
        settings.setProperty(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000");
        settings.setProperty(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1500");
        settings.setProperty(HttpSettings.HOST, "127.0.0.1");
        settings.setProperty(HttpSettings.PORT, "0");
        settings.setProperty(HealthSettings.FAILURE_QUIET_PERIOD, "PT2S");
        settings.setProperty(HealthSettings.CRASH_LOOP_FAILURES, "2");
        settings.setProperty(HealthSettings.CRASH_LOOP_WINDOW, "PT1M");
        return settings;
    }

    private static void sendPoison(LocalKafkaBroker broker, String topic) throws Exception {
        byte[] value = {0, 0, 0, (byte) (POISON_SCHEMA_ID >> 8), (byte) POISON_SCHEMA_ID, 2, 'x'};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "s1", value)).get();
        }
    }

    private static HttpResponse<String> awaitStatus(PipelineInstance instance, String path, int status) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                // The dying threads' errors reach the JVM's handler once Kafka Streams has replaced them.
                .dontCatchUncaughtExceptions()
                .until(() -> get(instance, path), response -> response.statusCode() == status);
    }

    private static int replacements(PipelineInstance instance) {
        return count(instance, REPLACED);
    }

    private static int count(PipelineInstance instance, Pattern meter) {
        Matcher counted = meter.matcher(get(instance, "/metrics").body());
        return counted.find() ? Integer.parseInt(counted.group(1)) : 0;
    }

    /** Stands for anything that kills a thread and no handler may resume: a JVM error, a bug in a library. */
    static final class PoisonError extends Error {
        PoisonError(String message) {
            super(message);
        }
    }

    /** A registry whose answer for one schema id kills the thread asking, until cured. */
    private static final class PoisonedRegistry implements SchemaRegistryClient {
        private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        private volatile boolean poisoned = true;

        void cure() {
            poisoned = false;
        }

        @Override
        public Schema schemaById(int id) {
            if (poisoned && id == POISON_SCHEMA_ID) {
                throw new PoisonError("schema " + id);
            }
            return registry.schemaById(id);
        }

        @Override
        public int register(String subject, Schema schema) {
            return registry.register(subject, schema);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            return registry.idOf(subject, schema);
        }

        @Override
        public RegisteredSchema latestVersion(String subject) {
            return registry.latestVersion(subject);
        }
    }
}
