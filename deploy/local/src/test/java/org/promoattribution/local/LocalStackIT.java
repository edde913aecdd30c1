package org.promoattribution.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The real broker and registry, started as child JVMs, doing what the pipeline needs of them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SR_CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String CLICK_V1 =
            """
            {"type":"record","name":"Click","namespace":"org.promoattribution.it","fields":[
              {"name":"clickId","type":"string"},
              {"name":"partnerId","type":"string"}]}""";
    /** Adds a field with a default: readable by v2 readers from v1 data, so BACKWARD compatible. */
    private static final String CLICK_V2_COMPATIBLE =
            """
            {"type":"record","name":"Click","namespace":"org.promoattribution.it","fields":[
              {"name":"clickId","type":"string"},
              {"name":"partnerId","type":"string"},
              {"name":"sessionId","type":["null","string"],"default":null}]}""";
    /** Adds a required field: v1 data lacks it, so not BACKWARD compatible. */
    private static final String CLICK_V3_INCOMPATIBLE =
            """
            {"type":"record","name":"Click","namespace":"org.promoattribution.it","fields":[
              {"name":"clickId","type":"string"},
              {"name":"partnerId","type":"string"},
              {"name":"sessionId","type":["null","string"],"default":null},
              {"name":"programId","type":"string"}]}""";

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.temporary().start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void transactionalProducerWritesWhatAReadCommittedConsumerReads() throws Exception {
        createTopic("it-clicks");
        produceInTransaction("it-clicks", "c1", "blog");

        assertThat(consumeAll("it-clicks", 1, "read_committed")).containsExactly("c1=blog");
    }

    @Test
    @Order(1)
    void aTransactionsFirstWriteWaitsOnTheBrokerForThePreviousCommitsMarkersUpToASecond() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            assertThat(config.get(LocalKafkaBroker.TXN_MARKER_WAIT).value()).isEqualTo("1000");
        }
    }

    @Test
    @Order(2)
    void registryServesTheConfluentApiAndRefusesBackwardIncompatibleSchemas() throws Exception {
        String subject = stack.schemaRegistryUrl() + "/subjects/clicks-value";

        HttpResponse<String> config = send("PUT", stack.schemaRegistryUrl() + "/config/clicks-value",
                Map.of("compatibility", "BACKWARD"));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);

        HttpResponse<String> v1 = send("POST", subject + "/versions", Map.of("schema", CLICK_V1));
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
        int id = JSON.readTree(v1.body()).get("id").asInt();

        HttpResponse<String> byId = send("GET", stack.schemaRegistryUrl() + "/schemas/ids/" + id, null);
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        JsonNode stored = JSON.readTree(JSON.readTree(byId.body()).get("schema").asText());
        assertThat(stored).isEqualTo(JSON.readTree(CLICK_V1));

        HttpResponse<String> compatible = send("POST", subject + "/versions", Map.of("schema", CLICK_V2_COMPATIBLE));
        assertThat(compatible.statusCode()).as(compatible.body()).isEqualTo(200);
        assertThat(JSON.readTree(compatible.body()).get("id").asInt()).isNotEqualTo(id);

        HttpResponse<String> incompatible =
                send("POST", subject + "/versions", Map.of("schema", CLICK_V3_INCOMPATIBLE));
        assertThat(incompatible.statusCode()).as(incompatible.body()).isEqualTo(409);

        HttpResponse<String> versions = send("GET", subject + "/versions", null);
        assertThat(JSON.readTree(versions.body())).hasSize(2);
    }

    @Test
    @Order(3)
    void brokerKeepsItsDataAndAddressAcrossStopKillAndStart() throws Exception {
        LocalKafkaBroker kafka = stack.kafka();
        String address = kafka.bootstrapServers();
        createTopic("it-restart");
        produceInTransaction("it-restart", "k1", "before-stop");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();
        produceInTransaction("it-restart", "k2", "before-kill");

        kafka.kill();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();

        assertThat(kafka.bootstrapServers()).isEqualTo(address);
        // read_uncommitted: this checks the log survives a kill; transaction recovery is Kafka's own
        assertThat(consumeAll("it-restart", 2, "read_uncommitted")).containsExactly("k1=before-stop", "k2=before-kill");
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return Admin.create(props);
    }

    private static void produceInTransaction(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx-" + topic);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.commitTransaction();
        }
    }

    private static List<String> consumeAll(String topic, int expected, String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }

    private static HttpResponse<String> send(String method, String url, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", SR_CONTENT_TYPE)
                .header("Accept", SR_CONTENT_TYPE)
                .method(method, publisher)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
